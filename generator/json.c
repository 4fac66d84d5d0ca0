/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Writes JSON: escaped strings, and objects and arrays laid out like `jq .`.
 */
#include <assert.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "json.h"
#include "unorm.h"

/* What invalid UTF-8 becomes: U+FFFD REPLACEMENT CHARACTER. */
static const char json_replacement[] = "\xef\xbf\xbd";

/* Writes s quoted and escaped; see json.h. */
void
json_puts_string(FILE *f, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s, *run;
	size_t			 n;
	long			 cp;
	uint32_t		 u;

	putc('"', f);
	while (*p != '\0') {
		/* Copy the longest run that needs no escaping in one go. */
		run = p;
		while (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
			p++;
		if (p > run)
			fwrite(run, 1, (size_t)(p - run), f);
		if (*p == '\0')
			break;
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\b':
			fputs("\\b", f);
			break;
		case '\f':
			fputs("\\f", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				fprintf(f, "\\u%04x", *p);
				break;
			}
			if ((n = unorm_utf8((const char *)p,
			    strnlen((const char *)p, 4), &u)) == 0) {
				fputs(json_replacement, f);
				break;
			}
			/* C1 and bidirectional controls: escaped (diag.h). */
			if ((cp = diag_unsafe_at((const char *)p)) >= 0) {
				fprintf(f, "\\u%04lx", cp);
				p += n;
				continue;
			}
			fwrite(p, 1, n, f);
			p += n;
			continue;
		}
		p++;
	}
	putc('"', f);
}

/* Starts a document on f. */
void
json_init(struct json *j, FILE *f, int pretty)
{
	j->f = f;
	j->pretty = pretty;
	j->depth = 0;
	j->after_key = 0;
	j->count[0] = 0;
}

/* Ends the document with a newline; every container must be closed. */
void
json_finish(struct json *j)
{
	assert(j->depth == 0);
	putc('\n', j->f);
}

/* Writes a newline and the indent of the current depth, when pretty. */
static void
json_indent(struct json *j)
{
	int	 i;

	if (!j->pretty)
		return;
	putc('\n', j->f);
	for (i = 0; i < j->depth; i++)
		fputs("  ", j->f);
}

/*
 * Prepares for a value or a key: the comma before every member but the
 * first, and the line break when pretty.  After a key nothing is needed.
 */
static void
json_separate(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth == 0)
		return;
	if (j->count[j->depth])
		putc(',', j->f);
	j->count[j->depth] = 1;
	json_indent(j);
}

/* Opens an object or array with the given bracket. */
static void
json_open(struct json *j, int c)
{
	json_separate(j);
	assert(j->depth + 1 < KITEI_JSON_MAXDEPTH);
	putc(c, j->f);
	j->depth++;
	j->count[j->depth] = 0;
}

/* Closes an object or array; an empty one stays on its line ("{}", "[]"). */
static void
json_close(struct json *j, int c)
{
	int	 had = j->count[j->depth];

	assert(j->depth > 0 && !j->after_key);
	j->depth--;
	if (had)
		json_indent(j);
	putc(c, j->f);
}

/* Opens an object. */
void
json_object_begin(struct json *j)
{
	json_open(j, '{');
}

/* Closes the innermost object. */
void
json_object_end(struct json *j)
{
	json_close(j, '}');
}

/* Opens an array. */
void
json_array_begin(struct json *j)
{
	json_open(j, '[');
}

/* Closes the innermost array. */
void
json_array_end(struct json *j)
{
	json_close(j, ']');
}

/* Writes a member name and the colon; the value must follow. */
void
json_key(struct json *j, const char *key)
{
	assert(j->depth > 0 && !j->after_key);
	json_separate(j);
	json_puts_string(j->f, key);
	fputs(j->pretty ? ": " : ":", j->f);
	j->after_key = 1;
}

/* Writes a string value, or null for NULL. */
void
json_string(struct json *j, const char *s)
{
	json_separate(j);
	if (s == NULL)
		fputs("null", j->f);
	else
		json_puts_string(j->f, s);
}

/* Writes an integer value. */
void
json_int(struct json *j, int64_t v)
{
	json_separate(j);
	fprintf(j->f, "%" PRId64, v);
}

/* Writes true or false. */
void
json_bool(struct json *j, int v)
{
	json_separate(j);
	fputs(v ? "true" : "false", j->f);
}

/* Writes null. */
void
json_null(struct json *j)
{
	json_separate(j);
	fputs("null", j->f);
}
