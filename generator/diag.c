/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Collects diagnostics from every stage and prints them as text.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
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

/* Records one message with copies of its position, rule and text. */
void
diag_emit(struct diag *d, enum diag_level level, const struct pos *pos,
    const char *rule, const char *fmt, ...)
{
	struct diag_msg	*m;
	va_list		 ap;
	int		 n;

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
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	m->text = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	m->text[0] = '\0';
	if (n > 0) {
		va_start(ap, fmt);
		vsnprintf(m->text, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	if (level > d->worst)
		d->worst = level;
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
			fputs(m->path, f);
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
		fputs(m->text, f);
		if (m->rule[0] != '\0')
			fprintf(f, " [%s]", m->rule);
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
