/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * A throwaway GnuPG home for checking signatures: a temporary folder whose
 * gpg.conf forbids starting an agent or dirmngr, a gpgme context on it, and
 * the rule for when a good signature counts at a given time.  The user's own
 * keyring is never written.  For signoff.c and bundle.c.
 */
#ifndef KITEI_GPGHOME_H
#define KITEI_GPGHOME_H

#include <stdint.h>

#include <gpgme.h>

#include "diag.h"

struct gpghome;

/*
 * Makes a temporary GnuPG home below $TMPDIR (or /tmp) and an OpenPGP
 * context on it.  Returns it (free with gpghome_free), or NULL with a fatal
 * diagnostic emitted.
 */
struct gpghome	*gpghome_new(struct diag *);

/* The context, borrowed: it dies with the home. */
gpgme_ctx_t	 gpghome_ctx(const struct gpghome *);

/*
 * Imports the keys in data (armored or binary).  Returns 0, or the gpgme
 * error for the caller to report.
 */
gpgme_error_t	 gpghome_import(struct gpghome *, const char *data, size_t len);

/*
 * Copies the user's public keyring files ($GNUPGHOME, else ~/.gnupg:
 * pubring.kbx and pubring.gpg) into the home, reading them only.  Returns the
 * number of files copied (0 when the user has none), or -1 with a fatal
 * diagnostic emitted.
 */
int		 gpghome_copy_user_keys(struct gpghome *, struct diag *);

/*
 * Whether signature s counts for something dated when: its status is good
 * (or only "key expired"), and the key that made it and its primary key
 * were neither revoked nor expired at the later of when and the signature's
 * own time: a signer whose clock was set back cannot date a signature into
 * the key's lifetime.  Returns 1 if it counts, else 0 with *why set to a
 * static reason.
 */
int		 gpghome_sig_counts(struct gpghome *, gpgme_signature_t s,
		    int64_t when, const char **why);

/* Releases the context and removes the folder; accepts NULL. */
void		 gpghome_free(struct gpghome *);

#endif /* KITEI_GPGHOME_H */
