/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of the catalog: loading and validation, lookups, and the
 * nearest ids offered for a mistyped one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "diag.h"
#include "harness.h"
#include "xalloc.h"

/* Checks catalog_nearest(id) against the space-separated list want. */
static void
catalog_near_is(const struct catalog *c, const char *id, size_t max,
    const char *want)
{
	const char	*near[8];
	struct buf	 b = { NULL, 0, 0 };
	char		*got, name[64];
	size_t		 i, n;

	n = catalog_nearest(c, id, near, max);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", near[i]);
	got = buf_steal(&b);
	snprintf(name, sizeof(name), "nearest to %s", id);
	STR_EQ(name, got, want);
	free(got);
}

/* Loads text as a catalog; returns the rules of the messages it gave. */
static char *
catalog_refusal(const char *text)
{
	struct catalog	*c = NULL;
	struct diag	*d = diag_new();
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	if (catalog_load(&c, "bad.xml", text, strlen(text), HARNESS_RNG, d) == 0)
		buf_puts(&b, "loaded");
	for (i = 0; i < diag_count(d); i++)
		buf_printf(&b, "%s%s", i ? " " : "", diag_get(d, i)->rule);
	if (diag_count(d) > 0 && diag_worst(d) != DIAG_FATAL)
		buf_puts(&b, " (not fatal)");
	catalog_free(c);
	diag_free(d);
	return buf_steal(&b);
}

static void
test_catalog_tiny(void)
{
	struct diag			*d = diag_new();
	struct catalog			*c;
	const struct catalog_element	*e;

	c = harness_catalog(HARNESS_TINY, d);
	OK("tiny: loads", c != NULL);
	INT_EQ("tiny: no diagnostics", diag_count(d), 0);
	if (c == NULL)
		goto out;
	STR_EQ("tiny: id", c->id, "tiny-rules");
	STR_EQ("tiny: version", c->version, "0.1.0");
	INT_EQ("tiny: ten elements", c->nelements, 10);
	INT_EQ("tiny: three articles", c->narticles, 3);
	STR_EQ("tiny: article heading", c->articles[2].heading, "危機管理");
	e = catalog_find(c, "13.2");
	OK("tiny: find 13.2", e != NULL);
	if (e != NULL) {
		OK("tiny: 13.2 is public", e->public && !e->crisis);
		INT_EQ("tiny: 13.2 is a must", e->obligation, OBL_MUST);
		INT_EQ("tiny: 13.2 keywords", e->nkeywords, 2);
		STR_EQ("tiny: 13.2 article", e->article, "13");
	}
	OK("tiny: 13.1 is for the crisis manual", catalog_find(c, "13.1")->crisis);
	INT_EQ("tiny: 1.4.1 is an example",
	    catalog_find(c, "1.4.1")->obligation, OBL_EXAMPLE);
	INT_EQ("tiny: index of 4.1.6.b", catalog_index(c, "4.1.6.b"), 6);
	INT_EQ("tiny: no index of 4.1.6", catalog_index(c, "4.1.6"), -1);
	OK("tiny: find nothing", catalog_find(c, "9.9") == NULL);
	STR_EQ("obligation names", catalog_obligation_name(OBL_CONSIDER), "consider");
	STR_EQ("obligation labels", catalog_obligation_label(OBL_MUST), "義務");

	catalog_near_is(c, "4.1.6.aa", 4, "4.1.6.a");
	catalog_near_is(c, "41.6.a", 4, "4.1.6.a");
	catalog_near_is(c, "4.16.a", 4, "4.1.6.a");
	catalog_near_is(c, "4.1.6.x", 4, "4.1.6.a 4.1.6.b 4.1.6.c");
	catalog_near_is(c, "4.1.6.x", 2, "4.1.6.a 4.1.6.b");
	catalog_near_is(c, "1.5", 4, "1.1 1.2 1.3 1.4");
	catalog_near_is(c, "13.3", 4, "1.3 13.1 13.2");
	catalog_near_is(c, "99.9", 4, "");
	/* Regression (issue 2): two edits from a short id reach too much. */
	catalog_near_is(c, "9.8", 4, "");
	catalog_near_is(c, "4.1.6", 4, "4.1.6.a 4.1.6.b 4.1.6.c");
	catalog_near_is(c, "4.1.7.aa", 4, "4.1.6.a");
	catalog_near_is(c, "4.1.6.a.b.c.d", 4, "");
	catalog_near_is(c, "1.4.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1", 4, "");
	catalog_near_is(c, "", 4, "");
out:
	catalog_free(c);
	diag_free(d);
}

static void
test_catalog_shipped(void)
{
	struct diag	*d = diag_new();
	struct catalog	*c;
	size_t		 i, crisis = 0, public = 0;

	c = harness_catalog("catalogs/system-risk-rules.xml", d);
	OK("shipped: loads", c != NULL);
	if (c == NULL)
		goto out;
	OK("shipped: 80 elements or more", c->nelements >= 80);
	for (i = 0; i < c->nelements; i++) {
		crisis += c->elements[i].crisis;
		public += c->elements[i].public;
	}
	OK("shipped: crisis elements", crisis > 0);
	OK("shipped: public elements", public > 0);
	catalog_near_is(c, "4.1.6.aa", 4, "4.1.6.a");
	catalog_near_is(c, "41.6.a", 4, "4.1.6.a");
	catalog_near_is(c, "13.1.z", 1, "13.1.a");
out:
	catalog_free(c);
	diag_free(d);
}

static void
test_catalog_refused(void)
{
	char	*got;

	got = catalog_refusal("<catalog");
	OK("not XML: refused, fatal", strstr(got, "bad-catalog") != NULL &&
	    strstr(got, "loaded") == NULL && strstr(got, "not fatal") == NULL);
	free(got);
	got = catalog_refusal("<?xml version=\"1.0\"?>\n<catalog "
	    "xmlns=\"urn:x-kitei:catalog:1\" id=\"x\" version=\"1\">"
	    "<title>t</title></catalog>\n");
	OK("schema: refused, fatal", strstr(got, "bad-catalog") != NULL &&
	    strstr(got, "loaded") == NULL && strstr(got, "not fatal") == NULL);
	free(got);
	got = catalog_refusal("<?xml version=\"1.0\"?>\n<catalog "
	    "xmlns=\"urn:x-kitei:catalog:1\" id=\"x\" version=\"1.0.0\">"
	    "<title>t</title><article number=\"1\"><heading>h</heading>"
	    "<element id=\"1.1\" obligation=\"must\"><title>a</title><text>t</text>"
	    "</element><element id=\"1.1\" obligation=\"must\"><title>b</title>"
	    "<text>t</text></element></article></catalog>\n");
	STR_EQ("duplicate ids: refused", got, "bad-catalog");
	free(got);
	{
		const char text[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE catalog "
		    "[<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<catalog "
		    "xmlns=\"urn:x-kitei:catalog:1\" id=\"x\" version=\"1.0.0\">"
		    "<title>&x;</title><article number=\"1\"><heading>h</heading>"
		    "<element id=\"1.1\" obligation=\"must\"><title>a</title>"
		    "<text>t</text></element></article></catalog>\n";
		struct catalog *c = NULL;
		struct diag *d = diag_new();

		catalog_load(&c, "bad.xml", text, strlen(text), HARNESS_RNG, d);
		OK("external entity: never read", c == NULL ||
		    strstr(c->title, "root:") == NULL);
		catalog_free(c);
		diag_free(d);
	}
}

void
test_catalog(void)
{
	test_catalog_tiny();
	test_catalog_shipped();
	test_catalog_refused();
}
