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

#include "diag.h"
#include "json.h"

/* What invalid UTF-8 becomes: U+FFFD REPLACEMENT CHARACTER. */
static const char json_replacement[] = "\xef\xbf\xbd";

/*
 * Returns the length of the valid UTF-8 sequence at s (1 to 4), or 0 if the
 * byte at s does not start one: overlong forms, surrogates and code points
 * past U+10FFFF are invalid (RFC 3629).  s is NUL-terminated, so a truncated
 * sequence stops at the NUL, which is never a continuation byte.
 */
static size_t
json_utf8_len(const unsigned char *s)
{
	unsigned char	 c = s[0];
	size_t		 n, i;
	uint32_t	 cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		cp = c & 0x07;
	} else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

/* Writes s quoted and escaped; see json.h. */
void
json_puts_string(FILE *f, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s, *run;
	size_t			 n;
	long			 cp;

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
			if ((n = json_utf8_len(p)) == 0) {
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
