/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Signs finished PDFs as PAdES baseline B-B: an incremental update holding a
 * signature field, its /Sig dictionary and a detached CMS SignedData made
 * with GnuTLS, carrying the ESS signing-certificate-v2 attribute and no CMS
 * signing-time (ETSI EN 319 142-1 §6.3: /M gives the time).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>
#include <qpdf/qpdf-c.h>

#include "diag.h"
#include "pdfsign.h"
#include "unorm.h"
#include "xalloc.h"

/*
 * Bytes reserved for the CMS in /Contents (written as twice as many hex
 * digits): a 4096-bit key's signature with a chain of four certificates
 * fits in under 8 KB.
 */
#define PDFSIGN_CMS_MAX		16384
/* The largest PKCS#12 file read: far above any key and chain. */
#define PDFSIGN_P12_MAX		(1024 * 1024)
/* The largest PDF signed (a manual of thousands of pages is far below). */
#define PDFSIGN_PDF_MAX		((size_t)1 << 30)
/* Width reserved for the three numbers of /ByteRange after the 0. */
#define PDFSIGN_BR_WIDTH	40
/* id-aa-signingCertificateV2 (RFC 5035). */
#define PDFSIGN_OID_ESS_V2	"1.2.840.113549.1.9.16.2.47"

struct pdfsign {
	char			*path;		/* the PKCS#12 file */
	gnutls_privkey_t	 key;
	gnutls_x509_crt_t	*chain;		/* chain[0] signs; the rest go in the CMS */
	unsigned int		 nchain;
	struct buf		 ess;		/* DER of SigningCertificateV2 */
};

/* Reads at most max bytes of path into out; returns 0, or -1 with errno set. */
static int
pdfsign_read(const char *path, size_t max, struct buf *out)
{
	FILE	*f;
	char	 tmp[65536];
	size_t	 n;
	int	 rc = 0;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0) {
		if (out->len + n > max) {
			errno = EFBIG;
			rc = -1;
			break;
		}
		buf_put(out, tmp, n);
	}
	if (ferror(f))
		rc = -1;
	fclose(f);
	return rc;
}

/* Appends a DER tag and length for a content of n bytes. */
static void
pdfsign_der_head(struct buf *b, unsigned char tag, size_t n)
{
	unsigned char	 h[6];
	size_t		 k = 0, i;

	h[k++] = tag;
	if (n < 0x80)
		h[k++] = (unsigned char)n;
	else {
		for (i = 4; i > 0 && ((n >> (8 * (i - 1))) & 0xff) == 0; i--)
			;
		h[k++] = (unsigned char)(0x80 | i);
		for (; i > 0; i--)
			h[k++] = (unsigned char)(n >> (8 * (i - 1)));
	}
	buf_put(b, (const char *)h, k);
}

/* Appends tag, length and the content of in to b. */
static void
pdfsign_der_wrap(struct buf *b, unsigned char tag, const struct buf *in)
{
	pdfsign_der_head(b, tag, in->len);
	if (in->len > 0)
		buf_put(b, in->data, in->len);
}

/*
 * The SigningCertificateV2 value for crt (RFC 5035): one ESSCertIDv2 with
 * the default hash SHA-256 and the issuer and serial.  Returns 0 or a
 * GnuTLS error code.
 */
static int
pdfsign_ess(struct buf *out, gnutls_x509_crt_t crt)
{
	unsigned char	 hash[32], serial[64];
	size_t		 hlen = sizeof(hash), slen = sizeof(serial);
	gnutls_datum_t	 dn = { NULL, 0 };
	struct buf	 name = { 0 }, gnames = { 0 }, isl = { 0 }, id = { 0 },
			 ids = { 0 };
	int		 rc;

	if ((rc = gnutls_x509_crt_get_fingerprint(crt, GNUTLS_DIG_SHA256,
	    hash, &hlen)) < 0 ||
	    (rc = gnutls_x509_crt_get_serial(crt, serial, &slen)) < 0 ||
	    (rc = gnutls_x509_crt_get_raw_issuer_dn(crt, &dn)) < 0)
		goto out;
	/* GeneralNames: SEQUENCE { [4] EXPLICIT Name }. */
	buf_put(&name, (const char *)dn.data, dn.size);
	pdfsign_der_wrap(&gnames, 0xa4, &name);
	pdfsign_der_wrap(&isl, 0x30, &gnames);
	/* serialNumber INTEGER: the raw bytes, kept positive. */
	pdfsign_der_head(&isl, 0x02, slen + (slen > 0 && (serial[0] & 0x80)));
	if (slen > 0 && (serial[0] & 0x80))
		buf_putc(&isl, '\0');
	buf_put(&isl, (const char *)serial, slen);
	/* ESSCertIDv2: certHash, issuerSerial (hashAlgorithm defaults). */
	pdfsign_der_head(&id, 0x04, hlen);
	buf_put(&id, (const char *)hash, hlen);
	pdfsign_der_wrap(&id, 0x30, &isl);
	pdfsign_der_wrap(&ids, 0x30, &id);
	buf_free(&name);
	pdfsign_der_wrap(&name, 0x30, &ids);		/* SEQUENCE OF */
	pdfsign_der_wrap(out, 0x30, &name);		/* SigningCertificateV2 */
	rc = 0;
out:
	gnutls_free(dn.data);
	buf_free(&name);
	buf_free(&gnames);
	buf_free(&isl);
	buf_free(&id);
	buf_free(&ids);
	return rc;
}

struct pdfsign *
pdfsign_new(const char *identity, struct diag *d)
{
	struct pdfsign		*ps;
	struct buf		 der = { 0 };
	gnutls_pkcs12_t		 p12 = NULL;
	gnutls_x509_privkey_t	 xkey = NULL;
	gnutls_datum_t		 dat;
	const char		*pass = getenv(KITEI_PDF_PASSWORD_ENV);
	struct pos		 pos = { identity, 0, 0 };
	int			 rc;

	ps = xcalloc(1, sizeof(*ps));
	ps->path = xstrdup(identity);
	if (pass == NULL)
		pass = "";
	if (pdfsign_read(identity, PDFSIGN_P12_MAX, &der) < 0) {
		diag_msg(d, &pos, MSG_SIGN_PDF_SIGN, strerror(errno));
		goto fail;
	}
	dat.data = (unsigned char *)der.data;
	dat.size = (unsigned int)der.len;
	/* DER as exported; PEM as some tools write it.  Reports DER's error. */
	if ((rc = gnutls_pkcs12_init(&p12)) < 0 ||
	    ((rc = gnutls_pkcs12_import(p12, &dat, GNUTLS_X509_FMT_DER, 0)) < 0 &&
	    gnutls_pkcs12_import(p12, &dat, GNUTLS_X509_FMT_PEM, 0) < 0)) {
		diag_msg(d, &pos, MSG_SIGN_PDF_PKCS, gnutls_strerror(rc));
		goto fail;
	}
	if (gnutls_pkcs12_verify_mac(p12, pass) < 0) {
		diag_msg(d, &pos, MSG_SIGN_PDF_WRONG, KITEI_PDF_PASSWORD_ENV);
		goto fail;
	}
	if ((rc = gnutls_pkcs12_simple_parse(p12, pass, &xkey, &ps->chain,
	    &ps->nchain, NULL, NULL, NULL,
	    GNUTLS_PKCS12_SP_INCLUDE_SELF_SIGNED)) < 0 || ps->nchain == 0) {
		diag_msg(d, &pos, MSG_SIGN_PDF_KEY,
		    rc < 0 ? gnutls_strerror(rc) : "no certificate");
		goto fail;
	}
	if ((rc = gnutls_privkey_init(&ps->key)) < 0 ||
	    (rc = gnutls_privkey_import_x509(ps->key, xkey,
	    GNUTLS_PRIVKEY_IMPORT_COPY)) < 0 ||
	    (rc = pdfsign_ess(&ps->ess, ps->chain[0])) < 0) {
		diag_msg(d, &pos, MSG_SIGN_PDF_WHY, gnutls_strerror(rc));
		goto fail;
	}
	gnutls_x509_privkey_deinit(xkey);
	gnutls_pkcs12_deinit(p12);
	buf_free(&der);
	return ps;
fail:
	if (xkey != NULL)
		gnutls_x509_privkey_deinit(xkey);
	if (p12 != NULL)
		gnutls_pkcs12_deinit(p12);
	buf_free(&der);
	pdfsign_free(ps);
	return NULL;
}

void
pdfsign_free(struct pdfsign *ps)
{
	unsigned int	 i;

	if (ps == NULL)
		return;
	if (ps->key != NULL)
		gnutls_privkey_deinit(ps->key);
	for (i = 0; i < ps->nchain; i++)
		gnutls_x509_crt_deinit(ps->chain[i]);
	gnutls_free(ps->chain);
	buf_free(&ps->ess);
	free(ps->path);
	free(ps);
}

/*
 * Appends s (UTF-8) as a PDF text string: UTF-16BE with a byte order mark,
 * in hex.  Malformed bytes become U+FFFD.
 */
static void
pdfsign_text(struct buf *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 c;
	size_t			 n;

	buf_puts(b, "<FEFF");
	while (*p != '\0') {
		/* The NUL ends every sequence: no byte past it is read. */
		if ((n = unorm_utf8((const char *)p, strnlen((const char *)p, 4),
		    &c)) == 0) {
			c = 0xfffd;
			n = 1;
		}
		p += n;
		if (c >= 0x10000) {
			c -= 0x10000;
			buf_printf(b, "%04lX%04lX", (unsigned long)(0xd800 + (c >> 10)),
			    (unsigned long)(0xdc00 + (c & 0x3ff)));
		} else
			buf_printf(b, "%04lX", (unsigned long)c);
	}
	buf_putc(b, '>');
}

/* Appends the PDF date D:YYYYMMDDHHmmSS+HH'mm' of t at offset minutes. */
static void
pdfsign_date(struct buf *b, int64_t t, int offset)
{
	time_t		 tt = (time_t)(t + (int64_t)offset * 60);
	struct tm	 tm;
	int		 a = offset < 0 ? -offset : offset;

	gmtime_r(&tt, &tm);
	buf_printf(b, "(D:%04d%02d%02d%02d%02d%02d%c%02d'%02d')",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, offset < 0 ? '-' : '+', a / 60, a % 60);
}

/* Offset of the number after the last "startxref" in pdf, or -1. */
static long long
pdfsign_startxref(const struct buf *pdf)
{
	size_t		 i, n = sizeof("startxref") - 1;

	if (pdf->len < n)
		return -1;
	for (i = pdf->len - n; i > 0 && pdf->len - i < 4096; i--)
		if (!memcmp(pdf->data + i, "startxref", n))
			return strtoll(pdf->data + i + n, NULL, 10);
	return -1;
}

/*
 * Looks name up in the name tree node (depth-limited: a tree from a
 * foreign file may loop); returns the destination or a null handle.
 */
static qpdf_oh
pdfsign_name_tree(qpdf_data q, qpdf_oh node, const char *name, int depth)
{
	qpdf_oh		 a, r;
	int		 i, n;

	if (depth > 16 || !qpdf_oh_is_dictionary(q, node))
		return qpdf_oh_new_null(q);
	a = qpdf_oh_get_key(q, node, "/Names");
	n = qpdf_oh_is_array(q, a) ? qpdf_oh_get_array_n_items(q, a) : 0;
	for (i = 0; i + 1 < n; i += 2)
		if (qpdf_oh_is_string(q, qpdf_oh_get_array_item(q, a, i)) &&
		    !strcmp(qpdf_oh_get_utf8_value(q,
		    qpdf_oh_get_array_item(q, a, i)), name))
			return qpdf_oh_get_array_item(q, a, i + 1);
	a = qpdf_oh_get_key(q, node, "/Kids");
	n = qpdf_oh_is_array(q, a) ? qpdf_oh_get_array_n_items(q, a) : 0;
	for (i = 0; i < n; i++) {
		r = pdfsign_name_tree(q, qpdf_oh_get_array_item(q, a, i), name,
		    depth + 1);
		if (!qpdf_oh_is_null(q, r))
			return r;
	}
	return qpdf_oh_new_null(q);
}

/*
 * The page object id and y of the named destination name ([page /XYZ x y
 * z], or a dictionary with /D); returns 0, or -1 when it is not there.
 */
static int
pdfsign_dest(qpdf_data q, const char *name, int *page_out, double *x_out,
    double *y_out)
{
	qpdf_oh		 root = qpdf_get_root(q), dest, p;
	char		*key;

	xasprintf(&key, "/%s", name);
	dest = qpdf_oh_get_key_if_dict(q, qpdf_oh_get_key(q, root, "/Dests"), key);
	free(key);
	if (qpdf_oh_is_null(q, dest))
		dest = pdfsign_name_tree(q, qpdf_oh_get_key_if_dict(q,
		    qpdf_oh_get_key(q, root, "/Names"), "/Dests"), name, 0);
	if (qpdf_oh_is_dictionary(q, dest))
		dest = qpdf_oh_get_key(q, dest, "/D");
	if (!qpdf_oh_is_array(q, dest) || qpdf_oh_get_array_n_items(q, dest) < 4 ||
	    !qpdf_oh_is_name_and_equals(q, qpdf_oh_get_array_item(q, dest, 1),
	    "/XYZ"))
		return -1;
	p = qpdf_oh_get_array_item(q, dest, 0);
	if (!qpdf_oh_is_number(q, qpdf_oh_get_array_item(q, dest, 2)) ||
	    !qpdf_oh_is_number(q, qpdf_oh_get_array_item(q, dest, 3)) ||
	    (*page_out = qpdf_oh_get_object_id(q, p)) <= 0)
		return -1;
	*x_out = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, dest, 2));
	*y_out = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, dest, 3));
	return 0;
}

/*
 * Finds where the field goes: the page holding both of info's
 * destinations, and the rectangle between them across the text width.
 * Returns the page (and fills rect), or page 1 with an empty rect.
 */
static qpdf_oh
pdfsign_place(qpdf_data q, const struct pdfsign_info *info, int rect[4])
{
	qpdf_oh		 pg, box;
	double		 x1, y1, x2, y2, w = 0;
	int		 p1, p2, i, n = qpdf_get_num_pages(q);

	rect[0] = rect[1] = rect[2] = rect[3] = 0;
	if (info->place_top == NULL || info->place_bottom == NULL ||
	    pdfsign_dest(q, info->place_top, &p1, &x1, &y1) < 0 ||
	    pdfsign_dest(q, info->place_bottom, &p2, &x2, &y2) < 0 ||
	    p1 != p2 || y2 >= y1)
		return qpdf_get_page_n(q, 0);
	for (i = 0; i < n; i++) {
		pg = qpdf_get_page_n(q, (size_t)i);
		if (qpdf_oh_get_object_id(q, pg) != p1)
			continue;
		box = qpdf_oh_get_key(q, pg, "/MediaBox");
		if (qpdf_oh_is_array(q, box) &&
		    qpdf_oh_get_array_n_items(q, box) == 4)
			w = qpdf_oh_get_numeric_value(q,
			    qpdf_oh_get_array_item(q, box, 2));
		if (w <= 2 * x1)
			break;
		rect[0] = (int)floor(x1);
		rect[1] = (int)floor(y2);
		rect[2] = (int)ceil(w - x1);
		rect[3] = (int)ceil(y1);
		return pg;
	}
	return qpdf_get_page_n(q, 0);
}

/* Appends the big-endian n-byte v to b. */
static void
pdfsign_be(struct buf *b, unsigned long long v, int n)
{
	while (n-- > 0)
		buf_putc(b, (char)((v >> (8 * n)) & 0xff));
}

/* The unparsed dictionary s without its closing ">>", appended to b. */
static int
pdfsign_open_dict(struct buf *b, const char *s)
{
	size_t	 n = strlen(s);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	if (n < 4 || strncmp(s, "<<", 2) || strncmp(s + n - 2, ">>", 2))
		return -1;
	buf_put(b, s, n - 2);
	return 0;
}

/*
 * Signs the bytes of pdf outside [hole, hole_end) into a DER CMS in out.
 * Returns 0 or a GnuTLS error code.
 */
static int
pdfsign_cms(struct pdfsign *ps, const struct buf *pdf, size_t hole,
    size_t hole_end, gnutls_datum_t *out)
{
	gnutls_pkcs7_t		 p7 = NULL;
	gnutls_pkcs7_attrs_t	 attrs = NULL;
	gnutls_datum_t		 data, ess;
	unsigned int		 i;
	char			*tbs;
	int			 rc;

	tbs = xmalloc(pdf->len - (hole_end - hole));
	memcpy(tbs, pdf->data, hole);
	memcpy(tbs + hole, pdf->data + hole_end, pdf->len - hole_end);
	data.data = (unsigned char *)tbs;
	data.size = (unsigned int)(pdf->len - (hole_end - hole));
	ess.data = (unsigned char *)ps->ess.data;
	ess.size = (unsigned int)ps->ess.len;
	if ((rc = gnutls_pkcs7_init(&p7)) < 0 ||
	    (rc = gnutls_pkcs7_add_attr(&attrs, PDFSIGN_OID_ESS_V2, &ess, 0)) < 0 ||
	    (rc = gnutls_pkcs7_sign(p7, ps->chain[0], ps->key, &data, attrs,
	    NULL, GNUTLS_DIG_SHA256, GNUTLS_PKCS7_INCLUDE_CERT)) < 0)
		goto out;
	for (i = 1; i < ps->nchain; i++)
		if ((rc = gnutls_pkcs7_set_crt(p7, ps->chain[i])) < 0)
			goto out;
	rc = gnutls_pkcs7_export2(p7, GNUTLS_X509_FMT_DER, out);
out:
	gnutls_pkcs7_attrs_deinit(attrs);
	if (p7 != NULL)
		gnutls_pkcs7_deinit(p7);
	free(tbs);
	return rc;
}

int
pdfsign_file(struct pdfsign *ps, const char *path,
    const struct pdfsign_info *info, struct diag *d)
{
	struct buf	 pdf = { 0 }, up = { 0 };
	qpdf_data	 q = NULL;
	qpdf_oh		 root, trailer, page, annots, size, id, inf;
	gnutls_datum_t	 cms = { NULL, 0 };
	long long	 prev;
	size_t		 base, hole, hole_end, br, offs[6], i;
	int		 ids[2], gens[2], nsize, sig, wid, apid, xid, rc = -1, grc;
	char		 num[PDFSIGN_BR_WIDTH + 1];
	int		 rect[4];	/* whole points: no locale's decimal comma */
	FILE		*f = NULL;
	struct pos	 pos = { path, 0, 0 };

	if (pdfsign_read(path, PDFSIGN_PDF_MAX, &pdf) < 0) {
		diag_msg(d, &pos, MSG_SIGN_PDF_WHY, strerror(errno));
		goto out;
	}
	q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if ((qpdf_read_memory(q, path, pdf.data, pdf.len, NULL) & QPDF_ERRORS) ||
	    qpdf_get_num_pages(q) < 1 || (prev = pdfsign_startxref(&pdf)) < 0) {
		diag_msg(d, &pos, MSG_SIGN_PDF_READ);
		goto out;
	}
	trailer = qpdf_get_trailer(q);
	root = qpdf_get_root(q);
	page = pdfsign_place(q, info, rect);
	size = qpdf_oh_get_key(q, trailer, "/Size");
	if (qpdf_oh_has_key(q, root, "/AcroForm") || !qpdf_oh_is_integer(q, size) ||
	    qpdf_oh_get_object_id(q, root) <= 0 ||
	    qpdf_oh_get_object_id(q, page) <= 0) {
		diag_msg(d, &pos, MSG_SIGN_PDF_PDF);
		goto out;
	}
	nsize = qpdf_oh_get_int_value_as_int(q, size);
	sig = nsize;
	wid = nsize + 1;
	apid = nsize + 2;
	xid = nsize + 3;

	/* Starts on a line of its own; the bytes before are never touched. */
	base = pdf.len;
	if (pdf.len > 0 && pdf.data[pdf.len - 1] != '\n')
		buf_putc(&up, '\n');

	/* The signature dictionary with its placeholders. */
	offs[2] = base + up.len;
	buf_printf(&up, "%d 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite "
	    "/SubFilter /ETSI.CAdES.detached /ByteRange [0 ", sig);
	br = base + up.len;
	buf_printf(&up, "%*s] /Contents ", PDFSIGN_BR_WIDTH, "");
	hole = base + up.len;
	buf_putc(&up, '<');
	for (i = 0; i < 2 * PDFSIGN_CMS_MAX; i++)
		buf_putc(&up, '0');
	buf_putc(&up, '>');
	hole_end = base + up.len;
	buf_puts(&up, "\n/M ");
	pdfsign_date(&up, info->time, info->offset);
	if (info->reason != NULL) {
		buf_puts(&up, " /Reason ");
		pdfsign_text(&up, info->reason);
	}
	if (info->name != NULL && info->name[0] != '\0') {
		buf_puts(&up, " /Name ");
		pdfsign_text(&up, info->name);
	}
	buf_puts(&up, " >>\nendobj\n");

	/*
	 * The field, printed and locked, over the 承認 block with an empty
	 * appearance (the block shows through), or invisible on page 1.
	 */
	offs[3] = base + up.len;
	buf_printf(&up, "%d 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig "
	    "/T (Signature1) /V %d 0 R /F 132 /Rect [%d %d %d %d] "
	    "/P %d %d R /AP << /N %d 0 R >> >>\nendobj\n", wid, sig, rect[0],
	    rect[1], rect[2], rect[3], qpdf_oh_get_object_id(q, page),
	    qpdf_oh_get_generation(q, page), apid);
	offs[5] = base + up.len;
	buf_printf(&up, "%d 0 obj\n<< /Type /XObject /Subtype /Form "
	    "/BBox [0 0 %d %d] /Length 0 >>\nstream\n\nendstream\n"
	    "endobj\n", apid, rect[2] - rect[0], rect[3] - rect[1]);

	/* The catalog with /AcroForm, the page with the widget in /Annots. */
	ids[0] = qpdf_oh_get_object_id(q, root);
	gens[0] = qpdf_oh_get_generation(q, root);
	offs[0] = base + up.len;
	buf_printf(&up, "%d %d obj\n", ids[0], gens[0]);
	if (pdfsign_open_dict(&up, qpdf_oh_unparse_resolved(q, root)) < 0)
		goto bad;
	buf_printf(&up, " /AcroForm << /Fields [%d 0 R] /SigFlags 3 >> >>\n"
	    "endobj\n", wid);
	ids[1] = qpdf_oh_get_object_id(q, page);
	gens[1] = qpdf_oh_get_generation(q, page);
	offs[1] = base + up.len;
	buf_printf(&up, "%d %d obj\n", ids[1], gens[1]);
	annots = qpdf_oh_get_key(q, page, "/Annots");
	if (qpdf_oh_is_array(q, annots)) {
		struct buf	 a = { 0 };

		buf_puts(&a, qpdf_oh_unparse_resolved(q, annots));
		while (a.len > 0 && a.data[a.len - 1] != ']')
			a.len--;
		if (a.len < 2 || a.data[0] != '[') {
			buf_free(&a);
			goto bad;
		}
		a.data[--a.len] = '\0';
		qpdf_oh_remove_key(q, page, "/Annots");
		if (pdfsign_open_dict(&up, qpdf_oh_unparse_resolved(q, page)) < 0) {
			buf_free(&a);
			goto bad;
		}
		buf_printf(&up, " /Annots %s %d 0 R] >>\nendobj\n", a.data, wid);
		buf_free(&a);
	} else {
		qpdf_oh_remove_key(q, page, "/Annots");
		if (pdfsign_open_dict(&up, qpdf_oh_unparse_resolved(q, page)) < 0)
			goto bad;
		buf_printf(&up, " /Annots [%d 0 R] >>\nendobj\n", wid);
	}
	if (ids[0] >= nsize || ids[1] >= nsize || ids[0] == ids[1])
		goto bad;

	/*
	 * A cross-reference stream, as the file before has: catalog and page
	 * (lower id first), then the new sig, wid, apid and xid.
	 */
	offs[4] = base + up.len;
	buf_printf(&up, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] "
	    "/Index [%d 1 %d 1 %d 4] /Prev %lld /Root %d %d R", xid, xid + 1,
	    ids[0] < ids[1] ? ids[0] : ids[1], ids[0] < ids[1] ? ids[1] : ids[0],
	    sig, prev, ids[0], gens[0]);
	inf = qpdf_oh_get_key(q, trailer, "/Info");
	if (qpdf_oh_is_dictionary(q, inf) && qpdf_oh_get_object_id(q, inf) > 0)
		buf_printf(&up, " /Info %d %d R", qpdf_oh_get_object_id(q, inf),
		    qpdf_oh_get_generation(q, inf));
	id = qpdf_oh_get_key(q, trailer, "/ID");
	if (qpdf_oh_is_array(q, id))
		buf_printf(&up, " /ID %s", qpdf_oh_unparse(q, id));
	buf_printf(&up, " /Length %d >>\nstream\n", 6 * 7);
	for (i = 0; i < 6; i++) {
		static const size_t	 order[6] = { 0, 1, 2, 3, 5, 4 };
		size_t			 k = order[i];

		if (i < 2 && ids[0] > ids[1])
			k = 1 - i;
		buf_putc(&up, 1);
		pdfsign_be(&up, offs[k], 4);
		pdfsign_be(&up, k < 2 ? (unsigned long long)gens[k] : 0, 2);
	}
	buf_printf(&up, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n",
	    offs[4]);
	if (base + up.len > 0xffffffffu)
		goto bad;

	/* Fill in /ByteRange, then sign everything but /Contents' string. */
	snprintf(num, sizeof(num), "%zu %zu %zu", hole, hole_end,
	    base + up.len - hole_end);
	memcpy(up.data + (br - base), num, strlen(num));
	buf_put(&pdf, up.data, up.len);
	if ((grc = pdfsign_cms(ps, &pdf, hole, hole_end, &cms)) < 0) {
		diag_msg(d, &pos, MSG_SIGN_PDF_2, ps->path,
		    gnutls_strerror(grc));
		goto out;
	}
	if (cms.size > PDFSIGN_CMS_MAX) {
		diag_msg(d, &pos, MSG_SIGN_PDF_SIGNATURE, ps->path);
		goto out;
	}
	for (i = 0; i < cms.size; i++) {
		static const char hex[] = "0123456789ABCDEF";

		up.data[hole - base + 1 + 2 * i] = hex[cms.data[i] >> 4];
		up.data[hole - base + 2 + 2 * i] = hex[cms.data[i] & 15];
	}

	/* Appended: the unsigned bytes stay as they were. */
	if ((f = fopen(path, "ab")) == NULL ||
	    fwrite(up.data, 1, up.len, f) != up.len) {
		diag_msg(d, &pos, MSG_SIGN_PDF_WHY, strerror(errno));
		goto out;
	}
	if (fclose(f) != 0) {
		f = NULL;
		diag_msg(d, &pos, MSG_SIGN_PDF_WHY, strerror(errno));
		goto out;
	}
	f = NULL;
	rc = 0;
	goto out;
bad:
	diag_msg(d, &pos, MSG_SIGN_PDF_UNEXPECTED);
out:
	if (f != NULL)
		fclose(f);
	gnutls_free(cms.data);
	if (q != NULL)
		qpdf_cleanup(&q);
	buf_free(&pdf);
	buf_free(&up);
	return rc;
}
