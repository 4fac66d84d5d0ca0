/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The limits kitei enforces on its input, each with its reason.  Going past one
 * is a diagnostic naming the file, never a silent truncation.  Any module may
 * include this header.
 */
#ifndef KITEI_LIMITS_H
#define KITEI_LIMITS_H

/* The largest source file: ten times the longest real rule book we know of. */
#define KITEI_MAX_FILE_BYTES	(32 * 1024 * 1024)
/* kitei.yml: a page or two in practice; a larger one is not a configuration. */
#define KITEI_MAX_CONFIG_BYTES	(1024 * 1024)
/* Documents under one policy root: far past any firm's rule family. */
#define KITEI_MAX_DOCUMENTS	20000
/* Block nesting (lists, quotes) we follow: deeper input is an error, not a stack overflow. */
#define KITEI_MAX_DEPTH		64
/*
 * Headings (sections) in one document: each becomes a section with its text
 * copied, so a file of nothing but "#" lines must not cost gigabytes.  Ten
 * times the headings of a 200,000-line document with one every nine lines.
 */
#define KITEI_MAX_SECTIONS	250000
/* The longest line: a longer one is almost surely not prose (a pasted blob). */
#define KITEI_MAX_LINE_BYTES	(64 * 1024)
/* Ids in one covers: directive, and the length of one id. */
#define KITEI_MAX_IDS		256
#define KITEI_MAX_ID_LEN	32

/*
 * Bundles kitei verify reads.  A manual gives at most four files (HTML, PDF
 * and its 新旧対照表 in both) and a policy root at most KITEI_MAX_DOCUMENTS
 * documents, so 100,000 members is far past any real bundle, while verify's
 * index (a name and a hash per member) stays within tens of megabytes.
 */
#define KITEI_MAX_BUNDLE_MEMBERS	100000
/* One member expanded (512 MiB): a manual's PDF with its fonts is megabytes. */
#define KITEI_MAX_BUNDLE_MEMBER_BYTES	536870912
/*
 * The whole bundle expanded (4 GiB): more is a zip bomb.  The sizes the zip
 * declares are summed before anything is inflated, and no member may
 * inflate past its declared size.
 */
#define KITEI_MAX_BUNDLE_BYTES		4294967296
/* A member's name: the file name limit of common file systems. */
#define KITEI_MAX_BUNDLE_NAME		255
/* SHA256SUMS: a line per member at most. */
#define KITEI_MAX_BUNDLE_SUMS_BYTES	(KITEI_MAX_BUNDLE_MEMBERS * \
	(64 + 2 + KITEI_MAX_BUNDLE_NAME + 1))

/* A limit as a string, for messages: KITEI_STR(KITEI_MAX_BUNDLE_NAME). */
#define KITEI_STR_(x)	#x
#define KITEI_STR(x)	KITEI_STR_(x)

#endif /* KITEI_LIMITS_H */
