/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The message table built from msg.h, indexed by id.
 */
#include <stddef.h>

#include "diag.h"

#define MSG_ROW_(id, level, rule, fmt)	[id] = { id, level, rule, fmt },
#define MSG_ROW(m)			MSG_ROW_(m)

static const struct msgdef msg_table[MSGID__MAX] = {
	KITEI_MSGS(MSG_ROW)
};

/* Returns the row for id, borrowed from the static table; NULL if none. */
const struct msgdef *
msg_get(enum msgid id)
{
	if ((int)id < 0 || id >= MSGID__MAX)
		return NULL;
	return &msg_table[id];
}
