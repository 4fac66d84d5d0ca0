/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The bundle stage: packs a folder of outputs into a zip for regulators with
 * SHA256SUMS (sha256sum -c accepts it), an optional detached OpenPGP
 * signature (gpgme) and byte-for-byte reproducible entries (libarchive);
 * and checks such a zip (kitei verify), reading it itself (zlib).  For
 * main.c, and output.c (README.txt names the signing key).
 */
#ifndef KITEI_BUNDLE_H
#define KITEI_BUNDLE_H

#include <stdint.h>

#include "diag.h"

/*
 * Writes SHA256SUMS over every file in dir (sorted, recursively), signs it
 * into SHA256SUMS.asc when key is not NULL, and packs dir into the zip at
 * path with every entry dated time (its MS-DOS date and time read in the
 * UTC offset offset, minutes: whatever TZ says).  Names verify would refuse
 * are refused.  The zip is written beside path and renamed into place.
 * Returns 0, or -1 with a diagnostic emitted.
 */
int	 bundle_write(const char *dir, const char *path, int64_t time,
	    int offset, const char *key, struct diag *);

/*
 * Who owns the secret key key of the user's keyring: "NAME <EMAIL>" of its
 * first valid user id (NULL when it has none) in *owner and its
 * fingerprint in *fpr, new strings.  Returns 0, or -1 when there is no
 * such key (both NULL).
 */
int	 bundle_key_owner(const char *key, char **owner, char **fpr);

/*
 * Checks a bundle: the zip has one reading only (local headers and central
 * directory agree, nothing hidden between members), every member is a
 * regular file with a portable name appearing once, every file listed in
 * SHA256SUMS (read as sha256sum -c does) is present with that hash, no file
 * is missing or extra, and SHA256SUMS.asc (when present, or when keyring is
 * given) is a good signature over SHA256SUMS by a key in keyring (an
 * armored key file) or, without one, a copy of the user's public keyring,
 * made by a key valid at the later of the signature's time and the source
 * commit's (manifest.json's commit_time).  No gpg-agent is started and the
 * user's keyring is only read.  Members are hashed as they stream, within
 * the limits of klimits.h.  Each problem is an error naming the file.
 * Returns 0, or -1 (diagnostics emitted; fatal when the zip cannot be read).
 */
int	 bundle_verify(const char *path, const char *keyring, struct diag *);

#endif /* KITEI_BUNDLE_H */
