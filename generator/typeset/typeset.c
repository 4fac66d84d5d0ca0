/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The typesetter's driver, typeset_pdf() of ../typeset.h: reads the FO,
 * lays it out (pass 1), fills in page citations and lays out again while
 * line counts change, draws every page and has the PDF finished.
 * README.md in this folder draws the flow.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangofc-fontmap.h>

#include "../ascii.h"
#include "../typeset.h"
#include "typeset_int.h"
#include "../typeimage.h"
#include "block.h"
#include "compose.h"
#include "draw.h"
#include "fonts.h"
#include "page.h"
#include "pdf.h"
#include "props.h"
#include "read.h"
#include "vlist.h"

/* Relayouts after citations change a paragraph's line count; converges at once in practice. */
#define TS_MAXPASSES	3

/* Frees everything the context holds. */
static void
typeset_ctx_free(struct ts_ctx *c)
{
	size_t	 i, k;

	typeset_pool_free(&c->body);
	typeset_pool_free(&c->tmp);
	typeimage_free(c->img);
	for (i = 0; i < c->nseqs; i++) {
		free(c->seqs[i].vl.v);
		free(c->seqs[i].statics);
		if (c->seqs[i].wm != NULL)
			cairo_surface_destroy(c->seqs[i].wm);
	}
	free(c->seqs);
	for (i = 0; i < c->nmasters; i++) {
		free(c->masters[i].name);
		free(c->masters[i].body.name);
		free(c->masters[i].before.name);
		free(c->masters[i].after.name);
	}
	free(c->masters);
	for (i = 0; i < c->nsms; i++) {
		for (k = 0; k < c->sms[i].nspecs; k++)
			free(c->sms[i].specs[k].conds);
		free(c->sms[i].specs);
		free(c->sms[i].name);
	}
	free(c->sms);
	free(c->pages);
	for (i = 0; i < c->nlinks; i++)
		free(c->links[i]);
	free(c->links);
	free(c->groups);
	if (c->attrnames != NULL)
		g_hash_table_destroy(c->attrnames);
	if (c->warned != NULL)
		g_hash_table_destroy(c->warned);
	if (c->ids != NULL)
		g_hash_table_destroy(c->ids);
	if (c->pc != NULL)
		g_object_unref(c->pc);
	if (c->fm != NULL) {
		/*
		 * The font map outlives our reference (Pango keeps it), and
		 * with it the configuration it was given: one FcConfig and its
		 * fonts lost per PDF (valgrind).  Hand the configuration back.
		 */
		pango_fc_font_map_set_config((PangoFcFontMap *)c->fm, NULL);
		g_object_unref(c->fm);
	}
}

/*
 * Typesets the FO document fo into a PDF at path (see typeset.h): reads
 * masters and sequences, lays out (pass 1), fills in citations (pass 2,
 * again while line counts change), draws every page, adds the outline, and
 * has qpdf finish the file.  Returns 0, or -1 with a diagnostic.
 */
int
typeset_pdf(struct diag *d, const void *fo, const char *path,
    const struct typeset_meta *meta)
{
	struct ts_ctx	 c;
	xmlDocPtr	 doc = (xmlDocPtr)fo;
	xmlNodePtr	 root, ch;
	struct buf	 pdf = { NULL, 0, 0 };
	cairo_status_t	 cs;
	char		 date[64];
	size_t		 i;
	int		 rc = -1, pass;
	struct ascii_numeric num;

	assert(d != NULL && fo != NULL && path != NULL && meta != NULL);
	memset(&c, 0, sizeof(c));
	c.d = d;
	c.path = doc->URL ? (const char *)doc->URL : NULL;
	c.pass = 1;
	c.pool = &c.body;
	c.attrnames = typeset_attrnames();
	c.warned = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	c.ids = g_hash_table_new_full(g_str_hash, g_str_equal, free, free);
	c.img = typeimage_new(meta->images, d, c.path);

	root = xmlDocGetRootElement(doc);
	if (!typeset_is(root, "root")) {
		diag_msg(d, NULL, MSG_FO_ROOT);
		goto out;
	}
	if (typeset_fonts(&c, meta->fontdir) < 0 || typeset_read(&c, root) < 0)
		goto out;

	/* Pass 1 lays out with ids unknown; then fill in citations. */
	typeset_build_all(&c);
	if (typeset_paginate_all(&c) < 0)
		goto out;
	/*
	 * A changed line count invalidates the lists: lay out again with the
	 * ids' pages just found.  A document whose numbers keep moving the
	 * breaks keeps its last layout (its citations may then be off).
	 */
	for (pass = 2; ; pass++) {
		c.pass = pass;
		typeset_refill(&c);
		if (!c.changed)
			break;
		typeset_build_all(&c);
		if (typeset_paginate_all(&c) < 0)
			goto out;
		if (pass >= TS_MAXPASSES)
			break;
	}

	/*
	 * Cairo 1.16 reads the numbers of tag attributes (rect=[…], x=, y=)
	 * with sscanf, so with LC_NUMERIC's point: draw in the C numeric
	 * locale, where the '.' typeset_tag_num writes is the point.
	 */
	ascii_numeric_enter(&num);
	c.surf = cairo_pdf_surface_create_for_stream(typeset_write, &pdf,
	    c.pages[0].m->pw, c.pages[0].m->ph);
	cairo_pdf_surface_restrict_to_version(c.surf, CAIRO_PDF_VERSION_1_5);
	if (meta->title != NULL)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_TITLE,
		    meta->title);
	if (meta->author != NULL)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_AUTHOR,
		    meta->author);
	if (meta->subject != NULL)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_SUBJECT,
		    meta->subject);
	if (meta->keywords != NULL)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_KEYWORDS,
		    meta->keywords);
	if (meta->creator != NULL)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_CREATOR,
		    meta->creator);
	/* Set explicitly, or Cairo writes the current time (qpdf rewrites both). */
	typeset_date(date, sizeof(date), meta->time, meta->offset, 1);
	cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_MOD_DATE, date);
	c.cr = cairo_create(c.surf);
	/* Tagged PDF only when the first structure tag is a grouping one. */
	cairo_tag_begin(c.cr, "Document", NULL);
	for (i = 0; i < c.npages; i++)
		typeset_draw_page(&c, i);
	cairo_tag_end(c.cr, "Document");
	for (ch = root->children; ch != NULL; ch = ch->next)
		if (typeset_is(ch, "bookmark-tree"))
			typeset_bookmarks(&c, ch, CAIRO_PDF_OUTLINE_ROOT, 1);
	cairo_destroy(c.cr);
	c.cr = NULL;
	cairo_surface_finish(c.surf);
	cs = cairo_surface_status(c.surf);
	cairo_surface_destroy(c.surf);
	c.surf = NULL;
	ascii_numeric_leave(&num);
	if (cs != CAIRO_STATUS_SUCCESS) {
		diag_msg(d, NULL, MSG_PDF_WHY, cairo_status_to_string(cs));
		goto out;
	}
	if (typeset_finish(&c, &pdf, path, meta) < 0)
		goto out;
	if (meta->on_id != NULL) {
		GHashTableIter		 it;
		gpointer		 key, value;

		g_hash_table_iter_init(&it, c.ids);
		while (g_hash_table_iter_next(&it, &key, &value)) {
			const struct ts_idpos *ip = value;

			if (ip->first >= 0)
				meta->on_id(key, ip->first + 1, meta->on_id_arg);
		}
	}
	rc = 0;
out:
	buf_free(&pdf);
	typeset_ctx_free(&c);
	return rc;
}
