/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Matches the catalog's elements with the sections that cover them.
 */
#include <assert.h>
#include <math.h>
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

/*
 * The judgement layer: does the section's wording fit the element it
 * claims to cover?  A section is read as its own text and that of its
 * direct children, folded (catalog_fold).  Every facet of the element must
 * be mentioned; and the element is scored against its siblings (the
 * elements with the same parent id, 8.1 beside 8.2): facets met, weighted
 * by how rare each is in the model's sections, and the rule text's
 * character bigrams found in the section, weighted by how rare each is in
 * the catalog.  A sibling that scores clearly higher is named.
 */

/* A bigram of two code points, packed. */
typedef unsigned long long coverage_gram;

/* The rule text of one element as weighted bigrams, sorted by gram. */
struct coverage_profile {
	coverage_gram	*grams;
	double		*weight;
	size_t		 n;
	double		 total;
	double		*facet_idf;	/* per facet; NULL until needed */
};

/* What the run keeps to judge covers: ids. */
struct coverage_judge {
	const struct catalog	*cat;
	const struct model	*m;
	struct coverage_profile	*prof;		/* per element */
	char			***folded;	/* per document, per section: own + direct children; lazy */
	size_t			 nsections;	/* sections with text in the model */
};

/* A sibling clearly wins when it scores this much more (scores are 0–2). */
#define COVERAGE_MARGIN		0.30
/* Facets met, the sibling's lead when the claimed element misses one. */
#define COVERAGE_MARGIN_MISS	0.05
/* A covering section longer than this (code points, subsections included) is too broad. */
#define COVERAGE_LONG		4000

/* Decodes one UTF-8 code point at *p, advancing it; bad bytes give U+FFFD. */
static unsigned long
coverage_cp(const char **p)
{
	const unsigned char	*s = (const unsigned char *)*p;
	unsigned long		 c = s[0];
	int			 n = 0, i;

	if (c >= 0xf0 && c < 0xf8) {
		c &= 0x07;
		n = 3;
	} else if (c >= 0xe0) {
		c &= 0x0f;
		n = 2;
	} else if (c >= 0xc0) {
		c &= 0x1f;
		n = 1;
	} else if (c >= 0x80) {
		*p += 1;
		return 0xfffd;
	}
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*p += i;
			return 0xfffd;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	*p += n + 1;
	return c;
}

/* Whether a code point belongs to a word (letters, digits, kana, kanji). */
static int
coverage_wordcp(unsigned long c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	if (c >= 0x3000 && c <= 0x303f)	/* 、。「」 and the like */
		return 0;
	if (c == 0x30fb || c == 0xfffd)	/* ・ */
		return 0;
	if (c >= 0xff00 && c <= 0xff65)
		return 0;
	return c >= 0x3040;
}

/* Counts code points. */
static size_t
coverage_cplen(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static int
coverage_gramcmp(const void *a, const void *b)
{
	coverage_gram x = *(const coverage_gram *)a, y = *(const coverage_gram *)b;

	return x < y ? -1 : x > y;
}

/* The distinct word bigrams of folded text s, sorted; *n gets their count. */
static coverage_gram *
coverage_grams(const char *s, size_t *n)
{
	coverage_gram	*g = NULL;
	size_t		 cnt = 0, i, j;
	unsigned long	 prev = 0, c;
	int		 have = 0;

	while (*s != '\0') {
		c = coverage_cp(&s);
		if (!coverage_wordcp(c)) {
			have = 0;
			continue;
		}
		if (have) {
			g = xgrowarray(g, cnt, 1, sizeof(*g));
			g[cnt++] = ((coverage_gram)prev << 21) | c;
		}
		prev = c;
		have = 1;
	}
	if (cnt > 1)
		qsort(g, cnt, sizeof(*g), coverage_gramcmp);
	for (i = j = 0; i < cnt; i++)
		if (j == 0 || g[j - 1] != g[i])
			g[j++] = g[i];
	*n = j;
	return g;
}

/* Whether gram x is in the sorted array g of n. */
static int
coverage_hasgram(const coverage_gram *g, size_t n, coverage_gram x)
{
	return n > 0 && bsearch(&x, g, n, sizeof(*g), coverage_gramcmp) != NULL;
}

/* Builds every element's profile: bigrams weighted by rarity in the catalog. */
static void
coverage_judge_init(struct coverage_judge *j, const struct catalog *cat,
    const struct model *m)
{
	coverage_gram	*all = NULL;
	size_t		 nall = 0, i, k, df, lo, hi;
	double		 N = (double)cat->nelements;

	memset(j, 0, sizeof(*j));
	j->cat = cat;
	j->m = m;
	j->prof = xcalloc(cat->nelements + 1, sizeof(*j->prof));
	for (i = 0; i < cat->nelements; i++) {
		char *f = catalog_fold(cat->elements[i].text);

		j->prof[i].grams = coverage_grams(f, &j->prof[i].n);
		free(f);
		if (j->prof[i].n == 0)
			continue;
		all = xgrowarray(all, nall, j->prof[i].n, sizeof(*all));
		memcpy(all + nall, j->prof[i].grams,
		    j->prof[i].n * sizeof(*all));
		nall += j->prof[i].n;
	}
	/* Each element's grams are distinct: a gram's count in all is its df. */
	if (nall > 1)
		qsort(all, nall, sizeof(*all), coverage_gramcmp);
	for (i = 0; i < cat->nelements; i++) {
		struct coverage_profile *p = &j->prof[i];

		p->weight = xcalloc(p->n + 1, sizeof(double));
		for (k = 0; k < p->n; k++) {
			lo = 0;
			hi = nall;
			while (lo < hi) {	/* first >= gram */
				size_t mid = lo + (hi - lo) / 2;

				if (all[mid] < p->grams[k])
					lo = mid + 1;
				else
					hi = mid;
			}
			for (df = 0; lo + df < nall && all[lo + df] == p->grams[k]; df++)
				;
			p->weight[k] = log((N + 1.0) / (double)df);
			p->total += p->weight[k];
		}
	}
	free(all);
	j->folded = xcalloc(m->ndocs + 1, sizeof(*j->folded));
	for (i = 0; i < m->ndocs; i++)
		for (k = 0; k < m->docs[i].nsections; k++)
			if (m->docs[i].sections[k].text[0] != '\0')
				j->nsections++;
}

static void
coverage_judge_free(struct coverage_judge *j)
{
	size_t	 i, k;

	for (i = 0; i < j->cat->nelements; i++) {
		free(j->prof[i].grams);
		free(j->prof[i].weight);
		free(j->prof[i].facet_idf);
	}
	free(j->prof);
	for (i = 0; i < j->m->ndocs; i++) {
		if (j->folded[i] == NULL)
			continue;
		for (k = 0; k < j->m->docs[i].nsections; k++)
			free(j->folded[i][k]);
		free(j->folded[i]);
	}
	free(j->folded);
}

/* The folded text of section s of document doc and its direct children. */
static const char *
coverage_section_text(struct coverage_judge *j, size_t doc, size_t s)
{
	const struct model_doc	*md = &j->m->docs[doc];
	struct buf		 b;
	size_t			 k;

	if (j->folded[doc] == NULL)
		j->folded[doc] = xcalloc(md->nsections + 1, sizeof(char *));
	if (j->folded[doc][s] == NULL) {
		memset(&b, 0, sizeof(b));
		buf_puts(&b, md->sections[s].text);
		for (k = s + 1; k < md->sections[s].end; k++)
			if (md->sections[k].parent == s) {
				buf_putc(&b, '\n');
				buf_puts(&b, md->sections[k].text);
			}
		j->folded[doc][s] = catalog_fold(b.data != NULL ? b.data : "");
		buf_free(&b);
	}
	return j->folded[doc][s];
}

/* Whether folded text t mentions a term of facet f. */
static int
coverage_facet_met(const struct catalog_facet *f, const char *t)
{
	size_t	 k;

	for (k = 0; k < f->nterms; k++)
		if (f->folded[k][0] != '\0' && strstr(t, f->folded[k]) != NULL)
			return 1;
	return 0;
}

/*
 * How rare each facet of element i is among the model's sections (their
 * own text and direct children, as they are judged): a facet every section
 * meets says little.
 */
static const double *
coverage_facet_idf(struct coverage_judge *j, size_t i)
{
	const struct catalog_element	*el = &j->cat->elements[i];
	struct coverage_profile		*p = &j->prof[i];
	size_t				 f, d, s, df;

	if (p->facet_idf != NULL || el->nfacets == 0)
		return p->facet_idf;
	p->facet_idf = xcalloc(el->nfacets, sizeof(double));
	for (f = 0; f < el->nfacets; f++) {
		df = 0;
		for (d = 0; d < j->m->ndocs; d++)
			for (s = 0; s < j->m->docs[d].nsections; s++)
				if (j->m->docs[d].sections[s].text[0] != '\0' &&
				    coverage_facet_met(&el->facets[f],
				    coverage_section_text(j, d, s)))
					df++;
		p->facet_idf[f] = log(((double)j->nsections + 2.0) /
		    ((double)df + 1.0));
	}
	return p->facet_idf;
}

/*
 * Scores element i against folded text t (0–2): facets met, weighted by
 * rarity, plus the share of the rule text's weighted bigrams found in t.
 * *missing gets the first facet not met, or -1.
 */
static double
coverage_score(struct coverage_judge *j, size_t i, const char *t,
    const coverage_gram *tg, size_t ntg, long *missing)
{
	const struct catalog_element	*el = &j->cat->elements[i];
	const struct coverage_profile	*p = &j->prof[i];
	const double			*idf = coverage_facet_idf(j, i);
	double				 fm = 0, ft = 0, bm = 0;
	size_t				 k;

	*missing = -1;
	for (k = 0; k < el->nfacets; k++) {
		ft += idf[k];
		if (coverage_facet_met(&el->facets[k], t))
			fm += idf[k];
		else if (*missing < 0)
			*missing = (long)k;
	}
	for (k = 0; k < p->n; k++)
		if (coverage_hasgram(tg, ntg, p->grams[k]))
			bm += p->weight[k];
	return (ft > 0 ? fm / ft : 1.0) + (p->total > 0 ? bm / p->total : 0.0);
}

/* Whether element ids a and b have the same parent (8.1 and 8.2). */
static int
coverage_siblings(const char *a, const char *b)
{
	const char	*da = strrchr(a, '.'), *db = strrchr(b, '.');

	if (da == NULL || db == NULL || da - a != db - b)
		return 0;
	return strncmp(a, b, (size_t)(da - a)) == 0 && strcmp(a, b) != 0;
}

/* Whether section s names element id among its own covers: ids. */
static int
coverage_section_names(const struct model_section *s, const char *id)
{
	size_t	 k;

	for (k = 0; k < s->ncovers; k++)
		if (strcmp(s->covers[k].id, id) == 0)
			return 1;
	return 0;
}

/* Writes facet f as {a|b|c} into b. */
static void
coverage_put_facet(struct buf *b, const struct catalog_facet *f)
{
	size_t	 k;

	buf_putc(b, '{');
	for (k = 0; k < f->nterms; k++) {
		if (k > 0)
			buf_putc(b, '|');
		buf_puts(b, f->terms[k]);
	}
	buf_putc(b, '}');
}

/*
 * Judges whether section sec of document doc fits element idx it claims;
 * warns (implausible-coverage) when a facet is missing or a sibling fits
 * clearly better, and (broad-coverage) when the section is a level-1
 * heading or very long.
 */
static void
coverage_judge(struct coverage_judge *j, size_t idx, size_t doc, size_t sec,
    const struct pos *pos, struct diag *d)
{
	const struct catalog		*cat = j->cat;
	const struct catalog_element	*el = &cat->elements[idx];
	const struct model_doc		*md = &j->m->docs[doc];
	const struct model_section	*s = &md->sections[sec];
	const char			*t;
	coverage_gram			*tg;
	size_t				 ntg, i, k, len = 0;
	long				 miss, smiss, best = -1;
	double				 own, sc, bestsc = 0;
	struct buf			 b;

	for (k = sec; k < s->end; k++)
		len += coverage_cplen(md->sections[k].text);
	/* A level-1 heading with subsections is a whole chapter. */
	if ((s->level == 1 && s->end > sec + 1) || len > COVERAGE_LONG)
		diag_emit(d, DIAG_WARNING, pos, "broad-coverage",
		    "section '%s' covers %s but is %s: put the covers: on the "
		    "part that meets it", s->heading, el->id, s->level == 1 ?
		    "a level-1 heading with subsections (a whole chapter)" : "very long");
	if (el->nfacets == 0)
		return;
	t = coverage_section_text(j, doc, sec);
	tg = coverage_grams(t, &ntg);
	own = coverage_score(j, idx, t, tg, ntg, &miss);
	for (i = 0; i < cat->nelements; i++) {
		if (i == idx || cat->elements[i].nfacets == 0 ||
		    !coverage_siblings(cat->elements[i].id, el->id) ||
		    coverage_section_names(s, cat->elements[i].id))
			continue;
		sc = coverage_score(j, i, t, tg, ntg, &smiss);
		if (smiss >= 0)
			continue;
		if (sc >= own + (miss >= 0 ? COVERAGE_MARGIN_MISS : COVERAGE_MARGIN) &&
		    (best < 0 || sc > bestsc)) {
			best = (long)i;
			bestsc = sc;
		}
	}
	free(tg);
	if (miss < 0 && best < 0)
		return;
	memset(&b, 0, sizeof(b));
	if (!el->has_facets && miss >= 0) {
		/* A catalog of keywords: the message names them as before. */
		buf_printf(&b, "section '%s' mentions none of %s's keywords (%s%s%s)",
		    s->heading, el->id, el->keywords[0], el->nkeywords > 1 ? ", " : "",
		    el->nkeywords > 1 ? el->keywords[1] : "");
	} else if (miss >= 0) {
		buf_printf(&b, "section '%s' covers %s (%s) but mentions none of ",
		    s->heading, el->id, el->title);
		coverage_put_facet(&b, &el->facets[miss]);
	} else
		buf_printf(&b, "section '%s' covers %s (%s) but reads more like "
		    "its sibling", s->heading, el->id, el->title);
	if (best >= 0)
		buf_printf(&b, "; did you mean %s (%s)?", cat->elements[best].id,
		    cat->elements[best].title);
	else
		buf_puts(&b, ": is the id right?");
	diag_emit(d, DIAG_WARNING, pos, "implausible-coverage", "%s", b.data);
	buf_free(&b);
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
	struct coverage_judge	 judge;

	cov = xcalloc(1, sizeof(*cov));
	cov->nelements = cat->nelements;
	cov->elements = xcalloc(cat->nelements + 1, sizeof(*cov->elements));
	said = xcalloc(cat->nelements + 1, sizeof(int));
	seen = xcalloc(cat->nelements + 1, sizeof(size_t));
	for (i = 0; i < cat->nelements; i++)
		cov->elements[i].el = &cat->elements[i];
	coverage_judge_init(&judge, cat, m);

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
				coverage_judge(&judge, (size_t)idx, i, j, &pos, d);
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
	coverage_judge_free(&judge);
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
