/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The diagnostic collector: every stage reports bad input here, with the file,
 * line and column it came from, and main.c prints the lot in the format asked
 * for.  Any module may include this header.
 */
#ifndef KITEI_DIAG_H
#define KITEI_DIAG_H

#include <stddef.h>

/* Ordered by gravity; the worst level seen decides the exit status. */
enum diag_level {
	DIAG_NOTE = 0,		/* information, exit 0 */
	DIAG_WARNING,		/* exit 0 */
	DIAG_ERROR,		/* a finding: exit 1 */
	DIAG_FATAL		/* could not run (usage, I/O, config): exit 2 */
};

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
	char		*text;	/* one line, no trailing full stop */
	size_t		 seq;	/* emission order, for a stable sort */
};

struct diag;

/* Returns a new, empty collector; free with diag_free(). */
struct diag	*diag_new(void);
void		 diag_free(struct diag *);

/* Records a message; pos may be NULL.  Copies everything it is given. */
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
/* Prints every message as path:line:col: level: text [rule] to the stream. */
void		 diag_print_text(const struct diag *, void *file, int color);

#endif /* KITEI_DIAG_H */
