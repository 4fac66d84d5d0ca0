/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Parses kitei.yml into struct config, reporting every problem with its line.
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "config.h"
#include "diag.h"
#include "pathglob.h"
#include "xalloc.h"
#include "ydoc.h"


/* Parsing state shared by the helpers below. */
struct config_ctx {
	struct ydoc	 y;
	struct diag	*d;
	int		 bad;	/* a problem was reported */
};

/* Reports table message id at node n (NULL: the whole file). */
static void
config_bad(struct config_ctx *c, const yaml_node_t *n, enum msgid id,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void
config_bad(struct config_ctx *c, const yaml_node_t *n, enum msgid id,
    const char *fmt, ...)
{
	struct pos	 pos;
	va_list		 ap;

	if (n != NULL)
		ydoc_pos(&pos, &c->y, n);
	else {
		pos.path = c->y.path;
		pos.line = pos.col = 0;
	}
	va_start(ap, fmt);
	diag_vmsgf(c->d, &pos, id, fmt, ap);
	va_end(ap);
	c->bad = 1;
}
/* config_bad(c, n, MSG_X, args...), checked against MSG_X's format. */
#define config_bad(c, n, ...)	config_bad((c), (n), MSG_IDFMT(__VA_ARGS__))

/* Returns a copy of scalar n, or NULL after reporting that key wants one. */
static char *
config_string(struct config_ctx *c, const yaml_node_t *n, const char *key)
{
	const char	*s;

	if ((s = ydoc_str(n)) == NULL) {
		config_bad(c, n, MSG_BAD_CONFIG_EXPECTED, key);
		return NULL;
	}
	return xstrdup(s);
}

/*
 * Whether key (at node k) already has a value in this mapping; reports the
 * second one.  YAML forbids repeated keys but libyaml lets them through, and
 * the second value would silently replace (and leak) the first.
 */
static int
config_twice(struct config_ctx *c, const yaml_node_t *k, const char *key,
    const void *set)
{
	if (set == NULL)
		return 0;
	config_bad(c, k, MSG_BAD_CONFIG_GIVEN, key);
	return 1;
}

/* Stores a copy of scalar v for key in *dst, unless key came before. */
static void
config_set(struct config_ctx *c, const yaml_node_t *k, const yaml_node_t *v,
    const char *key, char **dst)
{
	if (!config_twice(c, k, key, *dst))
		*dst = config_string(c, v, key);
}

/* Parses a boolean; returns 0 or 1, reporting anything else. */
static int
config_bool(struct config_ctx *c, const yaml_node_t *n, const char *key)
{
	const char	*s = ydoc_str(n);

	if (s != NULL && (!strcmp(s, "true") || !strcmp(s, "yes")))
		return 1;
	if (s != NULL && (!strcmp(s, "false") || !strcmp(s, "no")))
		return 0;
	config_bad(c, n, MSG_BAD_CONFIG_EXPECTED_TRUE, key);
	return 0;
}

/* Parses "12 months", "1 year" or "6"; returns months, or 0 after a report. */
static int
config_interval(struct config_ctx *c, const yaml_node_t *n)
{
	const char	*s = ydoc_str(n);
	char		*end;
	long		 v;

	if (s == NULL)
		goto bad;
	v = strtol(s, &end, 10);
	if (end == s || v <= 0 || v > 120)
		goto bad;
	while (*end == ' ')
		end++;
	if (*end == '\0' || !strcmp(end, "month") || !strcmp(end, "months") ||
	    !strcmp(end, "ヶ月") || !strcmp(end, "か月"))
		return (int)v;
	if ((!strcmp(end, "year") || !strcmp(end, "years") ||
	    !strcmp(end, "年")) && v <= 10)
		return (int)v * 12;
bad:
	config_bad(c, n, MSG_BAD_CONFIG_REVIEW);
	return 0;
}

/* Reads a sequence of scalars (or one scalar) into a new array. */
static char **
config_list(struct config_ctx *c, yaml_node_t *n, const char *key, size_t *len)
{
	yaml_node_item_t	*it;
	char			**v;
	size_t			  i = 0;

	*len = 0;
	if (n->type == YAML_SCALAR_NODE) {
		v = xcalloc(1, sizeof(char *));
		v[0] = xstrdup(ydoc_str(n));
		*len = 1;
		return v;
	}
	if (n->type != YAML_SEQUENCE_NODE) {
		config_bad(c, n, MSG_BAD_CONFIG_EXPECTED_LIST, key);
		return NULL;
	}
	v = xcalloc((size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start) + 1, sizeof(char *));
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		yaml_node_t *e = ydoc_get(&c->y, *it);
		char *s = config_string(c, e, key);

		if (s != NULL)
			v[i++] = s;
	}
	*len = i;
	return v;
}

/*
 * Reports each of m's document globs that pathglob refuses (a class such as
 * [:alpha:], an unclosed '['), at the list node n: such a glob would match
 * nothing, and the documents it meant would silently join no manual.
 */
static void
config_globs(struct config_ctx *c, const yaml_node_t *n,
    const struct config_manual *m)
{
	struct pos	 pos;
	const char	*why;
	size_t		 i;

	ydoc_pos(&pos, &c->y, n);
	for (i = 0; i < m->ndocuments; i++)
		if ((why = pathglob_check(m->documents[i])) != NULL) {
			diag_msg(c->d, &pos, MSG_BAD_CONFIG_GLOB,
			    m->documents[i], why);
			c->bad = 1;
		}
}

/* Frees an array of n strings. */
static void
config_free_list(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Checks that id is a plain ASCII name fit for file names. */
static int
config_id_ok(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-' || *s == '_' || (*s >= 'A' && *s <= 'Z')))
			return 0;
	return 1;
}

/* Parses one entry of manuals:. */
static void
config_manual_parse(struct config_ctx *c, yaml_node_t *n, struct config_manual *m)
{
	yaml_node_pair_t	*p;

	m->line = (int)n->start_mark.line + 1;
	if (n->type != YAML_MAPPING_NODE) {
		config_bad(c, n, MSG_BAD_CONFIG_MANUALS);
		return;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_get(&c->y, p->key);
		yaml_node_t *v = ydoc_get(&c->y, p->value);
		const char *key = ydoc_str(k);

		if (key == NULL)
			config_bad(c, k, MSG_BAD_CONFIG_MANUALS_KEYS);
		else if (!strcmp(key, "id"))
			config_set(c, k, v, key, &m->id);
		else if (!strcmp(key, "title"))
			config_set(c, k, v, key, &m->title);
		else if (!strcmp(key, "number"))
			config_set(c, k, v, key, &m->number);
		else if (!strcmp(key, "owner"))
			config_set(c, k, v, key, &m->owner);
		else if (!strcmp(key, "kind")) {
			const char *s = ydoc_str(v);

			if (s != NULL && !strcmp(s, "policy"))
				m->kind = MANUAL_POLICY;
			else if (s != NULL && !strcmp(s, "crisis"))
				m->kind = MANUAL_CRISIS;
			else
				config_bad(c, v, MSG_BAD_CONFIG_KIND);
		} else if (!strcmp(key, "documents")) {
			if (!config_twice(c, k, key, m->documents))
				m->documents = config_list(c, v, key,
				    &m->ndocuments);
			config_globs(c, v, m);
		} else if (!strcmp(key, "approvers")) {
			if (!config_twice(c, k, key, m->approvers))
				m->approvers = config_list(c, v, key,
				    &m->napprovers);
		} else if (!strcmp(key, "review_interval"))
			m->review_months = config_interval(c, v);
		else
			config_bad(c, k, MSG_BAD_CONFIG_MANUALS_UNKNOWN, key);
	}
	if (m->id == NULL)
		config_bad(c, n, MSG_BAD_CONFIG_MANUALS_MANUAL);
	else if (!config_id_ok(m->id))
		config_bad(c, n, MSG_BAD_CONFIG_MANUALS_MUST, m->id);
	if (m->title == NULL)
		config_bad(c, n, MSG_BAD_CONFIG_MANUALS_MANUAL_WITHOUT);
	if (m->ndocuments == 0)
		config_bad(c, n,
		    MSG_BAD_CONFIG_MANUALS_MANUAL_WITHOUT_DOCUMENTS);
}

/* Parses approval: { require_signature, roles, people }. */
static void
config_approval_parse(struct config_ctx *c, yaml_node_t *n, struct config *cf)
{
	yaml_node_pair_t	*p, *q;
	yaml_node_item_t	*it;
	size_t			 i;

	if (n->type != YAML_MAPPING_NODE) {
		config_bad(c, n, MSG_BAD_CONFIG_APPROVAL);
		return;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_get(&c->y, p->key);
		yaml_node_t *v = ydoc_get(&c->y, p->value);
		const char *key = ydoc_str(k);

		if (key != NULL && !strcmp(key, "require_signature"))
			cf->require_signature = config_bool(c, v, key);
		else if (key != NULL && !strcmp(key, "roles")) {
			if (config_twice(c, k, key, cf->roles))
				continue;
			if (v->type != YAML_MAPPING_NODE) {
				config_bad(c, v, MSG_BAD_CONFIG_ROLES);
				continue;
			}
			cf->nroles = (size_t)(v->data.mapping.pairs.top -
			    v->data.mapping.pairs.start);
			cf->roles = xcalloc(cf->nroles, sizeof(*cf->roles));
			for (i = 0, q = v->data.mapping.pairs.start;
			    q < v->data.mapping.pairs.top; q++, i++) {
				struct config_role *r = &cf->roles[i];
				yaml_node_t *rk = ydoc_get(&c->y, q->key);
				yaml_node_t *rv = ydoc_get(&c->y, q->value);
				yaml_node_pair_t *f;

				r->id = config_string(c, rk, "roles");
				if (rv->type != YAML_MAPPING_NODE) {
					config_bad(c, rv,
					    MSG_BAD_CONFIG_ROLES_EACH);
					continue;
				}
				for (f = rv->data.mapping.pairs.start;
				    f < rv->data.mapping.pairs.top; f++) {
					yaml_node_t *fk = ydoc_get(&c->y, f->key);
					yaml_node_t *fv = ydoc_get(&c->y, f->value);
					const char *fkey = ydoc_str(fk);

					if (fkey != NULL && !strcmp(fkey, "title"))
						config_set(c, fk, fv, fkey, &r->title);
					else if (fkey != NULL && !strcmp(fkey, "members")) {
						if (!config_twice(c, fk, fkey, r->members))
							r->members = config_list(c, fv,
							    fkey, &r->nmembers);
					}
					else
						config_bad(c, fk,
						    MSG_BAD_CONFIG_ROLES_UNKNOWN,
						    fkey ? fkey : "?");
				}
			}
		} else if (key != NULL && !strcmp(key, "people")) {
			if (config_twice(c, k, key, cf->people))
				continue;
			if (v->type != YAML_SEQUENCE_NODE) {
				config_bad(c, v, MSG_BAD_CONFIG_PEOPLE);
				continue;
			}
			cf->npeople = (size_t)(v->data.sequence.items.top -
			    v->data.sequence.items.start);
			cf->people = xcalloc(cf->npeople, sizeof(*cf->people));
			for (i = 0, it = v->data.sequence.items.start;
			    it < v->data.sequence.items.top; it++, i++) {
				struct config_person *pp = &cf->people[i];
				yaml_node_t *e = ydoc_get(&c->y, *it);
				yaml_node_pair_t *f;

				if (e->type != YAML_MAPPING_NODE) {
					config_bad(c, e,
					    MSG_BAD_CONFIG_PEOPLE_EACH);
					continue;
				}
				for (f = e->data.mapping.pairs.start;
				    f < e->data.mapping.pairs.top; f++) {
					yaml_node_t *fk = ydoc_get(&c->y, f->key);
					yaml_node_t *fv = ydoc_get(&c->y, f->value);
					const char *fkey = ydoc_str(fk);

					if (fkey != NULL && !strcmp(fkey, "email"))
						config_set(c, fk, fv, fkey, &pp->email);
					else if (fkey != NULL && !strcmp(fkey, "name"))
						config_set(c, fk, fv, fkey, &pp->name);
					else if (fkey != NULL && !strcmp(fkey, "key"))
						config_set(c, fk, fv, fkey, &pp->key);
					else
						config_bad(c, fk,
						    MSG_BAD_CONFIG_PEOPLE_UNKNOWN,
						    fkey ? fkey : "?");
				}
				if (pp->email == NULL)
					config_bad(c, e,
					    MSG_BAD_CONFIG_PEOPLE_PERSON);
			}
		} else
			config_bad(c, k, MSG_BAD_CONFIG_APPROVAL_UNKNOWN,
			    key ? key : "?");
	}
}

/* Parses a two-key mapping such as public: or association:. */
static void
config_pair_parse(struct config_ctx *c, yaml_node_t *n, const char *what,
    const char *k1, char **v1, const char *k2, char **v2)
{
	yaml_node_pair_t	*p;

	if (n->type != YAML_MAPPING_NODE) {
		config_bad(c, n, MSG_BAD_CONFIG_EXPECTED_MAPPING, what);
		return;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_get(&c->y, p->key);
		yaml_node_t *v = ydoc_get(&c->y, p->value);
		const char *key = ydoc_str(k);

		if (key != NULL && !strcmp(key, k1))
			config_set(c, k, v, key, v1);
		else if (key != NULL && !strcmp(key, k2))
			config_set(c, k, v, key, v2);
		else
			config_bad(c, k, MSG_BAD_CONFIG_UNKNOWN_KEY, what,
			    key ? key : "?", k1, k2);
	}
}

/* Cross-checks: unique manual ids, approvers that name roles, members that are people. */
static void
config_validate(struct config_ctx *c, struct config *cf)
{
	struct pos	 pos;
	size_t		 i, j;

	pos.path = c->y.path;
	pos.col = 0;
	for (i = 0; i < cf->nmanuals; i++) {
		const struct config_manual *m = &cf->manuals[i];

		pos.line = m->line;
		for (j = 0; j < i && m->id != NULL; j++)
			if (cf->manuals[j].id != NULL &&
			    !strcmp(cf->manuals[j].id, m->id)) {
				diag_msg(c->d, &pos, MSG_BAD_CONFIG, m->id);
				c->bad = 1;
			}
		for (j = 0; j < m->napprovers; j++)
			if (config_role(cf, m->approvers[j]) == NULL) {
				diag_msg(c->d, &pos, MSG_BAD_CONFIG_APPROVER,
				    m->approvers[j]);
				c->bad = 1;
			}
	}
	for (i = 0; i < cf->nroles; i++)
		for (j = 0; j < cf->roles[i].nmembers; j++)
			if (config_person(cf, cf->roles[i].members[j]) == NULL) {
				pos.line = 0;
				diag_msg(c->d, &pos, MSG_UNKNOWN_PERSON,
				    cf->roles[i].id, cf->roles[i].members[j]);
			}
}

/* Parses kitei.yml; see config.h. */
int
config_parse(struct config **out, const char *path, const char *data,
    size_t len, struct diag *d)
{
	struct config_ctx	 c;
	struct config		*cf;
	yaml_node_t		*root;
	yaml_node_pair_t	*p;
	yaml_node_item_t	*it;
	size_t			 i;
	int			 rc = -1;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	c.d = d;
	cf = xcalloc(1, sizeof(*cf));
	cf->path = xstrdup(path);
	cf->review_months = 12;
	/* A byte-order mark is accepted (design.md) and dropped. */
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
		data += 3;
		len -= 3;
	}
	if (ydoc_load(&c.y, cf->path, data, len, 0, d, 0) < 0)
		goto out;
	if ((root = ydoc_root(&c.y)) == NULL || root->type != YAML_MAPPING_NODE) {
		config_bad(&c, root, MSG_BAD_CONFIG_KITEI);
		goto out;
	}
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_get(&c.y, p->key);
		yaml_node_t *v = ydoc_get(&c.y, p->value);
		const char *key = ydoc_str(k);

		if (key == NULL)
			config_bad(&c, k, MSG_BAD_CONFIG_KEYS);
		else if (!strcmp(key, "organization"))
			config_set(&c, k, v, key, &cf->organization);
		else if (!strcmp(key, "catalog")) {
			config_set(&c, k, v, key, &cf->catalog);
			cf->catalog_line = (int)k->start_mark.line + 1;
		} else if (!strcmp(key, "review_interval"))
			cf->review_months = config_interval(&c, v);
		else if (!strcmp(key, "date_style")) {
			const char *s = ydoc_str(v);

			if (s != NULL && !strcmp(s, "wareki"))
				cf->wareki = 1;
			else if (s == NULL || strcmp(s, "western"))
				config_bad(&c, v, MSG_BAD_CONFIG_DATE);
		} else if (!strcmp(key, "association"))
			config_pair_parse(&c, v, key, "name", &cf->association_name,
			    "url", &cf->association_url);
		else if (!strcmp(key, "public"))
			config_pair_parse(&c, v, key, "title", &cf->public_title,
			    "contact", &cf->public_contact);
		else if (!strcmp(key, "approval"))
			config_approval_parse(&c, v, cf);
		else if (!strcmp(key, "manuals")) {
			if (config_twice(&c, k, key, cf->manuals))
				continue;
			if (v->type != YAML_SEQUENCE_NODE) {
				config_bad(&c, v,
				    MSG_BAD_CONFIG_MANUALS_EXPECTED);
				continue;
			}
			cf->nmanuals = (size_t)(v->data.sequence.items.top -
			    v->data.sequence.items.start);
			cf->manuals = xcalloc(cf->nmanuals + 1, sizeof(*cf->manuals));
			for (i = 0, it = v->data.sequence.items.start;
			    it < v->data.sequence.items.top; it++, i++)
				config_manual_parse(&c, ydoc_get(&c.y, *it),
				    &cf->manuals[i]);
		} else
			config_bad(&c, k, MSG_BAD_CONFIG_UNKNOWN, key);
	}
	if (cf->organization == NULL)
		config_bad(&c, root, MSG_BAD_CONFIG_ORGANIZATION);
	if (cf->catalog == NULL)
		config_bad(&c, root, MSG_BAD_CONFIG_CATALOG);
	if (cf->nmanuals == 0)
		config_bad(&c, root, MSG_BAD_CONFIG_MANUALS_LEAST);
	config_validate(&c, cf);
	if (c.bad)
		goto out;
	*out = cf;
	cf = NULL;
	rc = 0;
out:
	ydoc_free(&c.y);
	config_free(cf);
	return rc;
}

/* Frees everything config_parse made; accepts NULL. */
void
config_free(struct config *cf)
{
	size_t	 i;

	if (cf == NULL)
		return;
	for (i = 0; i < cf->nmanuals; i++) {
		struct config_manual *m = &cf->manuals[i];

		free(m->id);
		free(m->title);
		free(m->number);
		free(m->owner);
		config_free_list(m->documents, m->ndocuments);
		config_free_list(m->approvers, m->napprovers);
	}
	free(cf->manuals);
	for (i = 0; i < cf->nroles; i++) {
		free(cf->roles[i].id);
		free(cf->roles[i].title);
		config_free_list(cf->roles[i].members, cf->roles[i].nmembers);
	}
	free(cf->roles);
	for (i = 0; i < cf->npeople; i++) {
		free(cf->people[i].email);
		free(cf->people[i].name);
		free(cf->people[i].key);
	}
	free(cf->people);
	free(cf->path);
	free(cf->organization);
	free(cf->catalog);
	free(cf->association_name);
	free(cf->association_url);
	free(cf->public_title);
	free(cf->public_contact);
	free(cf);
}

const struct config_manual *
config_manual(const struct config *cf, const char *id)
{
	size_t	 i;

	for (i = 0; i < cf->nmanuals; i++)
		if (cf->manuals[i].id != NULL && !strcmp(cf->manuals[i].id, id))
			return &cf->manuals[i];
	return NULL;
}

const struct config_role *
config_role(const struct config *cf, const char *id)
{
	size_t	 i;

	for (i = 0; i < cf->nroles; i++)
		if (cf->roles[i].id != NULL && !strcmp(cf->roles[i].id, id))
			return &cf->roles[i];
	return NULL;
}

const struct config_person *
config_person(const struct config *cf, const char *email)
{
	size_t	 i;

	for (i = 0; i < cf->npeople; i++)
		if (cf->people[i].email != NULL &&
		    !strcmp(cf->people[i].email, email))
			return &cf->people[i];
	return NULL;
}
