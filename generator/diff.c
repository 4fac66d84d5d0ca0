/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * PLACEHOLDER until the compare stage lands: reports that diff is not built.
 */
#include "diag.h"
#include "diff.h"

xmlDocPtr
diff_manual(const struct diff_side *o, size_t oi, const struct diff_side *n,
    size_t ni, enum diff_order order, struct diag *d)
{
	diag_emit(d, DIAG_FATAL, NULL, "diff", "the 新旧対照表 is not implemented yet");
	return NULL;
}
