/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Signs a finished manual PDF as a PAdES baseline B-B signature
 * (SubFilter ETSI.CAdES.detached) with an X.509 key from a PKCS#12 file,
 * appended as an incremental update so that the unsigned bytes stay as the
 * typesetter wrote them (docs/pdf-signing.md).  For output.c only.
 */
#ifndef KITEI_PDFSIGN_H
#define KITEI_PDFSIGN_H

#include <stdint.h>

#include "diag.h"

/* The environment variable holding the PKCS#12 file's password. */
#define KITEI_PDF_PASSWORD_ENV	"KITEI_PDF_PASSWORD"

/* A loaded signing identity: key and certificate chain (opaque). */
struct pdfsign;

/* What the signature dictionary says; strings borrowed, UTF-8. */
struct pdfsign_info {
	int64_t		 time;		/* /M: the approval commit's time */
	int		 offset;	/* its UTC offset in minutes */
	const char	*reason;	/* /Reason */
	const char	*name;		/* /Name: the approvers */
	/*
	 * Named destinations at the top and the bottom of the block the
	 * field covers (on one page, the full text width); NULL, or not
	 * found: an invisible field on page 1.
	 */
	const char	*place_top;
	const char	*place_bottom;
};

/*
 * Loads identity, the path of a PKCS#12 file whose password is in
 * $KITEI_PDF_PASSWORD (unset: the empty password).  Returns a new value
 * (free with pdfsign_free), or NULL with a diagnostic naming the file.
 */
struct pdfsign	*pdfsign_new(const char *identity, struct diag *);

/*
 * Appends a signature field (over info's block, else invisible on page 1),
 * its signature dictionary
 * and a CMS SignedData over the whole file but the signature itself to the
 * PDF at path.  The bytes before the update are not changed.  Returns 0, or
 * -1 with a diagnostic naming path.
 */
int		 pdfsign_file(struct pdfsign *, const char *path,
		    const struct pdfsign_info *, struct diag *);

void		 pdfsign_free(struct pdfsign *);

#endif /* KITEI_PDFSIGN_H */
