/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The diagnostic collector: every stage reports bad input here, with the file,
 * line and column it came from, and main.c prints the lot in the format asked
 * for.  Any module may include this header.
 */
#ifndef KITEI_DIAG_H
#define KITEI_DIAG_H

#include <stdarg.h>
#include <stddef.h>

/* Ordered by gravity; the worst level seen decides the exit status. */
enum diag_level {
	DIAG_NOTE = 0,		/* information, exit 0 */
	DIAG_WARNING,		/* exit 0 */
	DIAG_ERROR,		/* a finding: exit 1 */
	DIAG_FATAL		/* could not run (usage, I/O, config): exit 2 */
};

#include "msg.h"

/* Where a message points.  path is repository-relative; 0 means "unknown". */
struct pos {
	const char	*path;	/* borrowed; NULL for messages about no file */
	int		 line;	/* 1-based, 0 for a whole-file message */
	int		 col;	/* 1-based, 0 when only the line is known */
};

/* One message, as stored by the collector. */
struct diag_msg {
	enum diag_level	 level;
	char		*path;	/* owned copy, or NULL */
	int		 line;
	int		 col;
	char		*rule;	/* rule id such as "missing-coverage" */
	char		*text;	/* one line, no trailing full stop, translated */
	enum msgid	 id;	/* table id, MSGID__MAX from diag_emit */
	size_t		 seq;	/* emission order, for a stable sort */
};

struct diag;

/* Returns a new, empty collector; free with diag_free(). */
struct diag	*diag_new(void);
void		 diag_free(struct diag *);

/*
 * Records message id of the table (msg.h) with its severity and rule, its
 * format translated for the user's LC_MESSAGES; pos may be NULL.  Write
 * diag_msg(d, pos, MSG_X, args...): the macro hands the English format to
 * diag_msgf too, so the compiler checks the arguments against it.
 */
#define diag_msg(d, pos, ...)	diag_msgf((d), (pos), MSG_IDFMT(__VA_ARGS__))
void		 diag_msgf(struct diag *, const struct pos *, enum msgid,
		    const char *fmt, ...)
		    __attribute__((format(printf, 4, 5)));
/* The same with a va_list, for emitters of their own (config_bad …). */
void		 diag_vmsgf(struct diag *, const struct pos *, enum msgid,
		    const char *fmt, va_list)
		    __attribute__((format(printf, 4, 0)));

/*
 * Records a message outside the table, in English; pos may be NULL.
 * Copies everything it is given.  For code not yet moved to the table:
 * new messages go into msg.h.
 */
void		 diag_emit(struct diag *, enum diag_level, const struct pos *,
		    const char *rule, const char *fmt, ...)
		    __attribute__((format(printf, 5, 6)));

/* Sorts messages by path, line, column, keeping emission order for ties. */
void		 diag_sort(struct diag *);

size_t		 diag_count(const struct diag *);
/* Returns message i, borrowed from the collector. */
const struct diag_msg *diag_get(const struct diag *, size_t);
/* Number of messages at exactly this level. */
size_t		 diag_count_level(const struct diag *, enum diag_level);
enum diag_level	 diag_worst(const struct diag *);
/* 0, 1 or 2 as design.md prescribes, from the worst level seen. */
int		 diag_exit_status(const struct diag *);

/* "note", "warning" or "error" (fatal messages print as errors too). */
const char	*diag_level_name(enum diag_level);

/*
 * Rewrites the path and text of messages from index from on through fn,
 * which returns a new string or NULL for "unchanged".
 */
void		 diag_map(struct diag *, size_t from,
		    char *(*fn)(const char *, void *), void *arg);
/*
 * Prints every message as path:line:col: level: text [rule] to the stream
 * (a FILE *), each part passed through diag_escape.
 */
void		 diag_print_text(const struct diag *, void *file, int color);

struct buf;

/*
 * Text made safe for a terminal: what a committer, an author or a file name
 * wrote must never act on the reader's terminal, so every text writer (the
 * diagnostics, check's summary, history, catalog, verify, the bundle's
 * README.txt and history.txt, main.c's messages) passes such strings through
 * here, as git quotes paths (core.quotePath).  Shown escaped:
 *   - C0 controls and DEL: \a \b \t \n \v \f \r, else octal (\033, \177);
 *   - C1 controls U+0080-U+009F, the bidirectional controls that reorder
 *     text ("Trojan Source": U+061C, U+200E, U+200F, U+202A-U+202E,
 *     U+2066-U+2069) and the line and paragraph separators U+2028, U+2029:
 *     \uXXXX;
 *   - bytes that are not UTF-8 (overlong forms and surrogates included): \xNN.
 * Everything else, backslashes and Japanese text included, passes unchanged.
 * JSON, SARIF and JUnit have their own escaping (json.c, libxml2).
 */
/* Appends s, escaped, to the buffer. */
void		 diag_escape(struct buf *, const char *s);
/* Returns a new escaped copy of s (NULL gives NULL); the caller frees it. */
char		*diag_safe(const char *s);
/* Writes s, escaped, to file (a FILE *). */
void		 diag_fputs(const char *s, void *file);
/*
 * The code point at s when it is valid UTF-8 that diag_escape shows as
 * \uXXXX (C1, bidirectional, separators), else -1: for json.c, whose
 * output may be read on a terminal too.
 */
long		 diag_unsafe_at(const char *s);

#endif /* KITEI_DIAG_H */
