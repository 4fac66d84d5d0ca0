/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The parse stage: checks that a source is UTF-8 text, reads its YAML front
 * matter (libyaml), parses the Markdown with cmark-gfm (tables,
 * strikethrough, autolinks, task lists; source positions kept) and extracts
 * the kitei directives from HTML comments. For approve.c, assemble.c, diff.c, image.c,
 * main.c, model.c and pubpage.c.
 */
#ifndef KITEI_PARSE_H
#define KITEI_PARSE_H

#include <stddef.h>

#include <cmark-gfm.h>

#include "diag.h"
#include "sources.h"

/* Confidentiality classes, from least to most restricted. */
enum visibility {
	VIS_UNSET = -1,
	VIS_PUBLIC = 0,		/* 公開 */
	VIS_INTERNAL,		/* 社外秘 (the default) */
	VIS_CONFIDENTIAL	/* 関係者外秘 */
};

enum directive_kind {
	DIRECTIVE_COVERS,
	DIRECTIVE_NA,		/* not-applicable: ID… reason */
	DIRECTIVE_VISIBILITY
};

/* One element id named by a directive, where it stands. */
struct directive_id {
	char	*id;
	int	 line;
	int	 col;
};

struct directive {
	enum directive_kind	 kind;
	int			 line;		/* of the "<!--" */
	int			 col;
	struct directive_id	*ids;		/* covers / not-applicable */
	size_t			 nids;
	char			*reason;	/* not-applicable: the reason, or NULL */
	enum visibility		 visibility;	/* visibility: */
};

struct parse_doc {
	const struct source_file *src;		/* borrowed from the sources */
	char			*title;		/* front matter title, or NULL */
	char			*owner;		/* front matter owner (所管部署), or NULL */
	enum visibility		 visibility;	/* front matter, or VIS_UNSET */
	int			 body_line;	/* first line after the front matter */
	cmark_node		*root;		/* owned; NULL if the file is unusable */
	struct directive	*dirs;		/* in source order */
	size_t			 ndirs;
	size_t			*line_off;	/* byte offset of each line's start */
	size_t			 nlines;
};

/*
 * Parses one source file.  Problems are diagnostics; a file that cannot be
 * used at all (not UTF-8, a NUL byte, nesting past the limit) comes back
 * with root NULL.  Returns a new document (free with parse_doc_free).
 */
struct parse_doc *parse_document(const struct source_file *, struct diag *);
void	 parse_doc_free(struct parse_doc *);

/*
 * Turns cmark's byte column on a line of the file into the column users
 * count: Unicode code points, 1-based (as libyaml's positions are).
 */
int	 parse_column(const struct parse_doc *, int line, int bytecol);

/* "public", "internal", "confidential". */
const char *parse_visibility_name(enum visibility);
/* 公開, 社外秘, 関係者外秘. */
const char *parse_visibility_label(enum visibility);

/*
 * Whether a link target may be written into an output: http(s), mailto,
 * tel, fragment or relative.  javascript:, data: and all else are not.
 */
int	 parse_url_safe(const char *url);

/* Whether s looks like an element id (digits, dots, an optional letter). */
int	 parse_is_id(const char *s);

#endif /* KITEI_PARSE_H */
