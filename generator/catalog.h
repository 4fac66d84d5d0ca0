/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The catalog: the regulation as data (catalogs/<name>.xml), validated
 * against catalogs/catalog.rng with libxml2 when loaded. For orient.c, assemble.c,
 * coverage.c, init.c, main.c, output.c, render.c and report.c.
 */
#ifndef KITEI_CATALOG_H
#define KITEI_CATALOG_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* Ordered from strongest to weakest, as the rule words them. */
enum obligation {
	OBL_MUST = 0,	/* しなければならない */
	OBL_SHALL,	/* ものとする */
	OBL_ENDEAVOR,	/* 努める */
	OBL_CONSIDER,	/* 当否を真摯に検討する */
	OBL_EXAMPLE,	/* …が考えられる */
	OBL__MAX
};

/*
 * A facet: a group of synonyms, one of which a covering section must
 * mention.  terms are as the catalog writes them (for messages), folded
 * their catalog_fold forms (for matching).
 */
struct catalog_facet {
	char	**terms;
	char	**folded;
	size_t	  nterms;
};

struct catalog_element {
	char		 *id;		/* "4.1.6.a" */
	char		 *article;	/* "4" */
	enum obligation	  obligation;
	char		 *title;	/* short Japanese title */
	char		 *text;		/* the rule's own words */
	int		  crisis;	/* manual="crisis": must be met in a crisis manual */
	int		  public;	/* public="true": must be met on the public page */
	char		**keywords;
	size_t		  nkeywords;
	/*
	 * All facets are required.  A catalog with keywords and no facets
	 * gets one facet made of its keywords; with neither, none.
	 */
	struct catalog_facet *facets;
	size_t		  nfacets;
	int		  has_facets;	/* written as <facets>, not <keywords> */
};

struct catalog_article {
	char	*number;	/* "4" */
	char	*heading;	/* 情報セキュリティ管理 */
};

struct catalog {
	char			*path;		/* where it was read from */
	char			*id;
	char			*version;
	char			*title;
	struct catalog_article	*articles;
	size_t			 narticles;
	struct catalog_element	*elements;	/* in the rule's order */
	size_t			 nelements;
};

/*
 * Loads and validates the catalog held in data (read from path, which names
 * it in messages) against the RELAX NG schema at rng_path.  Every problem is
 * fatal (a broken catalog cannot check anything).  Returns 0 and a new
 * catalog in *out (free with catalog_free), or -1 with diagnostics emitted.
 */
int	 catalog_load(struct catalog **out, const char *path, const char *data,
	    size_t len, const char *rng_path, struct diag *d);
void	 catalog_free(struct catalog *);

/* Returns the element with this id, borrowed, or NULL. */
const struct catalog_element *catalog_find(const struct catalog *,
	    const char *id);
/* Index of the element, or -1. */
long	 catalog_index(const struct catalog *, const char *id);

/*
 * Fills out with up to max ids nearest to id (edit distance, then order),
 * borrowed; returns how many.
 */
size_t	 catalog_nearest(const struct catalog *, const char *id,
	    const char **out, size_t max);

/*
 * Returns a new string (free with free): text folded for matching facets
 * and comparing wording: NFKC, white space removed, ASCII lower case, and
 * spelling variants read as one (漏洩/漏えい, 取り扱い/取扱い, サーバー/サーバ).
 */
char	*catalog_fold(const char *text);

/*
 * Returns a new string (free with free): an element's text as shown to
 * readers, the rule's misspellings marked as verbatim: 協會員 becomes
 * 協會員（ママ）.  JSON and CSV keep the text as it is.
 */
char	*catalog_display_text(const char *text);

/* "must", "shall", "endeavor", "consider" or "example". */
const char *catalog_obligation_name(enum obligation);
/* 義務, …: the Japanese label used in rendered pages. */
const char *catalog_obligation_label(enum obligation);

/* Prints the catalog as text (one element a line) or design.md's JSON. */
void	 catalog_print_text(FILE *, const struct catalog *);
void	 catalog_print_json(FILE *, const struct catalog *);
/* Prints one element of the catalog in full: its line, article and text. */
void	 catalog_print_element(FILE *, const struct catalog *,
	    const struct catalog_element *);

#endif /* KITEI_CATALOG_H */
