/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Collects diagnostics from every stage and prints them as text.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "diag.h"
#include "i18n.h"
#include "xalloc.h"

/* The collector: a growable array of messages in emission order. */
struct diag {
	struct diag_msg	*msgs;	/* messages */
	size_t		 len;	/* used */
	size_t		 cap;	/* allocated */
	enum diag_level	 worst;	/* worst level seen so far */
};

static const char *const diag_level_names[] = {
	"note", "warning", "error", "error"
};

/* Returns a new collector; never NULL. */
struct diag *
diag_new(void)
{
	return xcalloc(1, sizeof(struct diag));
}

/* Frees the collector and every message; accepts NULL. */
void
diag_free(struct diag *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	for (i = 0; i < d->len; i++) {
		free(d->msgs[i].path);
		free(d->msgs[i].rule);
		free(d->msgs[i].text);
	}
	free(d->msgs);
	free(d);
}

/* Adds an empty message at a level and position; returns it, borrowed. */
static struct diag_msg *
diag_add(struct diag *d, enum diag_level level, const struct pos *pos,
    const char *rule)
{
	struct diag_msg	*m;

	if (d->len == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->msgs = xreallocarray(d->msgs, d->cap, sizeof(*d->msgs));
	}
	m = &d->msgs[d->len++];
	memset(m, 0, sizeof(*m));
	m->level = level;
	m->seq = d->len - 1;
	if (pos != NULL) {
		m->path = pos->path ? xstrdup(pos->path) : NULL;
		m->line = pos->line;
		m->col = pos->col;
	}
	m->rule = xstrdup(rule ? rule : "");
	m->id = MSGID__MAX;
	if (level > d->worst)
		d->worst = level;
	return m;
}

/* Formats into a new string. */
static char *
diag_vformat(const char *fmt, va_list ap)
{
	va_list	 aq;
	char	*text;
	int	 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	text = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	text[0] = '\0';
	if (n > 0)
		vsnprintf(text, (size_t)n + 1, fmt, ap);
	return text;
}

/*
 * Records table message id.  fmt is the table's English format (the
 * diag_msg macro passes it for the compiler's check); the text is made from
 * its translation, which has the same conversions (msgfmt --check).
 */
void
diag_vmsgf(struct diag *d, const struct pos *pos, enum msgid id,
    const char *fmt, va_list ap)
{
	const struct msgdef	*def = msg_get(id);
	struct diag_msg		*m;

	assert(def != NULL && def->fmt != NULL);
	m = diag_add(d, (enum diag_level)def->level, pos, def->rule);
	m->id = id;
	m->text = diag_vformat(_(def->fmt), ap);
	(void)fmt;
}

/* Records table message id; see diag_vmsgf. */
void
diag_msgf(struct diag *d, const struct pos *pos, enum msgid id,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vmsgf(d, pos, id, fmt, ap);
	va_end(ap);
}

/* Records one message outside the table, in English. */
void
diag_emit(struct diag *d, enum diag_level level, const struct pos *pos,
    const char *rule, const char *fmt, ...)
{
	struct diag_msg	*m;
	va_list		 ap;

	m = diag_add(d, level, pos, rule);
	va_start(ap, fmt);
	m->text = diag_vformat(fmt, ap);
	va_end(ap);
}

/* Orders two messages: path (none first), line, column, then emission order. */
static int
diag_cmp(const void *a, const void *b)
{
	const struct diag_msg	*x = a, *y = b;
	int			 c;

	if (x->path == NULL || y->path == NULL) {
		if (x->path != y->path)
			return x->path == NULL ? -1 : 1;
	} else if ((c = strcmp(x->path, y->path)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sorts by position; the sequence number keeps ties in emission order. */
void
diag_sort(struct diag *d)
{
	if (d->len > 1)
		qsort(d->msgs, d->len, sizeof(*d->msgs), diag_cmp);
}

size_t
diag_count(const struct diag *d)
{
	return d->len;
}

/* Returns message i, borrowed. */
const struct diag_msg *
diag_get(const struct diag *d, size_t i)
{
	return i < d->len ? &d->msgs[i] : NULL;
}

/* Counts messages of one level. */
size_t
diag_count_level(const struct diag *d, enum diag_level level)
{
	size_t	 i, n = 0;

	for (i = 0; i < d->len; i++)
		if (d->msgs[i].level == level)
			n++;
	return n;
}

enum diag_level
diag_worst(const struct diag *d)
{
	return d->worst;
}

/* Maps the worst level onto design.md's exit statuses. */
int
diag_exit_status(const struct diag *d)
{
	if (d->worst >= DIAG_FATAL)
		return 2;
	if (d->worst >= DIAG_ERROR)
		return 1;
	return 0;
}

const char *
diag_level_name(enum diag_level l)
{
	return diag_level_names[l];
}

/*
 * Whether code point c is shown escaped although it is valid UTF-8: the C1
 * controls, the bidirectional controls and the line and paragraph
 * separators (see diag.h).
 */
static int
diag_unsafe_char(gunichar c)
{
	return (c >= 0x80 && c <= 0x9f) || c == 0x61c ||
	    c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069);
}

/* Appends s to b with control characters shown as escapes; see diag.h. */
void
diag_escape(struct buf *b, const char *s)
{
	static const char	 named[] = "abtnvfr";
	const unsigned char	*p = (const unsigned char *)s, *run;
	gunichar		 c;
	int			 n;

	while (*p != '\0') {
		/* Printable ASCII goes in one run. */
		for (run = p; *p >= 0x20 && *p < 0x7f; p++)
			continue;
		if (p > run)
			buf_put(b, (const char *)run, (size_t)(p - run));
		if (*p == '\0')
			break;
		if (*p < 0x80) {
			if (*p >= '\a' && *p <= '\r')
				buf_printf(b, "\\%c", named[*p - '\a']);
			else
				buf_printf(b, "\\%03o", *p);
			p++;
			continue;
		}
		c = g_utf8_get_char_validated((const char *)p, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			buf_printf(b, "\\x%02x", *p);
			p++;
			continue;
		}
		n = g_utf8_skip[*p];
		if (diag_unsafe_char(c))
			buf_printf(b, "\\u%04x", (unsigned)c);
		else
			buf_put(b, (const char *)p, (size_t)n);
		p += n;
	}
}

/* The code point at s if diag_escape would show it as \uXXXX, else -1. */
long
diag_unsafe_at(const char *s)
{
	gunichar	 c;

	if ((unsigned char)s[0] < 0x80)
		return -1;
	c = g_utf8_get_char_validated(s, -1);
	if (c == (gunichar)-1 || c == (gunichar)-2 || !diag_unsafe_char(c))
		return -1;
	return (long)c;
}

/* Returns a new escaped copy of s, or NULL for NULL. */
char *
diag_safe(const char *s)
{
	struct buf	 b = { NULL, 0, 0 };

	if (s == NULL)
		return NULL;
	diag_escape(&b, s);
	return buf_steal(&b);
}

/* Writes s escaped to a FILE *. */
void
diag_fputs(const char *s, void *file)
{
	char	*t = diag_safe(s);

	if (t != NULL)
		fputs(t, file);
	free(t);
}

/* Prints path:line:col: level: text [rule], dropping unknown parts. */
void
diag_print_text(const struct diag *d, void *file, int color)
{
	static const char *const colors[] = {
		"\033[1;36m", "\033[1;35m", "\033[1;31m", "\033[1;31m"
	};
	FILE	*f = file;
	size_t	 i;

	for (i = 0; i < d->len; i++) {
		const struct diag_msg *m = &d->msgs[i];

		if (m->path != NULL) {
			diag_fputs(m->path, f);
			if (m->line > 0) {
				fprintf(f, ":%d", m->line);
				if (m->col > 0)
					fprintf(f, ":%d", m->col);
			}
			fputs(": ", f);
		} else
			fputs("kitei: ", f);
		if (color)
			fprintf(f, "%s%s\033[0m: ", colors[m->level],
			    diag_level_names[m->level]);
		else
			fprintf(f, "%s: ", diag_level_names[m->level]);
		diag_fputs(m->text, f);
		if (m->rule[0] != '\0') {
			fputs(" [", f);
			diag_fputs(m->rule, f);
			fputc(']', f);
		}
		fputc('\n', f);
	}
}

/*
 * Rewrites the path and text of messages from index from on: fn returns a
 * new string (ours to keep) or NULL to leave one as it is.  For publish.c,
 * which makes messages about its temporary folder name the user's.
 */
void
diag_map(struct diag *d, size_t from, char *(*fn)(const char *, void *),
    void *arg)
{
	char	*s;
	size_t	 i;

	for (i = from; i < d->len; i++) {
		if (d->msgs[i].path != NULL &&
		    (s = fn(d->msgs[i].path, arg)) != NULL) {
			free(d->msgs[i].path);
			d->msgs[i].path = s;
		}
		if ((s = fn(d->msgs[i].text, arg)) != NULL) {
			free(d->msgs[i].text);
			d->msgs[i].text = s;
		}
	}
}
