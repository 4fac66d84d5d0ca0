/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Packs and checks regulator bundles: SHA-256 sums (libgcrypt), a detached
 * signature (gpgme) and a reproducible zip (libarchive).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <gcrypt.h>
#include <gpgme.h>

#include "bundle.h"
#include "diag.h"
#include "klimits.h"
#include "publish.h"
#include "xalloc.h"

#define BUNDLE_SUMS	"SHA256SUMS"
#define BUNDLE_SIG	"SHA256SUMS.asc"
/* The largest bundle member verify reads: far above any manual PDF. */
#define BUNDLE_MAX_ENTRY	(512 * 1024 * 1024)

/* A file of the bundle: its name in the zip and its bytes. */
struct bundle_file {
	char		*name;		/* relative, '/'-separated */
	char		*data;
	size_t		 len;
	unsigned char	 sha[32];
};

/* A list of files. */
struct bundle_list {
	struct bundle_file	*files;
	size_t			 n;
};

/* Reports errno for path. */
static void
bundle_io_error(struct diag *d, const char *path, const char *what)
{
	struct pos	 pos = { path, 0, 0 };

	diag_emit(d, DIAG_FATAL, &pos, "io", "%s: %s", what, strerror(errno));
}

/* Frees a list. */
static void
bundle_list_free(struct bundle_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->files[i].name);
		free(l->files[i].data);
	}
	free(l->files);
	l->files = NULL;
	l->n = 0;
}

/* Appends a file to the list, taking data. */
static struct bundle_file *
bundle_list_add(struct bundle_list *l, const char *name, char *data, size_t len)
{
	struct bundle_file	*f;

	l->files = xgrowarray(l->files, l->n, 1, sizeof(*l->files));
	f = &l->files[l->n++];
	f->name = xstrdup(name);
	f->data = data;
	f->len = len;
	gcry_md_hash_buffer(GCRY_MD_SHA256, f->sha, data, len);
	return f;
}

/* Orders files by name, bytewise, so that the zip and the sums are stable. */
static int
bundle_cmp(const void *a, const void *b)
{
	return strcmp(((const struct bundle_file *)a)->name,
	    ((const struct bundle_file *)b)->name);
}

/* Reads a whole file; returns 0 or -1 with errno set. */
static int
bundle_slurp(const char *path, char **data, size_t *len)
{
	FILE		*f;
	struct buf	 b = { NULL, 0, 0 };
	char		 chunk[65536];
	size_t		 n;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(f)) {
		fclose(f);
		buf_free(&b);
		return -1;
	}
	fclose(f);
	*len = b.len;
	*data = buf_steal(&b);
	return 0;
}

/* Reads every regular file below dir into l, without recursion. */
static int
bundle_read_dir(struct bundle_list *l, const char *dir, struct diag *d)
{
	char		**stack = NULL, *rel, *abs, *child;
	size_t		  n = 0, cap = 16;
	DIR		 *dh;
	struct dirent	 *de;
	struct stat	  st;
	char		 *data;
	size_t		  len;
	int		  rc = 0;

	stack = xreallocarray(NULL, cap, sizeof(char *));
	stack[n++] = xstrdup("");
	while (n > 0 && rc == 0) {
		rel = stack[--n];
		xasprintf(&abs, "%s/%s", dir, rel);
		if ((dh = opendir(abs)) == NULL) {
			bundle_io_error(d, abs, "cannot read folder");
			rc = -1;
		}
		while (rc == 0 && (de = readdir(dh)) != NULL) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			xasprintf(&child, "%s%s", rel, de->d_name);
			free(abs);
			xasprintf(&abs, "%s/%s", dir, child);
			if (lstat(abs, &st) < 0) {
				bundle_io_error(d, abs, "cannot read");
				rc = -1;
			} else if (S_ISDIR(st.st_mode)) {
				if (n == cap)
					stack = xreallocarray(stack, cap *= 2,
					    sizeof(char *));
				xasprintf(&stack[n++], "%s/", child);
			} else if (S_ISREG(st.st_mode)) {
				if (bundle_slurp(abs, &data, &len) < 0) {
					bundle_io_error(d, abs, "cannot read");
					rc = -1;
				} else
					bundle_list_add(l, child, data, len);
			}
			free(child);
		}
		if (dh != NULL)
			closedir(dh);
		free(abs);
		free(rel);
	}
	while (n > 0)
		free(stack[--n]);
	free(stack);
	if (l->n > 1)
		qsort(l->files, l->n, sizeof(*l->files), bundle_cmp);
	return rc;
}

/* Writes the sums file text for every file of l into b. */
static void
bundle_sums(struct buf *b, const struct bundle_list *l)
{
	size_t	 i, k;

	for (i = 0; i < l->n; i++) {
		if (!strcmp(l->files[i].name, BUNDLE_SUMS) ||
		    !strcmp(l->files[i].name, BUNDLE_SIG))
			continue;
		for (k = 0; k < 32; k++)
			buf_printf(b, "%02x", l->files[i].sha[k]);
		buf_printf(b, "  %s\n", l->files[i].name);
	}
}

/* Signs data with key from the user's keyring; the armored signature goes in *out. */
static int
bundle_sign(const char *data, size_t len, const char *key, struct buf *out,
    struct diag *d)
{
	gpgme_ctx_t	 ctx = NULL;
	gpgme_key_t	 k = NULL;
	gpgme_data_t	 in = NULL, sig = NULL;
	gpgme_error_t	 e;
	char		*p;
	size_t		 n;
	int		 rc = -1;

	gpgme_check_version(NULL);
	if ((e = gpgme_new(&ctx)) != 0)
		goto fail;
	gpgme_set_armor(ctx, 1);
	if ((e = gpgme_get_key(ctx, key, &k, 1)) != 0) {
		diag_emit(d, DIAG_FATAL, NULL, "sign", "--sign %s: no such secret "
		    "key in your keyring: %s", key, gpgme_strerror(e));
		goto out;
	}
	if ((e = gpgme_signers_add(ctx, k)) != 0 ||
	    (e = gpgme_data_new_from_mem(&in, data, len, 0)) != 0 ||
	    (e = gpgme_data_new(&sig)) != 0 ||
	    (e = gpgme_op_sign(ctx, in, sig, GPGME_SIG_MODE_DETACH)) != 0)
		goto fail;
	p = gpgme_data_release_and_get_mem(sig, &n);
	sig = NULL;
	buf_put(out, p, n);
	gpgme_free(p);
	rc = 0;
	goto out;
fail:
	diag_emit(d, DIAG_FATAL, NULL, "sign", "cannot sign %s with %s: %s",
	    BUNDLE_SUMS, key, gpgme_strerror(e));
out:
	gpgme_data_release(in);
	gpgme_data_release(sig);
	if (k != NULL)
		gpgme_key_unref(k);
	if (ctx != NULL)
		gpgme_release(ctx);
	return rc;
}

/* Adds one member to the zip with fixed metadata. */
static int
bundle_zip_add(struct archive *a, const struct bundle_file *f, int64_t t)
{
	struct archive_entry	*e = archive_entry_new();
	int			 rc = 0;

	archive_entry_set_pathname(e, f->name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)f->len);
	archive_entry_set_mtime(e, (time_t)t, 0);
	archive_entry_set_uid(e, 0);
	archive_entry_set_gid(e, 0);
	if (archive_write_header(a, e) != ARCHIVE_OK ||
	    (f->len > 0 && archive_write_data(a, f->data, f->len) !=
	    (la_ssize_t)f->len))
		rc = -1;
	archive_entry_free(e);
	return rc;
}

int
bundle_write(const char *dir, const char *path, int64_t t, const char *key,
    struct diag *d)
{
	struct bundle_list	 l = { NULL, 0 };
	struct buf		 sums = { NULL, 0, 0 }, sig = { NULL, 0, 0 };
	struct archive		*a = NULL;
	char			*tmp = NULL;
	size_t			 i;
	int			 fd = -1, rc = -1;

	if (!gcry_check_version(NULL))
		goto out;
	if (bundle_read_dir(&l, dir, d) < 0)
		goto out;
	bundle_sums(&sums, &l);
	bundle_list_add(&l, BUNDLE_SUMS, xstrndup(sums.data ? sums.data : "",
	    sums.len), sums.len);
	if (key != NULL) {
		if (bundle_sign(sums.data ? sums.data : "", sums.len, key, &sig, d) < 0)
			goto out;
		bundle_list_add(&l, BUNDLE_SIG, xstrndup(sig.data, sig.len), sig.len);
	}
	qsort(l.files, l.n, sizeof(*l.files), bundle_cmp);

	/* A killed run leaves its temporary zip; the next one removes it. */
	publish_sweep(path);
	xasprintf(&tmp, "%s.kitei-tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		bundle_io_error(d, path, "cannot create");
		free(tmp);
		tmp = NULL;
		goto out;
	}
	a = archive_write_new();
	archive_write_set_format_zip(a);
	archive_write_zip_set_compression_deflate(a);
	if (archive_write_open_fd(a, fd) != ARCHIVE_OK)
		goto zipfail;
	for (i = 0; i < l.n; i++)
		if (bundle_zip_add(a, &l.files[i], t) < 0)
			goto zipfail;
	if (archive_write_close(a) != ARCHIVE_OK)
		goto zipfail;
	if (fsync(fd) < 0 || close(fd) < 0) {
		fd = -1;
		bundle_io_error(d, tmp, "cannot write");
		goto out;
	}
	fd = -1;
	fchmodat(AT_FDCWD, tmp, 0644, 0);
	if (rename(tmp, path) < 0) {
		bundle_io_error(d, path, "cannot move the bundle into place");
		goto out;
	}
	free(tmp);
	tmp = NULL;
	rc = 0;
	goto out;
zipfail:
	{
		struct pos pos = { path, 0, 0 };

		diag_emit(d, DIAG_FATAL, &pos, "zip", "%s",
		    archive_error_string(a) ? archive_error_string(a) : "cannot write");
	}
out:
	if (a != NULL)
		archive_write_free(a);
	if (fd >= 0)
		close(fd);
	if (tmp != NULL) {
		unlink(tmp);
		free(tmp);
	}
	buf_free(&sums);
	buf_free(&sig);
	bundle_list_free(&l);
	return rc;
}

/* Reads every member of the zip into l.  Returns 0 or -1 (fatal). */
static int
bundle_read_zip(struct bundle_list *l, const char *path, struct diag *d)
{
	struct archive		*a = archive_read_new();
	struct archive_entry	*e;
	struct buf		 b = { NULL, 0, 0 };
	struct pos		 pos = { path, 0, 0 };
	char			 chunk[65536];
	la_ssize_t		 n;
	int			 r, rc = -1;

	archive_read_support_format_zip(a);
	if (archive_read_open_filename(a, path, 65536) != ARCHIVE_OK) {
		diag_emit(d, DIAG_FATAL, &pos, "verify", "cannot read the bundle: %s",
		    archive_error_string(a));
		goto out;
	}
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		if (archive_entry_filetype(e) != AE_IFREG)
			continue;
		b.len = 0;
		while ((n = archive_read_data(a, chunk, sizeof(chunk))) > 0) {
			buf_put(&b, chunk, (size_t)n);
			if (b.len > BUNDLE_MAX_ENTRY) {
				n = -1;
				break;
			}
		}
		if (n < 0) {
			diag_emit(d, DIAG_ERROR, &pos, "verify", "%s: cannot be "
			    "read from the zip (%s)", archive_entry_pathname(e),
			    archive_error_string(a) ? archive_error_string(a) :
			    "too large");
			continue;
		}
		bundle_list_add(l, archive_entry_pathname(e),
		    xstrndup(b.data ? b.data : "", b.len), b.len);
	}
	if (r != ARCHIVE_EOF) {
		diag_emit(d, DIAG_FATAL, &pos, "verify", "the zip is damaged: %s",
		    archive_error_string(a));
		goto out;
	}
	rc = 0;
out:
	buf_free(&b);
	archive_read_free(a);
	return rc;
}

/* Finds a member by name. */
static const struct bundle_file *
bundle_find(const struct bundle_list *l, const char *name)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->files[i].name, name))
			return &l->files[i];
	return NULL;
}

/*
 * Prints who made a good signature: the primary user id's name and e-mail
 * from the keyring in home (NULL: the user's), then the fingerprint; the
 * fingerprint alone when the key is not there.
 */
static void
bundle_print_signer(const char *fpr, const char *home)
{
	gpgme_ctx_t	 ctx = NULL;
	gpgme_key_t	 key = NULL;
	gpgme_user_id_t	 uid;

	if (fpr != NULL && gpgme_new(&ctx) == 0 && (home == NULL ||
	    gpgme_ctx_set_engine_info(ctx, GPGME_PROTOCOL_OpenPGP, NULL,
	    home) == 0) && gpgme_get_key(ctx, fpr, &key, 0) == 0 &&
	    key != NULL) {
		for (uid = key->uids; uid != NULL; uid = uid->next)
			if (!uid->revoked && !uid->invalid)
				break;
		if (uid != NULL && uid->name != NULL && uid->name[0] != '\0') {
			printf("good signature by %s", uid->name);
			if (uid->email != NULL && uid->email[0] != '\0')
				printf(" <%s>", uid->email);
			printf(" (key %s)\n", key->fpr != NULL ? key->fpr : fpr);
			fpr = NULL;
		}
	}
	if (fpr != NULL)
		printf("good signature by %s\n", fpr);
	gpgme_key_unref(key);
	if (ctx != NULL)
		gpgme_release(ctx);
}

/* Checks the detached signature; returns 0 or -1 with an error emitted. */
static int
bundle_check_sig(const struct bundle_file *sums, const struct bundle_file *sig,
    const char *keyring, const char *zip, struct diag *d)
{
	gpgme_ctx_t		 ctx = NULL;
	gpgme_data_t		 sd = NULL, td = NULL, kd = NULL;
	gpgme_verify_result_t	 res;
	gpgme_signature_t	 s;
	struct pos		 pos = { zip, 0, 0 };
	char			*home = NULL, *kdata = NULL;
	const char		*tmp = getenv("TMPDIR");
	size_t			 klen;
	int			 rc = -1;

	gpgme_check_version(NULL);
	if (gpgme_new(&ctx) != 0)
		goto out;
	if (keyring != NULL) {
		/* Only the keys given: a temporary keyring, never the user's. */
		xasprintf(&home, "%s/kitei-gnupg-XXXXXX",
		    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
		if (mkdtemp(home) == NULL ||
		    gpgme_ctx_set_engine_info(ctx, GPGME_PROTOCOL_OpenPGP, NULL,
		    home) != 0) {
			diag_emit(d, DIAG_FATAL, &pos, "verify",
			    "cannot make a temporary keyring");
			goto out;
		}
		if (bundle_slurp(keyring, &kdata, &klen) < 0) {
			bundle_io_error(d, keyring, "cannot read the keyring");
			goto out;
		}
		if (gpgme_data_new_from_mem(&kd, kdata, klen, 0) != 0 ||
		    gpgme_op_import(ctx, kd) != 0) {
			struct pos kp = { keyring, 0, 0 };

			diag_emit(d, DIAG_FATAL, &kp, "verify", "cannot import the keys");
			goto out;
		}
	}
	if (gpgme_data_new_from_mem(&sd, sig->data, sig->len, 0) != 0 ||
	    gpgme_data_new_from_mem(&td, sums->data, sums->len, 0) != 0 ||
	    gpgme_op_verify(ctx, sd, td, NULL) != 0 ||
	    (res = gpgme_op_verify_result(ctx)) == NULL ||
	    res->signatures == NULL) {
		diag_emit(d, DIAG_ERROR, &pos, "verify", "%s: not a signature "
		    "over %s", BUNDLE_SIG, BUNDLE_SUMS);
		goto out;
	}
	for (s = res->signatures; s != NULL; s = s->next) {
		if (gpg_err_code(s->status) == GPG_ERR_NO_ERROR) {
			bundle_print_signer(s->fpr, home);
			rc = 0;
		} else
			diag_emit(d, DIAG_ERROR, &pos, "verify", "%s: %s (key %s)",
			    BUNDLE_SIG, gpgme_strerror(s->status),
			    s->fpr ? s->fpr : "?");
	}
out:
	gpgme_data_release(sd);
	gpgme_data_release(td);
	gpgme_data_release(kd);
	if (ctx != NULL)
		gpgme_release(ctx);
	free(kdata);
	if (home != NULL) {
		publish_rmtree(home);
		free(home);
	}
	return rc;
}

int
bundle_verify(const char *path, const char *keyring, struct diag *d)
{
	struct bundle_list	 l = { NULL, 0 };
	const struct bundle_file *sums, *sig, *f;
	struct pos		 pos = { path, 0, 0 };
	char			*text = NULL, *line, *save = NULL, *name;
	char			 hex[65];
	size_t			 i, k, listed = 0;
	int			 bad = 0;
	char			*seen = NULL;

	if (!gcry_check_version(NULL) || bundle_read_zip(&l, path, d) < 0)
		return -1;
	if ((sums = bundle_find(&l, BUNDLE_SUMS)) == NULL) {
		diag_emit(d, DIAG_ERROR, &pos, "verify", "%s is missing", BUNDLE_SUMS);
		bundle_list_free(&l);
		return -1;
	}
	seen = xcalloc(l.n + 1, 1);
	text = xstrndup(sums->data, sums->len);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strlen(line) < 67 || line[64] != ' ' ||
		    (line[65] != ' ' && line[65] != '*')) {
			diag_emit(d, DIAG_ERROR, &pos, "verify", "%s: a line is not "
			    "'<sha256>  <name>'", BUNDLE_SUMS);
			bad = 1;
			continue;
		}
		name = line + 66;
		listed++;
		if ((f = bundle_find(&l, name)) == NULL) {
			diag_emit(d, DIAG_ERROR, &pos, "verify", "%s: listed in "
			    "%s but missing from the bundle", name, BUNDLE_SUMS);
			bad = 1;
			continue;
		}
		seen[f - l.files] = 1;
		for (k = 0; k < 32; k++)
			snprintf(hex + 2 * k, 3, "%02x", f->sha[k]);
		if (strncmp(hex, line, 64) != 0) {
			diag_emit(d, DIAG_ERROR, &pos, "verify", "%s: SHA-256 does "
			    "not match %s (the file was changed)", name, BUNDLE_SUMS);
			bad = 1;
		}
	}
	for (i = 0; i < l.n; i++)
		if (!seen[i] && strcmp(l.files[i].name, BUNDLE_SUMS) &&
		    strcmp(l.files[i].name, BUNDLE_SIG)) {
			diag_emit(d, DIAG_ERROR, &pos, "verify", "%s: in the bundle "
			    "but not listed in %s (an added file)",
			    l.files[i].name, BUNDLE_SUMS);
			bad = 1;
		}
	if ((sig = bundle_find(&l, BUNDLE_SIG)) != NULL) {
		if (bundle_check_sig(sums, sig, keyring, path, d) < 0)
			bad = 1;
	} else if (keyring != NULL) {
		diag_emit(d, DIAG_ERROR, &pos, "verify", "%s is missing, and "
		    "--keyring asks for a signature", BUNDLE_SIG);
		bad = 1;
	}
	if (!bad)
		printf("%s: %zu files, every SHA-256 matches%s\n", path, listed,
		    sig != NULL ? ", signature good" : " (not signed)");
	free(seen);
	free(text);
	bundle_list_free(&l);
	return bad ? -1 : 0;
}
