/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The model stage: documents grouped into manuals (kitei.yml globs) and cut
 * into sections along their headings, each section with the elements it
 * covers, those it declares not applicable, and its effective visibility.
 * For approve.c, assemble.c, coverage.c, diff.c, main.c, output.c, pubpage.c, render.c,
 * report.c and signoff.c.
 */
#ifndef KITEI_MODEL_H
#define KITEI_MODEL_H

#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "parse.h"
#include "sources.h"

#define MODEL_NONE	((size_t)-1)

/* A "not-applicable:" declaration on a section. */
struct model_na {
	const char	*id;		/* borrowed from the directive */
	const char	*reason;	/* borrowed; NULL when missing */
	int		 line;
	int		 col;
};

/* A "covers:" id on a section. */
struct model_cover {
	const char	*id;		/* borrowed from the directive */
	int		 line;
	int		 col;
};

/*
 * A section: a heading and everything up to the next heading of the same or
 * a higher level.  Section 0 of every document is the document itself (level
 * 0): what stands before the first heading.  Sections are in source order, so
 * a section's descendants are the sections [i + 1, end).
 */
struct model_section {
	int			 level;		/* 0 document, 1–6 heading */
	int			 line;		/* heading line (1 for the document) */
	int			 col;
	char			*heading;	/* heading text, plain */
	char			*anchor;	/* stable id: "s-" and a hash of the file and heading path */
	cmark_node		*node;		/* heading node, borrowed; NULL for level 0 */
	size_t			 parent;	/* index, or MODEL_NONE */
	size_t			 end;		/* one past the last descendant */
	enum visibility		 visibility;	/* effective (inherited, never widened) */
	enum visibility		 own;		/* set by a directive here, or VIS_UNSET */
	int			 has_text;	/* body text of its own (headings not counted) */
	char			*text;		/* its own plain text, heading included */
	struct model_cover	*covers;
	size_t			 ncovers;
	struct model_na		*nas;
	size_t			 nnas;
};

struct model_doc {
	struct parse_doc	*parsed;	/* owned */
	const char		*path;		/* repository-relative, borrowed */
	size_t			 manual;	/* index into model->manuals, or MODEL_NONE */
	int			 ambiguous;	/* claimed by two manuals: it meets no element */
	char			*title;		/* front matter title, else the first heading, else the file name */
	struct model_section	*sections;
	size_t			 nsections;
};

struct model_manual {
	const struct config_manual *cfg;	/* borrowed from the config */
	size_t			 *docs;		/* indexes into model->docs, in chapter order */
	size_t			  ndocs;
	enum visibility		  highest;	/* the most restricted class of any section */
};

struct model {
	struct model_doc	*docs;		/* in path order */
	size_t			 ndocs;
	struct model_manual	*manuals;	/* in kitei.yml order */
	size_t			 nmanuals;
};

/*
 * Builds the model, taking ownership of the parsed documents in docs (the
 * array itself stays the caller's).  Reports documents in no manual or in
 * two, globs that match nothing, widened visibility and unsafe links.
 * Returns a new model (free with model_free).
 */
struct model *model_build(struct parse_doc **docs, size_t ndocs,
	    const struct config *, struct diag *);
void	 model_free(struct model *);

/* Whether the section or one of its descendants has body text. */
int	 model_section_has_body(const struct model_doc *, size_t section);

#endif /* KITEI_MODEL_H */
