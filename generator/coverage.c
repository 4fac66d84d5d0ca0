/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Matches the catalog's elements with the sections that cover them.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "config.h"
#include "coverage.h"
#include "diag.h"
#include "model.h"
#include "xalloc.h"

static const char *const coverage_names[] = {
	"missing", "covered", "not-applicable"
};

const char *
coverage_status_name(enum coverage_status s)
{
	return coverage_names[s];
}

/* Whether the section or its descendants mention one of the keywords. */
static int
coverage_plausible(const struct catalog_element *el, const struct model_doc *md,
    size_t s)
{
	size_t	 i, k;

	if (el->nkeywords == 0)
		return 1;
	for (i = s; i < md->sections[s].end; i++)
		for (k = 0; k < el->nkeywords; k++)
			if (strstr(md->sections[i].text, el->keywords[k]) != NULL)
				return 1;
	return 0;
}

/* Reports an unknown id with the nearest ids of the catalog. */
static void
coverage_unknown(const struct catalog *cat, const char *id,
    const struct pos *pos, struct diag *d)
{
	const char	*near[4];
	size_t		 n = catalog_nearest(cat, id, near, 4);

	if (n == 0)
		diag_msg(d, pos, MSG_UNKNOWN_REQUIREMENT, id, cat->id);
	else
		diag_msg(d, pos, MSG_UNKNOWN_REQUIREMENT_ELEMENT, id, cat->id,
		    near[0], n > 1 ? (n == 2 ? " or " : ", ") : "",
		    n > 1 ? near[1] : "", n > 2 ? (n == 3 ? " or " : ", ") : "",
		    n > 2 ? near[2] : "", n > 3 ? " or " : "",
		    n > 3 ? near[3] : "");
}

/*
 * A covers: or not-applicable: id in a document that belongs to no manual,
 * or to two: it meets nothing, and says so at its own line.
 */
struct coverage_uncounted {
	size_t	 idx;		/* the element */
	size_t	 doc;		/* index into model->docs */
	int	 line;
	int	 col;
	int	 na;		/* a not-applicable: rather than a covers: */
};

/* Records an uncounted id; see struct coverage_uncounted. */
static void
coverage_add_uncounted(struct coverage_uncounted **u, size_t *nu, size_t idx,
    size_t doc, int line, int col, int na)
{
	*u = xgrowarray(*u, *nu, 1, sizeof(**u));
	(*u)[*nu].idx = idx;
	(*u)[*nu].doc = doc;
	(*u)[*nu].line = line;
	(*u)[*nu].col = col;
	(*u)[*nu].na = na;
	(*nu)++;
}

/*
 * Says at its line why an uncounted id meets nothing: an error when the
 * element stays missing (a warning for an example), a warning when another
 * section meets it.
 */
static void
coverage_say_uncounted(const struct coverage *cov, const struct model *m,
    const struct coverage_uncounted *u, struct diag *d)
{
	const struct coverage_element	*ce = &cov->elements[u->idx];
	const struct model_doc		*md = &m->docs[u->doc];
	struct pos			 pos;
	int				 missing = ce->status == COVERAGE_MISSING;
	const char			*what, *why;

	pos.path = md->path;
	pos.line = u->line;
	pos.col = u->col;
	why = md->ambiguous ? _("this document is claimed by two manuals, "
	    "and a document belongs to exactly one") : _("this document "
	    "belongs to no manual (add it to a manual's documents in "
	    "kitei.yml)");
	what = u->na ? "not-applicable" : "covers";
	if (missing && ce->el->obligation != OBL_EXAMPLE)
		diag_msg(d, &pos, MSG_UNCOUNTED_COVERAGE_MISSING, what,
		    ce->el->id, why, _("it stays missing"));
	else
		diag_msg(d, &pos, MSG_UNCOUNTED_COVERAGE, what, ce->el->id,
		    why, missing ? _("it stays missing") :
		    _("another section meets it"));
}

/* Adds a reference to ce. */
static void
coverage_add_ref(struct coverage_element *ce, size_t doc, size_t sec,
    int line, int col)
{
	ce->refs = xgrowarray(ce->refs, ce->nrefs, 1, sizeof(*ce->refs));
	ce->refs[ce->nrefs].doc = doc;
	ce->refs[ce->nrefs].section = sec;
	ce->refs[ce->nrefs].line = line;
	ce->refs[ce->nrefs].col = col;
	ce->nrefs++;
}

/* Checks every element; see coverage.h. */
struct coverage *
coverage_run(const struct catalog *cat, const struct model *m,
    const struct config *cf, struct diag *d)
{
	struct coverage		*cov;
	struct coverage_element	*ce;
	struct pos		 pos;
	size_t			 i, j, k;
	long			 idx;
	int			*said;	/* an error already points at a failed attempt */
	size_t			*seen;	/* the section (counted from 1) that last met each element */
	size_t			 stamp = 0;
	struct coverage_uncounted *unc = NULL;
	size_t			 nunc = 0;

	cov = xcalloc(1, sizeof(*cov));
	cov->nelements = cat->nelements;
	cov->elements = xcalloc(cat->nelements + 1, sizeof(*cov->elements));
	said = xcalloc(cat->nelements + 1, sizeof(int));
	seen = xcalloc(cat->nelements + 1, sizeof(size_t));
	for (i = 0; i < cat->nelements; i++)
		cov->elements[i].el = &cat->elements[i];

	for (i = 0; i < m->ndocs; i++) {
		const struct model_doc *md = &m->docs[i];
		int crisis = md->manual != MODEL_NONE &&
		    m->manuals[md->manual].cfg->kind == MANUAL_CRISIS;
		/* A document in no manual, or in two, meets nothing (fail closed). */
		int counts = md->manual != MODEL_NONE && !md->ambiguous;

		pos.path = md->path;
		for (j = 0; j < md->nsections; j++) {
			const struct model_section *s = &md->sections[j];
			int body = model_section_has_body(md, j);

			stamp++;
			for (k = 0; k < s->ncovers; k++) {
				const struct model_cover *c = &s->covers[k];

				pos.line = c->line;
				pos.col = c->col;
				if ((idx = catalog_index(cat, c->id)) < 0) {
					coverage_unknown(cat, c->id, &pos, d);
					continue;
				}
				ce = &cov->elements[idx];
				if (!counts) {
					coverage_add_uncounted(&unc, &nunc, idx,
					    i, c->line, c->col, 0);
					said[idx] = 1;
					continue;
				}
				if (!body) {
					diag_msg(d, &pos, MSG_EMPTY_COVERAGE,
					    s->heading, c->id);
					said[idx] = 1;
					continue;
				}
				if (ce->el->crisis && !crisis) {
					diag_msg(d, &pos, MSG_WRONG_MANUAL,
					    c->id,
					    md->manual != MODEL_NONE ? m->manuals[md->manual].cfg->id : md->path);
					said[idx] = 1;
					continue;
				}
				if (ce->el->public && s->visibility != VIS_PUBLIC) {
					diag_msg(d, &pos, MSG_NOT_PUBLIC, c->id,
					    s->heading,
					    parse_visibility_name(s->visibility));
					said[idx] = 1;
					continue;
				}
				/*
				 * An id named again in the same section adds
				 * nothing, and reading the section's text once
				 * per mention would make many mentions slow.
				 */
				if (seen[idx] == stamp)
					continue;
				seen[idx] = stamp;
				if (!coverage_plausible(ce->el, md, j))
					diag_msg(d, &pos,
					    MSG_IMPLAUSIBLE_COVERAGE,
					    s->heading, c->id,
					    ce->el->keywords[0],
					    ce->el->nkeywords > 1 ? ", " : "",
					    ce->el->nkeywords > 1 ? ce->el->keywords[1] : "");
				coverage_add_ref(ce, i, j, c->line, c->col);
			}
			for (k = 0; k < s->nnas; k++) {
				const struct model_na *na = &s->nas[k];

				pos.line = na->line;
				pos.col = na->col;
				if ((idx = catalog_index(cat, na->id)) < 0) {
					coverage_unknown(cat, na->id, &pos, d);
					continue;
				}
				ce = &cov->elements[idx];
				if (!counts) {
					coverage_add_uncounted(&unc, &nunc, idx,
					    i, na->line, na->col, 1);
					said[idx] = 1;
					continue;
				}
				if (na->reason == NULL) {
					diag_msg(d, &pos, MSG_MISSING_REASON,
					    na->id);
					said[idx] = 1;
					continue;
				}
				if (ce->el->obligation == OBL_MUST)
					diag_msg(d, &pos,
					    MSG_NOT_APPLICABLE_MUST, na->id);
				if (ce->reason == NULL) {
					ce->reason = na->reason;
					ce->na.doc = i;
					ce->na.section = j;
					ce->na.line = na->line;
					ce->na.col = na->col;
				}
			}
		}
	}

	pos.path = cf->path;
	pos.line = cf->catalog_line;
	pos.col = 0;
	for (i = 0; i < cov->nelements; i++) {
		ce = &cov->elements[i];
		if (ce->nrefs > 0) {
			ce->status = COVERAGE_COVERED;
			cov->covered++;
			if (ce->reason != NULL) {
				struct pos np = { m->docs[ce->na.doc].path,
				    ce->na.line, ce->na.col };

				diag_msg(d, &np, MSG_COVERED_AND_NOT_APPLICABLE,
				    ce->el->id);
				ce->reason = NULL;
			}
		} else if (ce->reason != NULL) {
			ce->status = COVERAGE_NA;
			cov->not_applicable++;
		} else {
			ce->status = COVERAGE_MISSING;
			cov->missing++;
			if (said[i])
				continue;	/* already said where it fails */
			if (ce->el->obligation == OBL_EXAMPLE)
				diag_msg(d, &pos, MSG_MISSING_COVERAGE_EXAMPLE,
				    ce->el->id, ce->el->title,
				    catalog_obligation_name(ce->el->obligation),
				    ce->el->crisis ? _(" of a crisis manual") : "",
				    ce->el->public ? _(" of public visibility") :
				    "");
			else
				diag_msg(d, &pos, MSG_MISSING_COVERAGE,
				    ce->el->id, ce->el->title,
				    catalog_obligation_name(ce->el->obligation),
				    ce->el->crisis ? _(" of a crisis manual") : "",
				    ce->el->public ? _(" of public visibility") :
				    "");
		}
	}
	for (i = 0; i < nunc; i++)
		coverage_say_uncounted(cov, m, &unc[i], d);
	free(unc);
	free(said);
	free(seen);
	return cov;
}

/* Fills a place from section sec of document doc, at line. */
static void
coverage_place_set(struct coverage_place *p, const struct model *m,
    size_t doc, size_t sec, int line)
{
	const struct model_doc		*md = &m->docs[doc];
	const struct model_section	*s = &md->sections[sec];

	/* Only documents of exactly one manual meet elements. */
	assert(md->manual != MODEL_NONE);
	p->path = md->path;
	p->line = line;
	p->heading = s->heading;
	p->anchor = s->anchor;
	p->manual = md->manual;
	p->manual_id = m->manuals[md->manual].cfg->id;
	p->manual_title = m->manuals[md->manual].cfg->title;
}

/* Fills row with the facts of element i; see coverage.h. */
void
coverage_row(struct coverage_row *row, const struct coverage *cov,
    const struct model *m, size_t i)
{
	const struct coverage_element	*ce = &cov->elements[i];
	size_t				 k;

	memset(row, 0, sizeof(*row));
	row->el = ce->el;
	row->status = ce->status;
	switch (ce->status) {
	case COVERAGE_COVERED:
		row->sections = xcalloc(ce->nrefs + 1, sizeof(*row->sections));
		for (k = 0; k < ce->nrefs; k++)
			coverage_place_set(&row->sections[k], m, ce->refs[k].doc,
			    ce->refs[k].section,
			    m->docs[ce->refs[k].doc].sections[ce->refs[k].section].line);
		row->nsections = ce->nrefs;
		break;
	case COVERAGE_NA:
		row->reason = ce->reason;
		coverage_place_set(&row->reason_at, m, ce->na.doc, ce->na.section,
		    ce->na.line);
		break;
	case COVERAGE_MISSING:
		break;
	}
}

/* Frees what coverage_row allocated; the row may be cleared twice. */
void
coverage_row_clear(struct coverage_row *row)
{
	free(row->sections);
	row->sections = NULL;
	row->nsections = 0;
}

/* Frees the coverage; accepts NULL. */
void
coverage_free(struct coverage *cov)
{
	size_t	 i;

	if (cov == NULL)
		return;
	for (i = 0; i < cov->nelements; i++)
		free(cov->elements[i].refs);
	free(cov->elements);
	free(cov);
}
