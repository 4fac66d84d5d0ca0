/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * A small JSON writer: strings escaped as RFC 8259 asks, and objects and
 * arrays laid out like `jq .` (two-space indent) or on one line. For
 * catalog.c, history.c, output.c, render.c and report.c.
 */
#ifndef KITEI_JSON_H
#define KITEI_JSON_H

#include <stdint.h>
#include <stdio.h>

/*
 * Nesting the writer follows.  Our documents are at most five levels deep
 * (SARIF is the deepest); the cap keeps the state a fixed array.
 */
#define KITEI_JSON_MAXDEPTH	32

/* Writer state; set up with json_init, no freeing needed. */
struct json {
	FILE		*f;		/* where the text goes, borrowed */
	int		 pretty;	/* non-zero: newlines and indent */
	int		 depth;		/* open objects and arrays */
	int		 after_key;	/* a key was written, its value is next */
	unsigned char	 count[KITEI_JSON_MAXDEPTH];	/* members so far, 0 or 1 */
};

/*
 * Writes s as a quoted JSON string: '"', '\\' and control characters
 * escaped (\n, \t … or \u00XX), DEL as \u007f, UTF-8 passed through, and
 * every byte that is not part of valid UTF-8 replaced by U+FFFD.
 */
void	json_puts_string(FILE *, const char *s);

/* Starts a document on f; pretty asks for `jq .` layout. */
void	json_init(struct json *, FILE *f, int pretty);
/* Ends the document with a newline. */
void	json_finish(struct json *);

void	json_object_begin(struct json *);
void	json_object_end(struct json *);
void	json_array_begin(struct json *);
void	json_array_end(struct json *);
/* Writes a member name inside an object; the value must follow. */
void	json_key(struct json *, const char *);

/* Values, as array members or after json_key.  A NULL string is null. */
void	json_string(struct json *, const char *);
void	json_int(struct json *, int64_t);
void	json_bool(struct json *, int);
void	json_null(struct json *);

#endif /* KITEI_JSON_H */
