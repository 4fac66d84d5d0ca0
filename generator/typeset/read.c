/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The FO tree read: fo:root's simple-page-masters, page-sequence-masters
 * and page-sequences into the context, and the choice of master for a page.
 */
#include <stdlib.h>
#include <string.h>

#include "../ascii.h"
#include "typeset_int.h"
#include "props.h"
#include "read.h"

/* Returns the simple-page-master called name, or NULL. */
static struct ts_master *
typeset_master_find(struct ts_ctx *c, const char *name)
{
	size_t	 i;

	for (i = 0; name != NULL && i < c->nmasters; i++)
		if (strcmp(c->masters[i].name, name) == 0)
			return &c->masters[i];
	return NULL;
}

/* Reads one simple-page-master into m. */
static void
typeset_master_read(struct ts_ctx *c, xmlNodePtr n, struct ts_master *m,
    const struct ts_style *st)
{
	struct ts_attrs	 a, ra;
	xmlNodePtr	 r;
	double		 mg[4] = { 0, 0, 0, 0 }, rm[4], ext, cw, ch;
	struct ts_region *reg;

	typeset_attrs(c, n, &a);
	m->name = xstrdup(a.v[A_MASTER_NAME] ? a.v[A_MASTER_NAME] : "");
	m->pw = 595.2756;	/* A4 */
	m->ph = 841.8898;
	typeset_len_opt(c, n, a.v[A_PAGE_WIDTH], st->size, 0, &m->pw);
	typeset_len_opt(c, n, a.v[A_PAGE_HEIGHT], st->size, 0, &m->ph);
	if (m->pw < 72 || m->ph < 72 || m->pw > 14400 || m->ph > 14400) {
		typeset_warn(c, n, MSG_FO_PAGE_SIZE, m->name);
		m->pw = 595.2756;
		m->ph = 841.8898;
	}
	if (a.v[A_MARGIN] != NULL)
		typeset_len4(c, n, a.v[A_MARGIN], st->size, 0, mg);
	typeset_len_opt(c, n, a.v[A_MARGIN_TOP], st->size, 0, &mg[S_TOP]);
	typeset_len_opt(c, n, a.v[A_MARGIN_BOTTOM], st->size, 0, &mg[S_BOTTOM]);
	typeset_len_opt(c, n, a.v[A_MARGIN_LEFT], st->size, 0, &mg[S_LEFT]);
	typeset_len_opt(c, n, a.v[A_MARGIN_RIGHT], st->size, 0, &mg[S_RIGHT]);
	cw = m->pw - mg[S_LEFT] - mg[S_RIGHT];
	ch = m->ph - mg[S_TOP] - mg[S_BOTTOM];
	m->body.x = mg[S_LEFT];
	m->body.y = mg[S_TOP];
	m->body.w = cw;
	m->body.h = ch;
	m->body.present = 1;
	for (r = n->children; r != NULL; r = r->next) {
		if (r->type != XML_ELEMENT_NODE)
			continue;
		typeset_attrs(c, r, &ra);
		memset(rm, 0, sizeof(rm));
		ext = 0;
		if (ra.v[A_MARGIN] != NULL)
			typeset_len4(c, r, ra.v[A_MARGIN], st->size, cw, rm);
		typeset_len_opt(c, r, ra.v[A_MARGIN_TOP], st->size, cw, &rm[S_TOP]);
		typeset_len_opt(c, r, ra.v[A_MARGIN_BOTTOM], st->size, cw,
		    &rm[S_BOTTOM]);
		typeset_len_opt(c, r, ra.v[A_MARGIN_LEFT], st->size, cw, &rm[S_LEFT]);
		typeset_len_opt(c, r, ra.v[A_MARGIN_RIGHT], st->size, cw,
		    &rm[S_RIGHT]);
		typeset_len_opt(c, r, ra.v[A_EXTENT], st->size, ch, &ext);
		if (typeset_is(r, "region-body")) {
			reg = &m->body;
			reg->x = mg[S_LEFT] + rm[S_LEFT];
			reg->y = mg[S_TOP] + rm[S_TOP];
			reg->w = cw - rm[S_LEFT] - rm[S_RIGHT];
			reg->h = ch - rm[S_TOP] - rm[S_BOTTOM];
			free(reg->name);
			reg->name = xstrdup(ra.v[A_REGION_NAME] ?
			    ra.v[A_REGION_NAME] : "xsl-region-body");
		} else if (typeset_is(r, "region-before")) {
			reg = &m->before;
			reg->x = mg[S_LEFT];
			reg->y = mg[S_TOP];
			reg->w = cw;
			reg->h = ext;
			reg->name = xstrdup(ra.v[A_REGION_NAME] ?
			    ra.v[A_REGION_NAME] : "xsl-region-before");
			reg->present = 1;
		} else if (typeset_is(r, "region-after")) {
			reg = &m->after;
			reg->x = mg[S_LEFT];
			reg->y = m->ph - mg[S_BOTTOM] - ext;
			reg->w = cw;
			reg->h = ext;
			reg->name = xstrdup(ra.v[A_REGION_NAME] ?
			    ra.v[A_REGION_NAME] : "xsl-region-after");
			reg->present = 1;
		} else {
			typeset_warn_once(c, r, (const char *)r->name,
			    MSG_FO_UNSUPPORTED_ELEMENT_SUPPORTED,
			    (const char *)r->name);
		}
	}
	if (m->body.name == NULL)
		m->body.name = xstrdup("xsl-region-body");
	if (m->body.w < 10 || m->body.h < 10) {
		typeset_warn(c, n, MSG_FO_PAGE_SIZE_REGION, m->name);
		m->body.x = m->body.y = 36;
		m->body.w = m->pw - 72;
		m->body.h = m->ph - 72;
	}
}

/* Reads a page-sequence-master into sm. */
static void
typeset_seqmaster_read(struct ts_ctx *c, xmlNodePtr n, struct ts_seqmaster *sm)
{
	struct ts_attrs	 a, ca;
	struct ts_spec	*sp;
	struct ts_cond	*cd;
	xmlNodePtr	 s, cn;
	const char	*v;

	typeset_attrs(c, n, &a);
	sm->name = xstrdup(a.v[A_MASTER_NAME] ? a.v[A_MASTER_NAME] : "");
	for (s = n->children; s != NULL; s = s->next) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		typeset_attrs(c, s, &a);
		sm->specs = xreallocarray(sm->specs, sm->nspecs + 1,
		    sizeof(*sm->specs));
		sp = &sm->specs[sm->nspecs];
		memset(sp, 0, sizeof(*sp));
		sp->repeats = -1;
		if ((v = a.v[A_MAX_REPEATS]) != NULL && strcmp(v, "no-limit") != 0)
			sp->repeats = atoi(v);
		if (typeset_is(s, "single-page-master-reference") ||
		    typeset_is(s, "repeatable-page-master-reference")) {
			if (typeset_is(s, "single-page-master-reference"))
				sp->repeats = 1;
			sp->conds = xcalloc(1, sizeof(*sp->conds));
			sp->conds[0].m = typeset_master_find(c,
			    a.v[A_MASTER_REFERENCE]);
			sp->nconds = 1;
		} else if (typeset_is(s, "repeatable-page-master-alternatives")) {
			for (cn = s->children; cn != NULL; cn = cn->next) {
				if (!typeset_is(cn, "conditional-page-master-reference"))
					continue;
				typeset_attrs(c, cn, &ca);
				sp->conds = xreallocarray(sp->conds, sp->nconds + 1,
				    sizeof(*sp->conds));
				cd = &sp->conds[sp->nconds++];
				memset(cd, 0, sizeof(*cd));
				cd->m = typeset_master_find(c,
				    ca.v[A_MASTER_REFERENCE]);
				if ((v = ca.v[A_PAGE_POSITION]) != NULL)
					cd->pos = strcmp(v, "first") == 0 ? 1 :
					    strcmp(v, "rest") == 0 ? 2 :
					    strcmp(v, "last") == 0 ? 3 : 0;
				if ((v = ca.v[A_ODD_OR_EVEN]) != NULL)
					cd->parity = strcmp(v, "odd") == 0 ? 1 :
					    strcmp(v, "even") == 0 ? 2 : 0;
				if (cd->m == NULL)
					typeset_warn(c, cn,
					    MSG_FO_MASTER_SIMPLE,
					    ca.v[A_MASTER_REFERENCE] ? ca.v[A_MASTER_REFERENCE] : "");
			}
		} else {
			typeset_warn_once(c, s, (const char *)s->name,
			    MSG_FO_UNSUPPORTED_ELEMENT_UNSUPPORTED,
			    (const char *)s->name);
			continue;
		}
		sm->nspecs++;
	}
}

/*
 * Chooses the master of page idx (0-based in its sequence) numbered
 * number; never NULL once the document has a master.
 */
struct ts_master *
typeset_master_pick(struct ts_ctx *c, struct ts_seqmaster *sm, size_t idx,
    int number)
{
	struct ts_spec	*sp = NULL;
	size_t		 i, k, left = idx;

	for (i = 0; i < sm->nspecs; i++) {
		sp = &sm->specs[i];
		if (sp->repeats < 0 || left < (size_t)sp->repeats)
			break;
		left -= (size_t)sp->repeats;
	}
	if (sp == NULL)
		return &c->masters[0];
	for (k = 0; k < sp->nconds; k++) {
		struct ts_cond *cd = &sp->conds[k];
		if (cd->m == NULL || cd->pos == 3)
			continue;
		if (cd->pos == 1 && idx != 0)
			continue;
		if (cd->pos == 2 && idx == 0)
			continue;
		if (cd->parity == 1 && number % 2 == 0)
			continue;
		if (cd->parity == 2 && number % 2 != 0)
			continue;
		return cd->m;
	}
	for (k = 0; k < sp->nconds; k++)
		if (sp->conds[k].m != NULL)
			return sp->conds[k].m;
	return &c->masters[0];
}

/* Sets the style a page-sequence starts from: 明朝 10.5 pt, black. */
static void
typeset_style_root(struct ts_style *st)
{
	memset(st, 0, sizeof(*st));
	st->family = TS_SERIF;
	st->size = 12;
	st->weight = 400;
	st->lh_factor = 1.2;
	st->lh = 14.4;
	st->widows = st->orphans = 2;
}

/* Reads a page-sequence (not its flow) into sq; returns 0, or -1 if unusable. */
static int
typeset_seq_read(struct ts_ctx *c, xmlNodePtr n, struct ts_seq *sq)
{
	struct ts_attrs	 a, sa;
	xmlNodePtr	 ch;
	const char	*s;
	size_t		 i;

	typeset_attrs(c, n, &a);
	sq->node = n;
	sq->id = a.v[A_ID];
	sq->watermark = a.v[A_KFO_WATERMARK];
	sq->init_number = -1;
	if ((s = a.v[A_INITIAL_PAGE_NUMBER]) != NULL && ascii_isdigit((unsigned char)*s))
		sq->init_number = atoi(s);
	sq->format = '1';
	if ((s = a.v[A_FORMAT]) != NULL && (s[0] == 'i' || s[0] == 'I'))
		sq->format = s[0];
	sq->st = c->root_st;
	typeset_style(c, n, &a, &sq->st, 0);
	s = a.v[A_MASTER_REFERENCE];
	for (i = 0; s != NULL && i < c->nsms; i++)
		if (strcmp(c->sms[i].name, s) == 0)
			sq->sm = &c->sms[i];
	if (sq->sm == NULL) {
		typeset_warn(c, n, MSG_FO_MASTER_PAGE, s ? s : "");
		sq->sm = &c->sms[0];
	}
	for (ch = n->children; ch != NULL; ch = ch->next) {
		if (typeset_is(ch, "static-content")) {
			typeset_attrs(c, ch, &sa);
			if (sa.v[A_FLOW_NAME] == NULL)
				continue;
			sq->statics = xreallocarray(sq->statics, sq->nstatics + 1,
			    sizeof(*sq->statics));
			sq->statics[sq->nstatics].flow = sa.v[A_FLOW_NAME];
			sq->statics[sq->nstatics].node = ch;
			sq->nstatics++;
		} else if (ch->type == XML_ELEMENT_NODE && !typeset_is(ch, "flow") &&
		    !typeset_is(ch, "title"))
			typeset_warn_once(c, ch, (const char *)ch->name,
			    MSG_FO_UNSUPPORTED_ELEMENT_PAGE,
			    (const char *)ch->name);
	}
	return 0;
}

/* Reads fo:root's children: masters, sequences.  Returns 0, or -1. */
int
typeset_read(struct ts_ctx *c, xmlNodePtr root)
{
	xmlNodePtr	 ch, m;
	struct ts_style	 st;
	struct ts_attrs	 ra;
	size_t		 i;

	typeset_style_root(&st);
	typeset_attrs(c, root, &ra);
	typeset_style(c, root, &ra, &st, 0);
	c->root_st = st;
	for (ch = root->children; ch != NULL; ch = ch->next) {
		if (typeset_is(ch, "layout-master-set")) {
			for (m = ch->children; m != NULL; m = m->next)
				if (typeset_is(m, "simple-page-master")) {
					c->masters = xreallocarray(c->masters,
					    c->nmasters + 1, sizeof(*c->masters));
					memset(&c->masters[c->nmasters], 0,
					    sizeof(c->masters[0]));
					typeset_master_read(c, m,
					    &c->masters[c->nmasters++], &st);
				}
		}
	}
	if (c->nmasters == 0) {
		diag_msg(c->d, NULL, MSG_FO_MASTER);
		return -1;
	}
	/* Every simple master doubles as a one-spec sequence master. */
	for (i = 0; i < c->nmasters; i++) {
		c->sms = xreallocarray(c->sms, c->nsms + 1, sizeof(*c->sms));
		memset(&c->sms[c->nsms], 0, sizeof(c->sms[0]));
		c->sms[c->nsms].name = xstrdup(c->masters[i].name);
		c->sms[c->nsms].specs = xcalloc(1, sizeof(struct ts_spec));
		c->sms[c->nsms].specs[0].repeats = -1;
		c->sms[c->nsms].specs[0].conds = xcalloc(1, sizeof(struct ts_cond));
		c->sms[c->nsms].specs[0].conds[0].m = &c->masters[i];
		c->sms[c->nsms].specs[0].nconds = 1;
		c->sms[c->nsms].nspecs = 1;
		c->nsms++;
	}
	for (ch = root->children; ch != NULL; ch = ch->next) {
		if (typeset_is(ch, "layout-master-set")) {
			for (m = ch->children; m != NULL; m = m->next)
				if (typeset_is(m, "page-sequence-master")) {
					c->sms = xreallocarray(c->sms, c->nsms + 1,
					    sizeof(*c->sms));
					memset(&c->sms[c->nsms], 0,
					    sizeof(c->sms[0]));
					typeset_seqmaster_read(c, m,
					    &c->sms[c->nsms++]);
				} else if (m->type == XML_ELEMENT_NODE &&
				    !typeset_is(m, "simple-page-master"))
					typeset_warn_once(c, m,
					    (const char *)m->name,
					    MSG_FO_UNSUPPORTED_ELEMENT_LAYOUT,
					    (const char *)m->name);
		} else if (typeset_is(ch, "page-sequence")) {
			c->seqs = xreallocarray(c->seqs, c->nseqs + 1,
			    sizeof(*c->seqs));
			memset(&c->seqs[c->nseqs], 0, sizeof(c->seqs[0]));
			typeset_seq_read(c, ch, &c->seqs[c->nseqs++]);
		} else if (ch->type == XML_ELEMENT_NODE &&
		    !typeset_is(ch, "bookmark-tree") &&
		    !typeset_is(ch, "declarations"))
			typeset_warn_once(c, ch, (const char *)ch->name,
			    MSG_FO_UNSUPPORTED_ELEMENT_ROOT,
			    (const char *)ch->name);
	}
	/* A sequence master without specs would leave pages without masters. */
	for (i = 0; i < c->nsms; i++)
		if (c->sms[i].nspecs == 0) {
			c->sms[i].specs = xcalloc(1, sizeof(struct ts_spec));
			c->sms[i].specs[0].repeats = -1;
			c->sms[i].nspecs = 1;
		}
	if (c->nseqs == 0) {
		diag_msg(c->d, NULL, MSG_FO_SEQUENCE);
		return -1;
	}
	return 0;
}
