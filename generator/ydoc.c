/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Loads YAML documents with libyaml and turns its errors into diagnostics.
 */
#include <string.h>

#include <yaml.h>

#include "diag.h"
#include "ydoc.h"

/* Loads data; see ydoc.h.  Returns 0, or -1 with a diagnostic emitted. */
int
ydoc_load(struct ydoc *y, const char *path, const char *data, size_t len,
    int line_offset, struct diag *d, int front_matter)
{
	yaml_parser_t	 parser;
	const char	*problem;
	struct pos	 pos;
	int		 rc = -1;

	memset(y, 0, sizeof(*y));
	y->path = path;
	y->line_offset = line_offset;
	if (!yaml_parser_initialize(&parser)) {
		pos.path = path;
		pos.line = pos.col = 0;
		if (front_matter)
			diag_msg(d, &pos, MSG_BAD_FRONT_MATTER_YAML_START);
		else
			diag_msg(d, &pos, MSG_BAD_CONFIG_YAML_START);
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&parser, &y->doc)) {
		yaml_mark_t m = parser.problem_mark;

		pos.path = path;
		pos.line = (int)m.line + 1 + line_offset;
		pos.col = (int)m.column + 1;
		problem = parser.problem ? parser.problem : "syntax error";
		if (front_matter)
			diag_msg(d, &pos, MSG_BAD_FRONT_MATTER_YAML, problem,
			    parser.context ? " " : "",
			    parser.context ? parser.context : "");
		else
			diag_msg(d, &pos, MSG_BAD_CONFIG_YAML, problem,
			    parser.context ? " " : "",
			    parser.context ? parser.context : "");
		goto out;
	}
	y->loaded = 1;
	rc = 0;
out:
	yaml_parser_delete(&parser);
	return rc;
}

/* Frees the node tree; accepts a never-loaded or already freed document. */
void
ydoc_free(struct ydoc *y)
{
	if (y == NULL || !y->loaded)
		return;
	yaml_document_delete(&y->doc);
	y->loaded = 0;
}

yaml_node_t *
ydoc_root(struct ydoc *y)
{
	return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

yaml_node_t *
ydoc_get(struct ydoc *y, int id)
{
	return yaml_document_get_node(&y->doc, id);
}

const char *
ydoc_str(const yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

void
ydoc_pos(struct pos *out, const struct ydoc *y, const yaml_node_t *n)
{
	out->path = y->path;
	out->line = (int)n->start_mark.line + 1 + y->line_offset;
	out->col = (int)n->start_mark.column + 1;
}
