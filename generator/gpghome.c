/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * A throwaway GnuPG home for checking signatures (gpgme), and the rule for
 * when a good signature counts.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpgme.h>

#include "ascii.h"
#include "diag.h"
#include "gpghome.h"
#include "publish.h"
#include "xalloc.h"

struct gpghome {
	char		*dir;		/* the temporary GNUPGHOME, removed by _free */
	gpgme_ctx_t	 ctx;		/* OpenPGP, on dir */
};

/*
 * Makes the folder and its gpg.conf.  gpg would start an agent for an
 * import (and dirmngr for a key lookup), which would outlive the folder;
 * checking signatures needs neither, so no-autostart.  Returns 0 or -1 with
 * a fatal diagnostic emitted.
 */
static int
gpghome_mkdir(struct gpghome *h, struct diag *d)
{
	const char	*tmp = getenv("TMPDIR");
	char		*conf;
	FILE		*f;
	int		 rc = 0;

	if (tmp == NULL || tmp[0] == '\0')
		tmp = "/tmp";
	xasprintf(&h->dir, "%s/kitei-gnupg-XXXXXX", tmp);
	if (mkdtemp(h->dir) == NULL) {
		diag_msg(d, NULL, MSG_GPG, tmp, strerror(errno));
		free(h->dir);
		h->dir = NULL;
		return -1;
	}
	xasprintf(&conf, "%s/gpg.conf", h->dir);
	if ((f = fopen(conf, "w")) == NULL ||
	    fputs("no-autostart\n", f) == EOF || fclose(f) == EOF) {
		diag_msg(d, NULL, MSG_GPG_WRITE, conf, strerror(errno));
		rc = -1;
	}
	free(conf);
	return rc;
}

struct gpghome *
gpghome_new(struct diag *d)
{
	struct gpghome	*h = xcalloc(1, sizeof(*h));
	gpgme_error_t	 e;

	if (gpghome_mkdir(h, d) < 0) {
		gpghome_free(h);
		return NULL;
	}
	gpgme_check_version(NULL);
	if ((e = gpgme_new(&h->ctx)) != 0 ||
	    (e = gpgme_set_protocol(h->ctx, GPGME_PROTOCOL_OpenPGP)) != 0 ||
	    (e = gpgme_ctx_set_engine_info(h->ctx, GPGME_PROTOCOL_OpenPGP,
	    NULL, h->dir)) != 0) {
		diag_msg(d, NULL, MSG_GPG_OPENPGP, gpgme_strerror(e));
		gpghome_free(h);
		return NULL;
	}
	return h;
}

gpgme_ctx_t
gpghome_ctx(const struct gpghome *h)
{
	return h->ctx;
}

gpgme_error_t
gpghome_import(struct gpghome *h, const char *data, size_t len)
{
	gpgme_data_t	 kd;
	gpgme_error_t	 e;

	if ((e = gpgme_data_new_from_mem(&kd, data, len, 0)) != 0)
		return e;
	e = gpgme_op_import(h->ctx, kd);
	gpgme_data_release(kd);
	return e;
}

/*
 * Copies the file from to to (created, mode 0600).  Returns 1 when copied,
 * 0 when from does not exist, or -1 with a fatal diagnostic emitted.
 */
static int
gpghome_copy(const char *from, const char *to, struct diag *d)
{
	struct pos	 pos = { from, 0, 0 };
	char		 chunk[65536];
	ssize_t		 n;
	int		 in, out = -1, rc = -1;

	if ((in = open(from, O_RDONLY)) < 0)
		return errno == ENOENT ? 0 : (diag_msg(d, &pos, MSG_GPG_READ,
		    strerror(errno)), -1);
	if ((out = open(to, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0)
		goto fail;
	while ((n = read(in, chunk, sizeof(chunk))) > 0)
		if (write(out, chunk, (size_t)n) != n)
			goto fail;
	if (n < 0 || close(out) < 0) {
		out = -1;
		goto fail;
	}
	out = -1;
	rc = 1;
	goto out;
fail:
	diag_msg(d, &pos, MSG_GPG_COPY, strerror(errno));
out:
	if (out >= 0)
		close(out);
	close(in);
	return rc;
}

int
gpghome_copy_user_keys(struct gpghome *h, struct diag *d)
{
	static const char *const files[] = { "pubring.kbx", "pubring.gpg" };
	const char	*gh = getenv("GNUPGHOME"), *home = getenv("HOME");
	char		*src = NULL, *from, *to;
	size_t		 i;
	int		 r, n = 0;

	if (gh != NULL && gh[0] != '\0')
		src = xstrdup(gh);
	else if (home != NULL && home[0] != '\0')
		xasprintf(&src, "%s/.gnupg", home);
	else
		return 0;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		xasprintf(&from, "%s/%s", src, files[i]);
		xasprintf(&to, "%s/%s", h->dir, files[i]);
		r = gpghome_copy(from, to, d);
		free(from);
		free(to);
		if (r < 0) {
			free(src);
			return -1;
		}
		n += r;
	}
	free(src);
	return n;
}

/* Whether key k (a subkey or the primary) was usable at time t. */
static int
gpghome_key_valid_at(gpgme_subkey_t k, int64_t t)
{
	return !k->revoked && !k->invalid && !k->disabled &&
	    (k->timestamp <= 0 || t >= (int64_t)k->timestamp) &&
	    (k->expires <= 0 || t < (int64_t)k->expires);
}

int
gpghome_sig_counts(struct gpghome *h, gpgme_signature_t s, int64_t when,
    const char **why)
{
	gpgme_key_t	 key = NULL;
	gpgme_subkey_t	 sk, used = NULL;
	gpg_err_code_t	 c = gpg_err_code(s->status);
	int64_t		 t = when;
	const char	*r = "the signature is not valid";
	int		 ok = 0;

	if (c != GPG_ERR_NO_ERROR && c != GPG_ERR_KEY_EXPIRED) {
		*why = c == GPG_ERR_CERT_REVOKED ?
		    "the key that made the signature is revoked" : r;
		return 0;
	}
	if (s->fpr == NULL || s->timestamp == 0 ||
	    gpgme_get_key(h->ctx, s->fpr, &key, 0) != 0 || key->subkeys == NULL)
		goto out;
	/* Never trust a signature dated before what it signs. */
	if ((int64_t)s->timestamp > t)
		t = (int64_t)s->timestamp;
	for (sk = key->subkeys; sk != NULL; sk = sk->next)
		if ((sk->fpr != NULL && !ascii_strcasecmp(sk->fpr, s->fpr)) ||
		    (sk->keyid != NULL && !ascii_strcasecmp(sk->keyid, s->fpr)))
			used = sk;
	if (used == NULL)
		goto out;
	if (key->revoked || used->revoked || key->subkeys->revoked) {
		r = "the key that made the signature is revoked";
		goto out;
	}
	if (!gpghome_key_valid_at(used, t) ||
	    !gpghome_key_valid_at(key->subkeys, t)) {
		r = "the key that made the signature was expired (or not yet "
		    "valid) at the date of what it signs";
		goto out;
	}
	ok = 1;
out:
	if (key != NULL)
		gpgme_key_unref(key);
	if (!ok)
		*why = r;
	return ok;
}

void
gpghome_free(struct gpghome *h)
{
	if (h == NULL)
		return;
	if (h->ctx != NULL)
		gpgme_release(h->ctx);
	if (h->dir != NULL) {
		publish_rmtree(h->dir);
		free(h->dir);
	}
	free(h);
}
