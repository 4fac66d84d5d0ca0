/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Formats check results for people (text) and for tools (JSON, SARIF, JUnit).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "catalog.h"
#include "coverage.h"
#include "diag.h"
#include "i18n.h"
#include "json.h"
#include "model.h"
#include "report.h"
#include "sources.h"

/* Diagnostics, then "coverage: …" and the counts. */
void
report_text(FILE *f, const struct report *r, int color)
{
	const struct coverage	*cov = r->cov;
	size_t			 errors, warnings, counted;
	char			*id, *version;

	diag_print_text(r->diag, f, color);
	errors = diag_count_level(r->diag, DIAG_ERROR) +
	    diag_count_level(r->diag, DIAG_FATAL);
	warnings = diag_count_level(r->diag, DIAG_WARNING);
	counted = cov->covered + cov->not_applicable;
	/* The catalog may come from the policy root: escaped (diag.h). */
	id = diag_safe(r->cat->id);
	version = diag_safe(r->cat->version);
	fprintf(f, _("%s %s at %.12s%s: %zu of %zu elements met (%zu%%): "
	    "%zu covered, %zu not applicable, %zu missing; %zu error%s, "
	    "%zu warning%s\n"), id, version,
	    r->src->revision[0] != '\0' ? r->src->revision : _("(no commit)"),
	    r->src->worktree ? " + 未コミット" : "",
	    counted, cov->nelements,
	    cov->nelements ? counted * 100 / cov->nelements : 100,
	    cov->covered, cov->not_applicable, cov->missing,
	    errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
	free(id);
	free(version);
	if (r->src->shallow)
		fputs(_("warning: this is a shallow clone: history and approvals "
		    "are incomplete\n"), f);
}

/* One section of an element as design.md's JSON gives it. */
static void
report_json_place(struct json *j, const struct coverage_place *p)
{
	json_object_begin(j);
	json_key(j, "path");
	json_string(j, p->path);
	json_key(j, "line");
	json_int(j, p->line);
	json_key(j, "heading");
	json_string(j, p->heading);
	json_object_end(j);
}

/* design.md's JSON: revision, catalog, summary, elements, diagnostics. */
void
report_json(FILE *f, const struct report *r)
{
	struct json	 j;
	size_t		 i, k;

	json_init(&j, f, 1);
	json_object_begin(&j);
	json_key(&j, "revision");
	json_string(&j, r->src->revision[0] ? r->src->revision : NULL);
	json_key(&j, "worktree");
	json_bool(&j, r->src->worktree);
	json_key(&j, "shallow");
	json_bool(&j, r->src->shallow);
	json_key(&j, "catalog");
	json_object_begin(&j);
	json_key(&j, "id");
	json_string(&j, r->cat->id);
	json_key(&j, "version");
	json_string(&j, r->cat->version);
	json_object_end(&j);
	json_key(&j, "summary");
	json_object_begin(&j);
	json_key(&j, "elements");
	json_int(&j, (int64_t)r->cov->nelements);
	json_key(&j, "covered");
	json_int(&j, (int64_t)r->cov->covered);
	json_key(&j, "not_applicable");
	json_int(&j, (int64_t)r->cov->not_applicable);
	json_key(&j, "missing");
	json_int(&j, (int64_t)r->cov->missing);
	json_object_end(&j);
	json_key(&j, "elements");
	json_array_begin(&j);
	for (i = 0; i < r->cov->nelements; i++) {
		struct coverage_row row;

		coverage_row(&row, r->cov, r->model, i);
		json_object_begin(&j);
		json_key(&j, "id");
		json_string(&j, row.el->id);
		json_key(&j, "obligation");
		json_string(&j, catalog_obligation_name(row.el->obligation));
		json_key(&j, "status");
		json_string(&j, coverage_status_name(row.status));
		json_key(&j, "sections");
		json_array_begin(&j);
		for (k = 0; k < row.nsections; k++)
			report_json_place(&j, &row.sections[k]);
		json_array_end(&j);
		json_key(&j, "reason");
		json_string(&j, row.reason);
		json_key(&j, "reason_at");
		if (row.reason != NULL)
			report_json_place(&j, &row.reason_at);
		else
			json_null(&j);
		json_object_end(&j);
		coverage_row_clear(&row);
	}
	json_array_end(&j);
	json_key(&j, "diagnostics");
	json_array_begin(&j);
	for (i = 0; i < diag_count(r->diag); i++) {
		const struct diag_msg *m = diag_get(r->diag, i);

		json_object_begin(&j);
		json_key(&j, "path");
		json_string(&j, m->path);
		json_key(&j, "line");
		json_int(&j, m->line);
		json_key(&j, "column");
		json_int(&j, m->col);
		json_key(&j, "severity");
		json_string(&j, diag_level_name(m->level));
		json_key(&j, "rule");
		json_string(&j, m->rule);
		json_key(&j, "message");
		json_string(&j, m->text);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

/* Whether rule already stands among the first n messages. */
static int
report_rule_seen(const struct diag *d, size_t n, const char *rule)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!strcmp(diag_get(d, i)->rule, rule))
			return 1;
	return 0;
}

/* SARIF 2.1.0 with one result per diagnostic. */
void
report_sarif(FILE *f, const struct report *r)
{
	struct json	 j;
	size_t		 i, n = diag_count(r->diag);

	json_init(&j, f, 1);
	json_object_begin(&j);
	json_key(&j, "$schema");
	json_string(&j, "https://json.schemastore.org/sarif-2.1.0.json");
	json_key(&j, "version");
	json_string(&j, "2.1.0");
	json_key(&j, "runs");
	json_array_begin(&j);
	json_object_begin(&j);
	json_key(&j, "tool");
	json_object_begin(&j);
	json_key(&j, "driver");
	json_object_begin(&j);
	json_key(&j, "name");
	json_string(&j, "kitei");
	json_key(&j, "version");
	json_string(&j, KITEI_VERSION);
	json_key(&j, "rules");
	json_array_begin(&j);
	for (i = 0; i < n; i++) {
		const char *rule = diag_get(r->diag, i)->rule;

		if (rule[0] == '\0' || report_rule_seen(r->diag, i, rule))
			continue;
		json_object_begin(&j);
		json_key(&j, "id");
		json_string(&j, rule);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_object_end(&j);
	/*
	 * The source commit goes in the run's property bag: SARIF's
	 * versionControlProvenance needs the repository's absolute URI, which
	 * a check of a local clone cannot know.
	 */
	if (r->src->revision[0] != '\0') {
		json_key(&j, "properties");
		json_object_begin(&j);
		json_key(&j, "revision");
		json_string(&j, r->src->revision);
		json_object_end(&j);
	}
	/* Columns count Unicode code points, as kitei prints them. */
	json_key(&j, "columnKind");
	json_string(&j, "unicodeCodePoints");
	json_key(&j, "results");
	json_array_begin(&j);
	for (i = 0; i < n; i++) {
		const struct diag_msg *m = diag_get(r->diag, i);

		json_object_begin(&j);
		json_key(&j, "ruleId");
		json_string(&j, m->rule);
		json_key(&j, "level");
		json_string(&j, m->level >= DIAG_ERROR ? "error" :
		    m->level == DIAG_WARNING ? "warning" : "note");
		json_key(&j, "message");
		json_object_begin(&j);
		json_key(&j, "text");
		json_string(&j, m->text);
		json_object_end(&j);
		if (m->path != NULL) {
			json_key(&j, "locations");
			json_array_begin(&j);
			json_object_begin(&j);
			json_key(&j, "physicalLocation");
			json_object_begin(&j);
			json_key(&j, "artifactLocation");
			json_object_begin(&j);
			json_key(&j, "uri");
			json_string(&j, m->path);
			json_object_end(&j);
			if (m->line > 0) {
				json_key(&j, "region");
				json_object_begin(&j);
				json_key(&j, "startLine");
				json_int(&j, m->line);
				if (m->col > 0) {
					json_key(&j, "startColumn");
					json_int(&j, m->col);
				}
				json_object_end(&j);
			}
			json_object_end(&j);
			json_object_end(&j);
			json_array_end(&j);
		}
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

/*
 * Writes s with XML's five special characters escaped.  C0 controls, which
 * XML 1.0 cannot hold, become spaces; DEL and what diag_escape shows as
 * \uXXXX (C1, bidirectional controls) become character references, so the
 * file is safe to print on a terminal; bytes that are not UTF-8 become
 * U+FFFD, so the file stays well-formed.
 */
static void
report_xml(FILE *f, const char *s)
{
	long	 cp;
	int	 n;

	while (*s != '\0') {
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&apos;", f); break;
		case '\177': fputs("&#x7f;", f); break;
		default:
			if ((unsigned char)*s >= 0x80) {
				if (g_utf8_get_char_validated(s, -1) >= 0x110000) {
					fputs("\xef\xbf\xbd", f);
					break;
				}
				n = g_utf8_skip[(unsigned char)*s];
				if ((cp = diag_unsafe_at(s)) >= 0)
					fprintf(f, "&#x%lx;", cp);
				else
					fwrite(s, 1, (size_t)n, f);
				s += n;
				continue;
			}
			if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t')
				fputc(' ', f);
			else
				fputc(*s, f);
		}
		s++;
	}
}

/*
 * JUnit XML: one test case per element, failing when it is missing at an
 * error level, or when a diagnostic at error level names it.
 */
void
report_junit(FILE *f, const struct report *r)
{
	size_t	 i, k, failures = 0, n = diag_count(r->diag);

	for (i = 0; i < r->cov->nelements; i++)
		if (r->cov->elements[i].status == COVERAGE_MISSING &&
		    r->cov->elements[i].el->obligation != OBL_EXAMPLE)
			failures++;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<testsuites name=\"kitei check\">\n"
	    "<testsuite name=\"");
	report_xml(f, r->cat->id);
	fprintf(f, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
	    r->cov->nelements + 1, failures + (diag_worst(r->diag) >= DIAG_ERROR &&
	    failures == 0 ? 1 : 0));
	for (i = 0; i < r->cov->nelements; i++) {
		struct coverage_row row;

		coverage_row(&row, r->cov, r->model, i);
		fprintf(f, "<testcase classname=\"article-%s\" name=\"", row.el->article);
		report_xml(f, row.el->id);
		fputs(" ", f);
		report_xml(f, row.el->title);
		fputs("\">", f);
		if (row.status == COVERAGE_MISSING) {
			fprintf(f, "<%s message=\"",
			    row.el->obligation == OBL_EXAMPLE ? "skipped" : "failure");
			report_xml(f, row.el->id);
			fputs(" is covered by no section\"/>", f);
		} else if (row.status == COVERAGE_NA) {
			fputs("<system-out>not applicable: ", f);
			report_xml(f, row.reason);
			fputs(" (", f);
			report_xml(f, row.reason_at.path);
			fprintf(f, ":%d)</system-out>", row.reason_at.line);
		} else {
			fputs("<system-out>", f);
			for (k = 0; k < row.nsections; k++) {
				fprintf(f, "%s", k ? "\n" : "");
				report_xml(f, row.sections[k].path);
				fprintf(f, ":%d", row.sections[k].line);
			}
			fputs("</system-out>", f);
		}
		fputs("</testcase>\n", f);
		coverage_row_clear(&row);
	}
	/* Every other finding in one case, so a CI dashboard shows it. */
	fputs("<testcase classname=\"diagnostics\" name=\"sources\">", f);
	if (diag_worst(r->diag) >= DIAG_ERROR) {
		fputs("<failure message=\"errors in the policy sources\">", f);
		for (i = 0; i < n; i++) {
			const struct diag_msg *m = diag_get(r->diag, i);

			if (m->level < DIAG_ERROR)
				continue;
			if (m->path != NULL) {
				report_xml(f, m->path);
				fprintf(f, ":%d:%d: ", m->line, m->col);
			}
			report_xml(f, m->text);
			fputs(" [", f);
			report_xml(f, m->rule);
			fputs("]\n", f);
		}
		fputs("</failure>", f);
	}
	fputs("</testcase>\n</testsuite>\n</testsuites>\n", f);
}
