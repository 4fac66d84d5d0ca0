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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <gcrypt.h>
#include <gpgme.h>
#include <zlib.h>

#include "ascii.h"
#include "bundle.h"
#include "diag.h"
#include "gpghome.h"
#include "klimits.h"
#include "publish.h"
#include "sources.h"
#include "xalloc.h"

#define BUNDLE_SUMS	"SHA256SUMS"
#define BUNDLE_SIG	"SHA256SUMS.asc"

static const char	*bundle_name_ok(const char *, size_t);

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

	diag_msg(d, &pos, MSG_IO_WHAT_WHY, what, strerror(errno));
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
				if (sources_slurp(abs,
				    KITEI_MAX_BUNDLE_MEMBER_BYTES, 0, &data,
				    &len) < 0) {
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
		diag_msg(d, NULL, MSG_SIGN, key, gpgme_strerror(e));
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
	diag_msg(d, NULL, MSG_SIGN_SIGN, key, gpgme_strerror(e));
out:
	gpgme_data_release(in);
	gpgme_data_release(sig);
	if (k != NULL)
		gpgme_key_unref(k);
	if (ctx != NULL)
		gpgme_release(ctx);
	return rc;
}

/* Who owns a secret key; see bundle.h. */
int
bundle_key_owner(const char *key, char **owner, char **fpr)
{
	gpgme_ctx_t	 ctx = NULL;
	gpgme_key_t	 k = NULL;
	gpgme_user_id_t	 uid;
	int		 rc = -1;

	*owner = *fpr = NULL;
	gpgme_check_version(NULL);
	if (gpgme_new(&ctx) != 0)
		return -1;
	if (gpgme_get_key(ctx, key, &k, 1) == 0 && k != NULL && k->fpr != NULL) {
		*fpr = xstrdup(k->fpr);
		for (uid = k->uids; uid != NULL; uid = uid->next)
			if (!uid->revoked && !uid->invalid)
				break;
		if (uid != NULL && uid->name != NULL && uid->name[0] != '\0') {
			if (uid->email != NULL && uid->email[0] != '\0')
				xasprintf(owner, "%s <%s>", uid->name, uid->email);
			else
				*owner = xstrdup(uid->name);
		}
		rc = 0;
	}
	if (k != NULL)
		gpgme_key_unref(k);
	gpgme_release(ctx);
	return rc;
}

/* Orders names ignoring ASCII case. */
static int
bundle_name_casecmp(const void *a, const void *b)
{
	return ascii_strcasecmp(*(char *const *)a, *(char *const *)b);
}

/*
 * libarchive writes each member's MS-DOS date and time in the local time
 * zone (localtime), so the same commit would give other bytes under another
 * TZ.  While the zip is written, TZ is the source commit's own UTC offset
 * (clamped to a day); bundle_tz_pop puts the caller's back.  Returns the
 * caller's TZ (NULL if unset), to pass to bundle_tz_pop.
 */
static char *
bundle_tz_push(int offset)
{
	const char	*old = getenv("TZ");
	char		 tz[32];
	int		 a = offset < 0 ? -offset : offset;

	if (a >= 24 * 60)
		a = offset = 0;
	/* POSIX TZ counts west of Greenwich: UTC+9 is "UTC-09:00". */
	snprintf(tz, sizeof(tz), "UTC%c%02d:%02d", offset > 0 ? '-' : '+',
	    a / 60, a % 60);
	setenv("TZ", tz, 1);
	tzset();
	return old != NULL ? xstrdup(old) : NULL;
}

/* Puts back the TZ bundle_tz_push saved, and frees it. */
static void
bundle_tz_pop(char *old)
{
	if (old != NULL)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);
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
bundle_write(const char *dir, const char *path, int64_t t, int offset,
    const char *key, struct diag *d)
{
	struct bundle_list	 l = { NULL, 0 };
	struct buf		 sums = { NULL, 0, 0 }, sig = { NULL, 0, 0 };
	struct archive		*a = NULL;
	char			*tmp = NULL, *oldtz = NULL, **names = NULL;
	const char		*why;
	size_t			 i;
	int			 fd = -1, rc = -1, tz = 0;

	if (!gcry_check_version(NULL))
		goto out;
	if (bundle_read_dir(&l, dir, d) < 0)
		goto out;
	/* Never write what verify would refuse. */
	names = xreallocarray(NULL, l.n + 1, sizeof(*names));
	for (i = 0; i < l.n; i++)
		names[i] = l.files[i].name;
	if (l.n > 1)
		qsort(names, l.n, sizeof(*names), bundle_name_casecmp);
	for (i = 0; i < l.n; i++)
		if ((why = bundle_name_ok(names[i], strlen(names[i]))) != NULL ||
		    (i > 0 && !ascii_strcasecmp(names[i], names[i - 1]) &&
		    (why = "a name that differs from another only in case"))) {
			struct pos pos = { path, 0, 0 };

			diag_msg(d, &pos, MSG_ZIP_WHAT_WHY, names[i], why);
			goto out;
		}
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
	oldtz = bundle_tz_push(offset);
	tz = 1;
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
	bundle_tz_pop(oldtz);
	tz = 0;
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

		diag_msg(d, &pos, MSG_ZIP_WHY,
		    archive_error_string(a) ? archive_error_string(a) : "cannot write");
	}
out:
	if (tz)
		bundle_tz_pop(oldtz);
	if (a != NULL)
		archive_write_free(a);
	if (fd >= 0)
		close(fd);
	if (tmp != NULL) {
		unlink(tmp);
		free(tmp);
	}
	free(names);
	buf_free(&sums);
	buf_free(&sig);
	bundle_list_free(&l);
	return rc;
}

/*
 * ---------------------------------------------------------------------------
 * kitei verify.
 *
 * What a recipient unpacks must be exactly what was signed, whatever tool
 * unpacks it: unzip and Python read the central directory, streaming readers
 * the local headers.  So verify reads the zip itself and accepts only one
 * reading: every member's local header lies exactly where the previous one
 * ends, agrees with the central directory, and nothing hides between them;
 * every member is a plain file with a portable name, listed once.  Data is
 * inflated (zlib) and hashed as it streams, in constant memory; the sizes the
 * central directory declares bound both the total and each member.
 * ---------------------------------------------------------------------------
 */

#define BUNDLE_MANIFEST	"manifest.json"
#define BUNDLE_CHUNK	65536

/* One member as the central directory gives it, and what verify found. */
struct bundle_member {
	char		*name;		/* as printed: control bytes made '?' */
	size_t		 nlen;		/* its length in the zip */
	uint64_t	 off;		/* of its local header */
	uint64_t	 csize;		/* compressed size */
	uint64_t	 usize;		/* declared size */
	uint32_t	 crc;
	unsigned	 method;	/* 0 stored, 8 deflated */
	unsigned	 flags;		/* general purpose bits */
	int		 bad;		/* a problem was reported: no hash */
	unsigned char	 sha[32];
};

/* One line of SHA256SUMS. */
struct bundle_sum {
	char		*name;
	unsigned char	 sha[32];
	size_t		 line;
};

/* The zip being verified. */
struct bundle_zip {
	FILE			*f;
	const char		*path;		/* as the user gave it */
	struct diag		*d;
	uint64_t		 size;		/* of the file */
	uint64_t		 cd_off;	/* central directory */
	uint64_t		 cd_size;
	uint64_t		 n;		/* members */
	struct bundle_member	*m;
	int			 bad;		/* a problem was reported */
};

/* Little-endian readers. */
static uint32_t
bundle_le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t
bundle_le32(const unsigned char *p)
{
	return bundle_le16(p) | bundle_le16(p + 2) << 16;
}

static uint64_t
bundle_le64(const unsigned char *p)
{
	return (uint64_t)bundle_le32(p) | (uint64_t)bundle_le32(p + 4) << 32;
}

/* Reports a problem with the bundle (table message id) naming the zip. */
static void
bundle_problem(struct bundle_zip *z, enum msgid id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void
bundle_problem(struct bundle_zip *z, enum msgid id, const char *fmt, ...)
{
	struct pos	 pos = { z->path, 0, 0 };
	va_list		 ap;

	va_start(ap, fmt);
	diag_vmsgf(z->d, &pos, id, fmt, ap);
	va_end(ap);
	z->bad = 1;
}
/* bundle_problem(z, MSG_X, args...), checked against MSG_X's format. */
#define bundle_problem(z, ...)	bundle_problem((z), MSG_IDFMT(__VA_ARGS__))

/* Reads exactly len bytes at off; returns 0, or -1 when the file is short. */
static int
bundle_read_at(struct bundle_zip *z, uint64_t off, void *buf, size_t len)
{
	if (off > z->size || len > z->size - off ||
	    fseeko(z->f, (off_t)off, SEEK_SET) != 0)
		return -1;
	return fread(buf, 1, len, z->f) == len ? 0 : -1;
}

/*
 * Whether name (len bytes) is a name every unzip writes where it says, and
 * nowhere else: relative, '/'-separated, made of A-Z a-z 0-9 . _ - only (no
 * backslash, colon, space, control or non-ASCII byte, so no Unicode
 * normalisation either), no empty, "." or ".." part, no part ending in '.'
 * (Windows drops it) and no Windows device name.  Returns NULL, or why not.
 */
static const char *
bundle_name_ok(const char *name, size_t len)
{
	static const char *const dev[] = { "CON", "PRN", "AUX", "NUL",
	    "COM", "LPT" };
	const char	*p, *e, *part;
	size_t		 i, n;

	if (len == 0)
		return "an empty name";
	if (len > KITEI_MAX_BUNDLE_NAME)
		return "a name longer than " KITEI_STR(KITEI_MAX_BUNDLE_NAME) " bytes";
	if (memchr(name, '\0', len) != NULL)
		return "a NUL byte in the name";
	if (name[0] == '/')
		return "an absolute name";
	if (name[len - 1] == '/')
		return "a folder entry (kitei writes files only)";
	for (i = 0; i < len; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '.' ||
		    name[i] == '_' || name[i] == '-' || name[i] == '/'))
			return "a character other than A-Z a-z 0-9 . _ - / in the "
			    "name (a backslash, colon, space, control or "
			    "non-ASCII byte)";
	for (part = name, e = name + len; part < e; part = p + 1) {
		if ((p = memchr(part, '/', (size_t)(e - part))) == NULL)
			p = e;
		n = (size_t)(p - part);
		if (n == 0)
			return "an empty part ('//') in the name";
		if (n <= 2 && part[0] == '.' && (n == 1 || part[1] == '.'))
			return "a '.' or '..' part in the name";
		if (part[n - 1] == '.')
			return "a name part ending in '.'";
		for (i = 0; i < sizeof(dev) / sizeof(dev[0]); i++)
			if (n >= 3 && !ascii_strncasecmp(part, dev[i], 3) &&
			    (n == 3 || part[3] == '.' || (i >= 4 &&
			    part[3] >= '0' && part[3] <= '9' &&
			    (n == 4 || part[4] == '.'))))
				return "a Windows device name (CON, NUL, COM1 …)";
	}
	return NULL;
}

/*
 * Whether an end of central directory record lies in the last 64 KiB but not
 * at the very end: a zip with a comment or trailing bytes.
 */
static int
bundle_zip_tail(struct bundle_zip *z)
{
	unsigned char	*b;
	size_t		 n = z->size < 65557 + 22 ? (size_t)z->size : 65557 + 22, i;
	int		 found = 0;

	b = xmalloc(n + 1);
	if (n >= 22 && bundle_read_at(z, z->size - n, b, n) == 0)
		for (i = n - 22; i > 0 && !found; i--)
			found = bundle_le32(b + i - 1) == 0x06054b50;
	free(b);
	return found;
}

/*
 * Reads the end of central directory (and its zip64 form), which must end
 * the file exactly: no comment, no trailing bytes.  Returns 0, or -1 with a
 * fatal diagnostic emitted.
 */
static int
bundle_zip_end(struct bundle_zip *z)
{
	unsigned char	 e[22], l[20], r[56];
	struct pos	 pos = { z->path, 0, 0 };
	uint64_t	 end;

	if (z->size < 22 || bundle_read_at(z, z->size - 22, e, 22) < 0 ||
	    bundle_le32(e) != 0x06054b50 || bundle_le16(e + 20) != 0) {
		if (bundle_zip_tail(z)) {
			bundle_problem(z, MSG_VERIFY_ZIP);
			return -1;
		}
		diag_msg(z->d, &pos, MSG_VERIFY);
		return -1;
	}
	z->n = bundle_le16(e + 10);
	z->cd_size = bundle_le32(e + 12);
	z->cd_off = bundle_le32(e + 16);
	end = z->size - 22;
	if (bundle_le16(e + 4) != 0 || bundle_le16(e + 6) != 0 ||
	    bundle_le16(e + 8) != bundle_le16(e + 10))
		goto bad;
	if (z->n == 0xffff || z->cd_size == 0xffffffff || z->cd_off == 0xffffffff) {
		if (z->size < 22 + 20 + 56 ||
		    bundle_read_at(z, z->size - 42, l, 20) < 0 ||
		    bundle_le32(l) != 0x07064b50 || bundle_le32(l + 4) != 0 ||
		    bundle_le32(l + 16) != 1 ||
		    bundle_le64(l + 8) != z->size - 42 - 56 ||
		    bundle_read_at(z, z->size - 42 - 56, r, 56) < 0 ||
		    bundle_le32(r) != 0x06064b50 || bundle_le64(r + 4) != 44 ||
		    bundle_le32(r + 16) != 0 || bundle_le32(r + 20) != 0 ||
		    bundle_le64(r + 24) != bundle_le64(r + 32))
			goto bad;
		z->n = bundle_le64(r + 32);
		z->cd_size = bundle_le64(r + 40);
		z->cd_off = bundle_le64(r + 48);
		end = z->size - 42 - 56;
	}
	if (z->cd_off > end || z->cd_size != end - z->cd_off)
		goto bad;
	if (z->n > KITEI_MAX_BUNDLE_MEMBERS) {
		diag_msg(z->d, &pos, MSG_VERIFY_BUNDLE,
		    (unsigned long long)z->n, KITEI_MAX_BUNDLE_MEMBERS);
		z->bad = 1;
		return -1;
	}
	return 0;
bad:
	diag_msg(z->d, &pos, MSG_VERIFY_END);
	z->bad = 1;
	return -1;
}

/*
 * Walks the extra field x (len bytes) of member m, from the central
 * directory (central) or a local header.  Reads the zip64 sizes into *usize,
 * *csize and *off where their 32-bit fields were all ones; any field other
 * than the harmless ones kitei, Info-ZIP and Python write (times, owner,
 * zip64) is a problem: one of them (0x7075) renames the member for unzip.
 * Returns 0, or -1 with the problem reported.
 */
static int
bundle_extra(struct bundle_zip *z, const char *name, const unsigned char *x,
    size_t len, uint64_t *usize, uint64_t *csize, uint64_t *off)
{
	char		 id[16];
	size_t		 i = 0, n, k;
	unsigned	 t;

	while (i < len) {
		if (len - i < 4 || (n = bundle_le16(x + i + 2)) > len - i - 4) {
			bundle_problem(z, MSG_VERIFY_MALFORMED, name);
			return -1;
		}
		t = bundle_le16(x + i);
		if (t == 0x0001) {
			k = 0;
			if (usize != NULL && *usize == 0xffffffff) {
				if (n < k + 8)
					goto short64;
				*usize = bundle_le64(x + i + 4 + k);
				k += 8;
			}
			if (csize != NULL && *csize == 0xffffffff) {
				if (n < k + 8)
					goto short64;
				*csize = bundle_le64(x + i + 4 + k);
				k += 8;
			}
			if (off != NULL && *off == 0xffffffff) {
				if (n < k + 8)
					goto short64;
				*off = bundle_le64(x + i + 4 + k);
				k += 8;
			}
		} else if (t != 0x5455 && t != 0x7875 && t != 0x5855 &&
		    t != 0x000a) {
			snprintf(id, sizeof(id), "0x%04x", t);
			bundle_problem(z, MSG_VERIFY_EXTRA, name, id);
			return -1;
		}
		i += 4 + n;
	}
	return 0;
short64:
	bundle_problem(z, MSG_VERIFY_ZIP_EXTRA, name);
	return -1;
}

/* Names a Unix file type for a message. */
static const char *
bundle_type_name(uint32_t fmt)
{
	switch (fmt) {
	case 0020000:	return "a character device";
	case 0060000:	return "a block device";
	case 0010000:	return "a fifo";
	case 0140000:	return "a socket";
	case 0120000:	return "a symbolic link";
	case 0040000:	return "a folder";
	default:	return "of an unknown type";
	}
}

/*
 * Reads the central directory into z->m, checking each member's name, type,
 * flags and method, and the declared sizes against the limits.  Returns 0, or
 * -1 when the zip cannot be read on (problem reported).
 */
static int
bundle_zip_central(struct bundle_zip *z)
{
	unsigned char		 h[46];
	unsigned char		*var = xmalloc(3 * 65536);
	struct bundle_member	*m;
	uint64_t		 pos = z->cd_off, end = z->cd_off + z->cd_size;
	uint64_t		 total = 0;
	uint32_t		 nlen, xlen, clen, host, attr, fmt;
	const char		*why;
	char			 num[32];
	uint64_t		 i;
	int			 rc = -1;

	z->m = xcalloc(z->n + 1, sizeof(*z->m));
	for (i = 0; i < z->n; i++) {
		m = &z->m[i];
		if (end - pos < 46 || bundle_read_at(z, pos, h, 46) < 0 ||
		    bundle_le32(h) != 0x02014b50) {
			bundle_problem(z, MSG_VERIFY_CENTRAL,
			    (snprintf(num, sizeof(num), "%llu", (unsigned long long)i + 1), num));
			goto out;
		}
		nlen = bundle_le16(h + 28);
		xlen = bundle_le16(h + 30);
		clen = bundle_le16(h + 32);
		if (end - pos - 46 < (uint64_t)nlen + xlen + clen ||
		    bundle_read_at(z, pos + 46, var, nlen + xlen) < 0) {
			bundle_problem(z, MSG_VERIFY_CENTRAL_DIRECTORY);
			goto out;
		}
		pos += 46 + nlen + xlen + clen;
		m->name = xmalloc(nlen + 1);
		memcpy(m->name, var, nlen);
		m->name[nlen] = '\0';
		m->nlen = nlen;
		m->flags = bundle_le16(h + 8);
		m->method = bundle_le16(h + 10);
		m->crc = bundle_le32(h + 16);
		m->csize = bundle_le32(h + 20);
		m->usize = bundle_le32(h + 24);
		m->off = bundle_le32(h + 42);
		host = bundle_le16(h + 4) >> 8;
		attr = bundle_le32(h + 38);
		if ((why = bundle_name_ok((char *)var, nlen)) != NULL) {
			/* Print what is printable of a bad name. */
			size_t k;

			for (k = 0; k < nlen; k++)
				if ((unsigned char)m->name[k] < 0x20 ||
				    m->name[k] == 0x7f)
					m->name[k] = '?';
			bundle_problem(z, MSG_VERIFY_WHAT_WHY, m->name, why);
			m->bad = 1;
		}
		if (bundle_le16(h + 34) != 0) {
			bundle_problem(z, MSG_VERIFY_ANOTHER, m->name);
			goto out;
		}
		if (bundle_extra(z, m->name, var + nlen, xlen, &m->usize,
		    &m->csize, &m->off) < 0) {
			m->bad = 1;
			if (m->off == 0xffffffff || m->csize == 0xffffffff)
				goto out;
		}
		fmt = (attr >> 16) & 0170000;
		if (host != 0 && host != 3) {
			snprintf(num, sizeof(num), "%u", host);
			bundle_problem(z, MSG_VERIFY_MADE, m->name, num);
			m->bad = 1;
		} else if (host == 3 && fmt != 0 && fmt != 0100000) {
			bundle_problem(z, MSG_VERIFY_REGULAR_FILE, m->name,
			    bundle_type_name(fmt));
			m->bad = 1;
		} else if (attr & 0x18) {
			bundle_problem(z, MSG_VERIFY_REGULAR_FILE, m->name,
			    attr & 0x10 ? "an MS-DOS folder" : "a volume label");
			m->bad = 1;
		} else if (host == 3 && (attr >> 16) & 07000) {
			bundle_problem(z, MSG_VERIFY_SET, m->name);
			m->bad = 1;
		}
		if (m->flags & ~0x080eu) {
			bundle_problem(z, MSG_VERIFY_ENCRYPTED, m->name);
			m->bad = 1;
		}
		if (m->method != 0 && m->method != 8) {
			snprintf(num, sizeof(num), "%u", m->method);
			bundle_problem(z, MSG_VERIFY_COMPRESSED, m->name, num);
			m->bad = 1;
		}
		if (m->usize > KITEI_MAX_BUNDLE_MEMBER_BYTES) {
			bundle_problem(z, MSG_VERIFY_LARGER, m->name,
			    KITEI_STR(KITEI_MAX_BUNDLE_MEMBER_BYTES));
			m->bad = 1;
		} else
			total += m->usize;
	}
	if (pos != end) {
		bundle_problem(z, MSG_VERIFY_CENTRAL_DIRECTORY_HOLDS);
		goto out;
	}
	if (total > KITEI_MAX_BUNDLE_BYTES) {
		bundle_problem(z, MSG_VERIFY_BUNDLE_EXPANDS,
		    KITEI_STR(KITEI_MAX_BUNDLE_BYTES));
		goto out;
	}
	rc = 0;
out:
	free(var);
	return rc;
}

/*
 * Streams member m's csize bytes at off through inflate (or as stored),
 * hashing and counting what comes out, and keeps a copy in keep (when not
 * NULL) up to keepmax bytes.  Reading stops as soon as the output passes the
 * declared size.  Returns 0, or -1 with the member's problem reported.
 */
static int
bundle_zip_data(struct bundle_zip *z, struct bundle_member *m, uint64_t off,
    struct buf *keep, size_t keepmax)
{
	unsigned char	*in = xmalloc(BUNDLE_CHUNK), *out = xmalloc(BUNDLE_CHUNK);
	gcry_md_hd_t	 h = NULL;
	z_stream	 zs;
	uint64_t	 left = m->csize, got = 0;
	uint32_t	 crc = (uint32_t)crc32(0, NULL, 0);
	size_t		 n, o;
	int		 zr = Z_OK, inited = 0, rc = -1;
	const char	*why = NULL;

	memset(&zs, 0, sizeof(zs));
	if (gcry_md_open(&h, GCRY_MD_SHA256, 0) != 0) {
		why = "cannot hash";
		goto out;
	}
	if (m->method == 8) {
		if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) {
			why = "cannot inflate";
			goto out;
		}
		inited = 1;
	} else if (m->csize != m->usize) {
		why = "stored, but its two sizes differ";
		goto out;
	}
	if (fseeko(z->f, (off_t)off, SEEK_SET) != 0) {
		why = "cannot seek";
		goto out;
	}
	while (left > 0 && zr != Z_STREAM_END) {
		n = left < BUNDLE_CHUNK ? (size_t)left : BUNDLE_CHUNK;
		if (fread(in, 1, n, z->f) != n) {
			why = "the zip ends inside it";
			goto out;
		}
		left -= n;
		zs.next_in = in;
		zs.avail_in = (uInt)n;
		do {
			if (m->method == 8) {
				zs.next_out = out;
				zs.avail_out = BUNDLE_CHUNK;
				zr = inflate(&zs, Z_NO_FLUSH);
				if (zr != Z_OK && zr != Z_STREAM_END &&
				    zr != Z_BUF_ERROR) {
					why = "its compressed data is damaged";
					goto out;
				}
				o = BUNDLE_CHUNK - zs.avail_out;
			} else {
				memcpy(out, in, n);
				o = n;
				zs.avail_in = 0;
			}
			if (o > m->usize - got) {
				why = "expands past the size the zip declares "
				    "(a zip bomb?)";
				goto out;
			}
			got += o;
			gcry_md_write(h, out, o);
			crc = (uint32_t)crc32(crc, out, (uInt)o);
			if (keep != NULL) {
				if (keep->len + o > keepmax) {
					why = "too large for what it is";
					goto out;
				}
				buf_put(keep, (char *)out, o);
			}
		} while (m->method == 8 && zr == Z_OK &&
		    (zs.avail_in > 0 || zs.avail_out == 0));
		if (zr == Z_BUF_ERROR && zs.avail_in > 0) {
			why = "its compressed data is damaged";
			goto out;
		}
	}
	if ((m->method == 8 && (zr != Z_STREAM_END || left > 0 ||
	    zs.avail_in > 0)) || got != m->usize) {
		why = "its data does not end where the zip says";
		goto out;
	}
	if (crc != m->crc) {
		why = "its CRC-32 does not match (damaged)";
		goto out;
	}
	memcpy(m->sha, gcry_md_read(h, GCRY_MD_SHA256), 32);
	rc = 0;
out:
	if (why != NULL) {
		bundle_problem(z, MSG_VERIFY_WHAT_WHY, m->name, why);
		m->bad = 1;
	}
	if (inited)
		inflateEnd(&zs);
	if (h != NULL)
		gcry_md_close(h);
	free(in);
	free(out);
	return rc;
}

/*
 * Walks the members in the central directory's order: each local header
 * must start where the previous member (and its data descriptor) ended and
 * agree with the central directory; the last must end where the central
 * directory starts.  Keeps SHA256SUMS, its signature and the manifest in
 * sums, sig and man.  Returns 0, or -1 when the zip cannot be read on.
 */
static int
bundle_zip_members(struct bundle_zip *z, struct buf *sums, struct buf *sig,
    struct buf *man)
{
	unsigned char		 h[30], dd[24];
	unsigned char		*var = xmalloc(2 * 65536);
	struct bundle_member	*m;
	struct buf		*keep;
	uint64_t		 pos = 0, lu, lc, data;
	uint32_t		 nlen, xlen;
	size_t			 keepmax, k;
	uint64_t		 i;
	int			 z64, rc = -1;

	for (i = 0; i < z->n; i++) {
		m = &z->m[i];
		if (m->off != pos || bundle_read_at(z, pos, h, 30) < 0 ||
		    bundle_le32(h) != 0x04034b50) {
			bundle_problem(z, MSG_VERIFY_LOCAL, m->name);
			goto out;
		}
		nlen = bundle_le16(h + 26);
		xlen = bundle_le16(h + 28);
		lc = bundle_le32(h + 18);
		lu = bundle_le32(h + 22);
		if (bundle_read_at(z, pos + 30, var, nlen + xlen) < 0 ||
		    nlen != m->nlen || bundle_le16(h + 6) != m->flags ||
		    bundle_le16(h + 8) != m->method) {
			bundle_problem(z, MSG_VERIFY_LOCAL_HEADER, m->name);
			goto out;
		}
		for (k = 0; k < nlen; k++)
			if ((char)var[k] != m->name[k] && !(m->bad &&
			    m->name[k] == '?'))
				break;
		if (k != nlen || (lc == 0xffffffff) != (lu == 0xffffffff)) {
			bundle_problem(z, MSG_VERIFY_LOCAL_HEADER, m->name);
			goto out;
		}
		z64 = lu == 0xffffffff;
		if (bundle_extra(z, m->name, var + nlen, xlen, &lu, &lc, NULL) < 0)
			goto out;
		if (!(m->flags & 0x8) && (bundle_le32(h + 14) != m->crc ||
		    lc != m->csize || lu != m->usize)) {
			bundle_problem(z, MSG_VERIFY_LOCAL_HEADER_CENTRAL,
			    m->name);
			goto out;
		}
		data = pos + 30 + nlen + xlen;
		if (data > z->cd_off || m->csize > z->cd_off - data) {
			bundle_problem(z, MSG_VERIFY_DATA, m->name);
			goto out;
		}
		keep = NULL;
		keepmax = 0;
		if (!strcmp(m->name, BUNDLE_SUMS) && sums->data == NULL) {
			keep = sums;
			keepmax = KITEI_MAX_BUNDLE_SUMS_BYTES;
		} else if (!strcmp(m->name, BUNDLE_SIG) && sig->data == NULL) {
			keep = sig;
			keepmax = KITEI_MAX_CONFIG_BYTES;
		} else if (!strcmp(m->name, BUNDLE_MANIFEST) && man->data == NULL) {
			keep = man;
			keepmax = KITEI_MAX_FILE_BYTES;
		}
		if (keep != NULL)
			buf_grow(keep, 1);
		if ((m->bad && m->usize > KITEI_MAX_BUNDLE_MEMBER_BYTES) ||
		    (m->method != 0 && m->method != 8) || m->flags & 0x1)
			m->bad = 1;
		else if (bundle_zip_data(z, m, data, keep, keepmax) < 0 &&
		    keep != NULL)
			keep->len = 0;
		pos = data + m->csize;
		if (m->flags & 0x8) {
			k = z64 ? 20 : 12;
			if (bundle_read_at(z, pos, dd, 4) == 0 &&
			    bundle_le32(dd) == 0x08074b50)
				pos += 4;
			if (bundle_read_at(z, pos, dd, k) < 0 ||
			    bundle_le32(dd) != m->crc ||
			    (z64 ? bundle_le64(dd + 4) : bundle_le32(dd + 4)) !=
			    m->csize ||
			    (z64 ? bundle_le64(dd + 12) : bundle_le32(dd + 8)) !=
			    m->usize) {
				bundle_problem(z, MSG_VERIFY_DATA_DESCRIPTOR,
				    m->name);
				goto out;
			}
			pos += k;
		}
	}
	if (pos != z->cd_off) {
		bundle_problem(z, MSG_VERIFY_BYTES);
		goto out;
	}
	rc = 0;
out:
	free(var);
	return rc;
}

/* Orders members by name, bytewise. */
static int
bundle_member_cmp(const void *a, const void *b)
{
	return strcmp(((const struct bundle_member *)a)->name,
	    ((const struct bundle_member *)b)->name);
}

/* Orders members by name, ignoring ASCII case. */
static int
bundle_member_casecmp(const void *a, const void *b)
{
	return ascii_strcasecmp((*(const struct bundle_member *const *)a)->name,
	    (*(const struct bundle_member *const *)b)->name);
}

/* Orders sums by name, then line. */
static int
bundle_sum_cmp(const void *a, const void *b)
{
	const struct bundle_sum	*x = a, *y = b;
	int			 c = strcmp(x->name, y->name);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

/* Reads one hex digit; -1 if c is none. */
static int
bundle_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads 64 hex digits into sha; returns 0 or -1. */
static int
bundle_hex_sha(unsigned char *sha, const char *p)
{
	int	 i, a, b;

	for (i = 0; i < 32; i++) {
		if ((a = bundle_hex(p[2 * i])) < 0 ||
		    (b = bundle_hex(p[2 * i + 1])) < 0)
			return -1;
		sha[i] = (unsigned char)(a << 4 | b);
	}
	return 0;
}

/*
 * Undoes sha256sum's escaping of a name (a line that starts with '\' has
 * "\\" and "\n" in its name) in place.  Returns 0 or -1 for another escape.
 */
static int
bundle_unescape(char *s)
{
	char	*w = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			*w++ = *s;
			continue;
		}
		if (s[1] == '\\')
			*w++ = '\\';
		else if (s[1] == 'n')
			*w++ = '\n';
		else
			return -1;
		s++;
	}
	*w = '\0';
	return 0;
}

/*
 * Parses SHA256SUMS as sha256sum -c reads it: "HEX  NAME" or "HEX *NAME"
 * (either case of hex), the BSD form "SHA256 (NAME) = HEX", and a leading
 * '\' for escaped names.  Any line it cannot read, a NUL byte (a file cut
 * short), an unsafe name, or a line naming SHA256SUMS or its signature is a
 * problem.  Returns the lines in *out (sorted by name) and their count.
 */
static size_t
bundle_sums_parse(struct bundle_zip *z, const struct buf *b,
    struct bundle_sum **out)
{
	struct bundle_sum	*v = NULL;
	char			*text, *line, *next, *name, *hex, *q, num[32];
	const char		*why;
	size_t			 n = 0, ln = 0, len;
	int			 esc;

	*out = NULL;
	if (b->len > 0 && memchr(b->data, '\0', b->len) != NULL) {
		snprintf(num, sizeof(num), "%zu",
		    (size_t)((char *)memchr(b->data, '\0', b->len) - b->data));
		bundle_problem(z, MSG_VERIFY_SHA, num);
		return 0;
	}
	text = xstrndup(b->data != NULL ? b->data : "", b->len);
	for (line = text; *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		snprintf(num, sizeof(num), "%zu", ++ln);
		if ((esc = line[0] == '\\'))
			line++;
		len = strlen(line);
		name = hex = NULL;
		if (!strncmp(line, "SHA256 (", 8) && len > 8 + 4 + 64 &&
		    !strncmp(line + len - 64 - 4, ") = ", 4)) {
			name = line + 8;
			hex = line + len - 64;
			line[len - 64 - 4] = '\0';
		} else if (len > 66 && line[64] == ' ' &&
		    (line[65] == ' ' || line[65] == '*')) {
			hex = line;
			name = line + 66;
		}
		v = xgrowarray(v, n, 1, sizeof(*v));
		if (hex == NULL || bundle_hex_sha(v[n].sha, hex) < 0 ||
		    (esc && bundle_unescape(name) < 0)) {
			bundle_problem(z, MSG_VERIFY_SHA_SUMS, num);
			continue;
		}
		if ((why = bundle_name_ok(name, strlen(name))) != NULL) {
			for (q = name; *q != '\0'; q++)
				if (*q < 0x20 || *q == 0x7f)
					*q = '?';
			bundle_problem(z, MSG_VERIFY_SHA_SUMS_LINE, num, why);
			continue;
		}
		if (!strcmp(name, BUNDLE_SUMS) || !strcmp(name, BUNDLE_SIG)) {
			bundle_problem(z, MSG_VERIFY_SHA_SUMS_LINE_LISTS, num,
			    name);
			continue;
		}
		v[n].name = xstrdup(name);
		v[n].line = ln;
		n++;
	}
	free(text);
	if (n == 0 && !z->bad)
		bundle_problem(z, MSG_VERIFY_SHA_SUMS_LISTS);
	if (n > 1)
		qsort(v, n, sizeof(*v), bundle_sum_cmp);
	*out = v;
	return n;
}

/*
 * The source commit's time from the manifest ("commit_time": seconds), or -1
 * when it gives none.
 */
static int64_t
bundle_manifest_time(const struct buf *man)
{
	const char	*p, *e;
	int64_t		 t = 0;

	if (man->data == NULL || man->len == 0)
		return -1;
	e = man->data + man->len;
	for (p = man->data; p < e && (p = memchr(p, '"', (size_t)(e - p))) != NULL;
	    p++)
		if ((size_t)(e - p) > 13 && !memcmp(p, "\"commit_time\"", 13))
			break;
	if (p == NULL || p >= e)
		return -1;
	for (p += 13; p < e && (*p == ' ' || *p == '\t' || *p == ':'); p++)
		;
	if (p == e || *p < '0' || *p > '9')
		return -1;
	for (; p < e && *p >= '0' && *p <= '9' && t < INT64_MAX / 10 - 10; p++)
		t = t * 10 + (*p - '0');
	return t;
}

/*
 * Appends who made a good signature to b: the first valid user id's name
 * and e-mail, then "(key FINGERPRINT)"; the fingerprint alone when the key
 * has no named user id.  gpgme_get_key lists in a context of its own, so
 * ctx's verify result stays valid.
 */
static void
bundle_signer(struct buf *b, gpgme_ctx_t ctx, const char *fpr)
{
	gpgme_key_t	 key = NULL;
	gpgme_user_id_t	 uid = NULL;

	if (fpr != NULL && gpgme_get_key(ctx, fpr, &key, 0) == 0 && key != NULL)
		for (uid = key->uids; uid != NULL; uid = uid->next)
			if (!uid->revoked && !uid->invalid)
				break;
	if (uid != NULL && uid->name != NULL && uid->name[0] != '\0') {
		buf_puts(b, uid->name);
		if (uid->email != NULL && uid->email[0] != '\0')
			buf_printf(b, " <%s>", uid->email);
		buf_printf(b, " (key %s)", key->fpr != NULL ? key->fpr : fpr);
	} else
		buf_puts(b, fpr != NULL ? fpr : "?");
	if (key != NULL)
		gpgme_key_unref(key);
}

/*
 * Checks the detached signature sig over sums with the keys of keyring (an
 * armored or binary key file) or, without one, a copy of the user's public
 * keyring, in a temporary GnuPG home.  Each signature must be good and made
 * by a key valid at the later of its own time and the source commit's
 * (when).  Returns 0, or -1 with the problems reported.
 */
static int
bundle_check_sig(struct bundle_zip *z, const struct buf *sums,
    const struct buf *sig, const char *keyring, int64_t when)
{
	struct gpghome		*h = NULL;
	gpgme_data_t		 sd = NULL, td = NULL;
	gpgme_verify_result_t	 res;
	gpgme_signature_t	 s;
	gpgme_error_t		 e;
	struct buf		 fprs = { NULL, 0, 0 };
	char			*kdata = NULL;
	const char		*why;
	size_t			 klen;
	int			 n, rc = -1;

	if ((h = gpghome_new(z->d)) == NULL)
		goto out;
	if (keyring != NULL) {
		if (sources_slurp(keyring, KITEI_MAX_FILE_BYTES, 0, &kdata,
		    &klen) < 0) {
			bundle_io_error(z->d, keyring, "cannot read the keyring");
			goto out;
		}
		if ((e = gpghome_import(h, kdata, klen)) != 0) {
			struct pos kp = { keyring, 0, 0 };

			diag_msg(z->d, &kp, MSG_VERIFY_IMPORT,
			    gpgme_strerror(e));
			goto out;
		}
	} else if ((n = gpghome_copy_user_keys(h, z->d)) < 0)
		goto out;
	else if (n == 0) {
		bundle_problem(z, MSG_VERIFY_SHA_SUMS_ASC);
		goto out;
	}
	if (when < 0) {
		bundle_problem(z, MSG_VERIFY_SHA_SUMS_ASC_MANIFEST);
		goto out;
	}
	if (gpgme_data_new_from_mem(&sd, sig->data, sig->len, 0) != 0 ||
	    gpgme_data_new_from_mem(&td, sums->data != NULL ? sums->data : "",
	    sums->len, 0) != 0 ||
	    gpgme_op_verify(gpghome_ctx(h), sd, td, NULL) != 0 ||
	    (res = gpgme_op_verify_result(gpghome_ctx(h))) == NULL ||
	    res->signatures == NULL) {
		bundle_problem(z, MSG_VERIFY_SHA_SUMS_ASC_SIGNATURE);
		goto out;
	}
	rc = 0;
	for (s = res->signatures; s != NULL; s = s->next) {
		if (gpg_err_code(s->status) == GPG_ERR_NO_PUBKEY) {
			bundle_problem(z, MSG_VERIFY_SHA_SUMS_ASC_MADE,
			    s->fpr ? s->fpr : "?");
			rc = -1;
		} else if (!gpghome_sig_counts(h, s, when, &why)) {
			bundle_problem(z, MSG_VERIFY_2, why);
			rc = -1;
		} else {
			if (fprs.len > 0)
				buf_puts(&fprs, ", ");
			bundle_signer(&fprs, gpghome_ctx(h), s->fpr);
		}
	}
	if (rc == 0)
		printf("good signature by %s\n", fprs.data);
out:
	buf_free(&fprs);
	gpgme_data_release(sd);
	gpgme_data_release(td);
	gpghome_free(h);
	free(kdata);
	return rc;
}

/*
 * Reports the members that appear twice, or whose names differ only in case
 * (one file on Windows and macOS).  m is sorted by name.
 */
static void
bundle_check_names(struct bundle_zip *z)
{
	struct bundle_member	**v;
	uint64_t		  i;

	for (i = 1; i < z->n; i++)
		if (z->m[i].nlen == z->m[i - 1].nlen &&
		    !strcmp(z->m[i].name, z->m[i - 1].name)) {
			bundle_problem(z, MSG_VERIFY_APPEARS, z->m[i].name);
			z->m[i].bad = z->m[i - 1].bad = 1;
		}
	v = xreallocarray(NULL, z->n + 1, sizeof(*v));
	for (i = 0; i < z->n; i++)
		v[i] = &z->m[i];
	if (z->n > 1)
		qsort(v, z->n, sizeof(*v), bundle_member_casecmp);
	for (i = 1; i < z->n; i++)
		if (!ascii_strcasecmp(v[i]->name, v[i - 1]->name) &&
		    strcmp(v[i]->name, v[i - 1]->name)) {
			bundle_problem(z, MSG_VERIFY_DIFFERS, v[i]->name,
			    v[i - 1]->name);
			v[i]->bad = v[i - 1]->bad = 1;
		}
	free(v);
}

/*
 * Matches the members (sorted) against the sums (sorted) in one pass:
 * listed but missing, present but not listed, listed twice, hash differs.
 * Returns the number of files that matched.
 */
static size_t
bundle_match(struct bundle_zip *z, const struct bundle_sum *v, size_t nv)
{
	uint64_t	 i = 0;
	size_t		 j = 0, ok = 0;
	int		 c;

	while (i < z->n || j < nv) {
		if (j > 0 && j < nv && !strcmp(v[j].name, v[j - 1].name)) {
			bundle_problem(z, MSG_VERIFY_LISTED, v[j].name);
			j++;
			continue;
		}
		if (i > 0 && i < z->n && !strcmp(z->m[i].name, z->m[i - 1].name)) {
			i++;
			continue;
		}
		if (i < z->n && (!strcmp(z->m[i].name, BUNDLE_SUMS) ||
		    !strcmp(z->m[i].name, BUNDLE_SIG))) {
			i++;
			continue;
		}
		c = i == z->n ? 1 : j == nv ? -1 : strcmp(z->m[i].name, v[j].name);
		if (c < 0) {
			bundle_problem(z, MSG_VERIFY_BUNDLE_BUT, z->m[i].name);
			i++;
		} else if (c > 0) {
			bundle_problem(z, MSG_VERIFY_LISTED_SHA, v[j].name);
			j++;
		} else {
			if (z->m[i].bad)
				;	/* its problem is reported */
			else if (memcmp(z->m[i].sha, v[j].sha, 32) != 0)
				bundle_problem(z, MSG_VERIFY_SHA_DOES,
				    v[j].name);
			else
				ok++;
			i++;
			j++;
		}
	}
	return ok;
}

int
bundle_verify(const char *path, const char *keyring, struct diag *d)
{
	struct bundle_zip	 z;
	struct bundle_sum	*v = NULL;
	struct buf		 sums = { NULL, 0, 0 }, sig = { NULL, 0, 0 };
	struct buf		 man = { NULL, 0, 0 };
	struct pos		 pos = { path, 0, 0 };
	struct stat		 st;
	size_t			 nv = 0, i, ok = 0;
	int			 nsums = 0, nsig = 0, fd = -1;

	memset(&z, 0, sizeof(z));
	z.path = path;
	z.d = d;
	if (!gcry_check_version(NULL)) {
		diag_msg(d, &pos, MSG_VERIFY_LIBGCRYPT);
		return -1;
	}
	/* O_NONBLOCK: opening a fifo must not wait for a writer. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) < 0 || fstat(fd, &st) < 0) {
		bundle_io_error(d, path, "cannot read the bundle");
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_msg(d, &pos, MSG_VERIFY_REGULAR);
		goto out;
	}
	if (fcntl(fd, F_SETFL, 0) < 0 || (z.f = fdopen(fd, "rb")) == NULL) {
		bundle_io_error(d, path, "cannot read the bundle");
		goto out;
	}
	fd = -1;
	z.size = (uint64_t)st.st_size;
	if (bundle_zip_end(&z) < 0)
		goto out;
	if (z.n == 0) {
		bundle_problem(&z, MSG_VERIFY_BUNDLE_EMPTY);
		goto out;
	}
	if (bundle_zip_central(&z) < 0 ||
	    bundle_zip_members(&z, &sums, &sig, &man) < 0)
		goto out;
	qsort(z.m, z.n, sizeof(*z.m), bundle_member_cmp);
	bundle_check_names(&z);
	for (i = 0; i < z.n; i++) {
		nsums += !strcmp(z.m[i].name, BUNDLE_SUMS);
		nsig += !strcmp(z.m[i].name, BUNDLE_SIG);
	}
	if (nsums == 0) {
		bundle_problem(&z, MSG_VERIFY_SHA_SUMS_MISSING);
		goto out;
	}
	if (nsums > 1 || nsig > 1)
		goto out;	/* reported as appearing twice */
	nv = bundle_sums_parse(&z, &sums, &v);
	ok = bundle_match(&z, v, nv);
	if (nsig == 1) {
		if (!z.bad)
			bundle_check_sig(&z, &sums, &sig, keyring,
			    bundle_manifest_time(&man));
	} else if (keyring != NULL)
		bundle_problem(&z, MSG_VERIFY_SHA_SUMS_ASC_MISSING);
	if (!z.bad) {
		diag_fputs(path, stdout);
		printf(": %zu files, every SHA-256 matches%s\n", ok,
		    nsig ? ", signature good" : " (not signed)");
	}
out:
	if (fd >= 0)
		close(fd);
	if (z.f != NULL)
		fclose(z.f);
	for (i = 0; i < z.n && z.m != NULL; i++)
		free(z.m[i].name);
	free(z.m);
	for (i = 0; i < nv; i++)
		free(v[i].name);
	free(v);
	buf_free(&sums);
	buf_free(&sig);
	buf_free(&man);
	return z.bad || diag_exit_status(d) != 0 ? -1 : 0;
}
