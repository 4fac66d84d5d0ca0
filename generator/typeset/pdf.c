/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * PDF finishing: qpdf rewrites Cairo's PDF with /Lang, PDF dates,
 * /MarkInfo, one Document structure root and a deterministic /ID, and the
 * result is written out.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <qpdf/qpdf-c.h>

#include "../typeset.h"
#include "typeset_int.h"
#include "../typeimage.h"
#include "pdf.h"

/* Cairo's write callback: appends to a struct buf. */
cairo_status_t
typeset_write(void *arg, const unsigned char *data, unsigned int len)
{
	buf_put(arg, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* Formats time t at offset minutes as ISO 8601 (iso) or a PDF date. */
void
typeset_date(char *out, size_t sz, int64_t t, int offset, int iso)
{
	struct tm	 tm;
	time_t		 lt = (time_t)(t + (int64_t)offset * 60);
	int		 ao = offset < 0 ? -offset : offset;

	gmtime_r(&lt, &tm);
	if (iso)
		snprintf(out, sz, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec, offset < 0 ? '-' : '+', ao / 60, ao % 60);
	else
		snprintf(out, sz, "D:%04d%02d%02d%02d%02d%02d%c%02d'%02d'",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec, offset < 0 ? '-' : '+', ao / 60, ao % 60);
}

/* Writes the finished PDF to path; returns 0, or -1 with a fatal diagnostic. */
static int
typeset_save(struct diag *d, const char *path, const unsigned char *data,
    size_t len)
{
	struct pos	 pos = { path, 0, 0 };
	FILE		*f;
	int		 err = 0;

	errno = 0;
	if ((f = fopen(path, "wb")) == NULL)
		err = errno;
	else {
		if (fwrite(data, 1, len, f) != len || fflush(f) != 0)
			err = errno != 0 ? errno : EIO;
		if (fclose(f) != 0 && err == 0)
			err = errno != 0 ? errno : EIO;
	}
	if (err == 0)
		return 0;
	diag_msg(d, &pos, MSG_IO, strerror(err));
	return -1;
}

/*
 * Puts the structure tree under one Document element if it is not: Cairo
 * 1.16 loses the Document element when a recorded surface (the watermark)
 * is painted and hangs every element on the tree's root, which readers
 * (poppler, PDF/UA checkers) reject.
 */
static void
typeset_struct_root(qpdf_data q, qpdf_oh root)
{
	qpdf_oh		 str, kids, doc, kid;
	int		 i, n;

	str = qpdf_oh_get_key(q, root, "/StructTreeRoot");
	if (!qpdf_oh_is_dictionary(q, str))
		return;
	kids = qpdf_oh_get_key(q, str, "/K");
	kid = kids;
	if (qpdf_oh_is_array(q, kids) && qpdf_oh_get_array_n_items(q, kids) == 1)
		kid = qpdf_oh_get_array_item(q, kids, 0);
	if (qpdf_oh_is_dictionary(q, kid) && strcmp(qpdf_oh_get_name(q,
	    qpdf_oh_get_key(q, kid, "/S")), "/Document") == 0)
		return;		/* as it should be */
	if (!qpdf_oh_is_array(q, kids)) {
		if (!qpdf_oh_is_dictionary(q, kids))
			return;
		kid = kids;
		kids = qpdf_oh_new_array(q);
		qpdf_oh_append_item(q, kids, kid);
	}
	doc = qpdf_make_indirect_object(q,
	    qpdf_oh_parse(q, "<< /Type /StructElem /S /Document >>"));
	qpdf_oh_replace_key(q, doc, "/P", str);
	qpdf_oh_replace_key(q, doc, "/K", kids);
	n = qpdf_oh_get_array_n_items(q, kids);
	for (i = 0; i < n; i++) {
		kid = qpdf_oh_get_array_item(q, kids, i);
		if (qpdf_oh_is_dictionary(q, kid))
			qpdf_oh_replace_key(q, kid, "/P", doc);
	}
	qpdf_oh_replace_key(q, str, "/K", doc);
}

/*
 * Finishes the PDF in pdf with qpdf and writes it to path: /Lang, dates in
 * the PDF form, /MarkInfo, a Document root element, /DisplayDocTitle,
 * object streams and a deterministic /ID.
 * Returns 0, or -1 with a diagnostic.
 */
int
typeset_finish(struct ts_ctx *c, const struct buf *pdf, const char *path,
    const struct typeset_meta *meta)
{
	qpdf_data	 q;
	qpdf_oh		 root, trailer, info, vp;
	char		 date[64];
	int		 rc = -1;

	q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, path, pdf->data, pdf->len, NULL) & QPDF_ERRORS)
		goto err;
	root = qpdf_get_root(q);
	trailer = qpdf_get_trailer(q);
	qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q,
	    meta->lang ? meta->lang : "ja-JP"));
	/* Cairo 1.16 writes the structure tree but not always /MarkInfo. */
	if (qpdf_oh_has_key(q, root, "/StructTreeRoot")) {
		typeset_struct_root(q, root);
		typeimage_alt(c->img, q, root);
		qpdf_oh_replace_key(q, root, "/MarkInfo",
		    qpdf_oh_parse(q, "<< /Marked true >>"));
	}
	vp = qpdf_oh_parse(q, "<< /DisplayDocTitle true >>");
	qpdf_oh_replace_key(q, root, "/ViewerPreferences", vp);
	info = qpdf_oh_get_key(q, trailer, "/Info");
	if (!qpdf_oh_is_dictionary(q, info)) {
		info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
		qpdf_oh_replace_key(q, trailer, "/Info", info);
	}
	typeset_date(date, sizeof(date), meta->time, meta->offset, 0);
	qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, date));
	qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, date));
	/* Into memory: qpdf does not report a failed write of its file. */
	if (qpdf_init_write_memory(q) & QPDF_ERRORS)
		goto err;
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_set_object_stream_mode(q, qpdf_o_generate);
	qpdf_set_compress_streams(q, QPDF_TRUE);
	/* Cairo's streams are compressed already: pass them through. */
	qpdf_set_decode_level(q, qpdf_dl_none);
	if (qpdf_write(q) & QPDF_ERRORS)
		goto err;
	rc = typeset_save(c->d, path, qpdf_get_buffer(q), qpdf_get_buffer_length(q));
	goto out;
err:
	diag_msg(c->d, NULL, MSG_PDF_WHY,
	    qpdf_has_error(q) ? qpdf_get_error_full_text(q, qpdf_get_error(q)) : "qpdf failed");
out:
	qpdf_cleanup(&q);
	return rc;
}
