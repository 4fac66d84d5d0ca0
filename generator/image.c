/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Images from the policy root: resolves image targets, reads and checks the
 * files (PNG, JPEG, whitelisted SVG within klimits.h), copies them beside
 * pages and decodes them for the PDF.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmark-gfm.h>
#include <git2.h>
#include <jpeglib.h>
#include <librsvg/rsvg.h>
#include <libxml/parser.h>

#include "ascii.h"
#include "image.h"
#include "klimits.h"
#include "parse.h"
#include "xalloc.h"

/* What a target is. */
enum image_target {
	IMAGE_LOCAL,		/* a file under the policy root */
	IMAGE_REMOTE,		/* http:, https: or //host: shown as text */
	IMAGE_REFUSED,		/* data: and other schemes: shown as text */
	IMAGE_BAD		/* a local target that cannot name a file */
};

/*
 * Classifies url, named from the document at docrel.  For IMAGE_LOCAL, *rel
 * gets the normalised path under the root (caller frees); for IMAGE_BAD,
 * *why says why (static).
 */
static enum image_target
image_target(const char *docrel, const char *url, char **rel, const char **why)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*p, *slash;
	char		*dec, *seg, *save, **segs = NULL;
	size_t		 n, i, nsegs = 0;
	int		 hi, lo;

	*rel = NULL;
	*why = NULL;
	if (url == NULL || *url == '\0') {
		*why = "the image has no target";
		return IMAGE_BAD;
	}
	/* A scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" (RFC 3986). */
	if (ascii_isalpha((unsigned char)url[0])) {
		for (p = url + 1; ascii_isalnum((unsigned char)*p) || *p == '+' ||
		    *p == '-' || *p == '.'; p++)
			;
		if (*p == ':') {
			n = (size_t)(p - url);
			if ((n == 4 && !ascii_strncasecmp(url, "http", 4)) ||
			    (n == 5 && !ascii_strncasecmp(url, "https", 5)))
				return IMAGE_REMOTE;
			return IMAGE_REFUSED;
		}
	}
	if (url[0] == '/' && url[1] == '/')
		return IMAGE_REMOTE;
	if (strpbrk(url, "?#\\") != NULL) {
		*why = "an image path takes no query, fragment or backslash";
		return IMAGE_BAD;
	}
	/* Percent-decoding, as a browser would read the path. */
	for (p = url; *p != '\0'; p++) {
		if (*p != '%') {
			buf_putc(&b, *p);
			continue;
		}
		hi = ascii_isxdigit((unsigned char)p[1]) ? p[1] : -1;
		lo = hi >= 0 && ascii_isxdigit((unsigned char)p[2]) ? p[2] : -1;
		if (lo < 0) {
			buf_free(&b);
			*why = "a bad percent-escape in the image path";
			return IMAGE_BAD;
		}
		hi = ascii_isdigit(hi) ? hi - '0' : (ascii_tolower(hi) - 'a' + 10);
		lo = ascii_isdigit(lo) ? lo - '0' : (ascii_tolower(lo) - 'a' + 10);
		if (hi == 0 && lo == 0) {
			buf_free(&b);
			*why = "a NUL byte in the image path";
			return IMAGE_BAD;
		}
		buf_putc(&b, (char)(hi * 16 + lo));
		p += 2;
	}
	dec = buf_steal(&b);
	if (dec == NULL || strchr(dec, '\\') != NULL) {
		free(dec);
		*why = dec == NULL ? "the image has no target" :
		    "a backslash in the image path";
		return IMAGE_BAD;
	}
	/* Relative to the document's folder; "/x" from the policy root. */
	if (dec[0] != '/' && (slash = strrchr(docrel, '/')) != NULL)
		buf_put(&b, docrel, (size_t)(slash - docrel + 1));
	buf_puts(&b, dec);
	free(dec);
	dec = buf_steal(&b);
	for (seg = strtok_r(dec, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if (!strcmp(seg, "."))
			continue;
		if (!strcmp(seg, "..")) {
			if (nsegs == 0) {
				free(segs);
				free(dec);
				*why = "the image path leaves the policy root";
				return IMAGE_BAD;
			}
			nsegs--;
			continue;
		}
		segs = xgrowarray(segs, nsegs, 1, sizeof(*segs));
		segs[nsegs++] = seg;
	}
	for (i = 0; i < nsegs; i++) {
		if (i > 0)
			buf_putc(&b, '/');
		buf_puts(&b, segs[i]);
	}
	free(segs);
	free(dec);
	if (b.len == 0) {
		buf_free(&b);
		*why = "the image path names no file";
		return IMAGE_BAD;
	}
	*rel = buf_steal(&b);
	return IMAGE_LOCAL;
}

/* ------------------------------------------------------------------ */
/* Checking the formats                                                */
/* ------------------------------------------------------------------ */

/* Cairo's PNG reader over memory. */
struct image_mem {
	const unsigned char	*p;
	size_t			 left;
};

static cairo_status_t
image_mem_read(void *arg, unsigned char *data, unsigned int len)
{
	struct image_mem	*m = arg;

	if (len > m->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, m->p, len);
	m->p += len;
	m->left -= len;
	return CAIRO_STATUS_SUCCESS;
}

/* Reads a PNG's size from its header; returns 0, or -1 with *why. */
static int
image_png_size(struct image *im, const char **why)
{
	const unsigned char	*u = (const unsigned char *)im->data;
	uint32_t		 w, h;

	if (im->len < 24 || memcmp(u + 12, "IHDR", 4) != 0) {
		*why = "a PNG without its header";
		return -1;
	}
	w = (uint32_t)u[16] << 24 | (uint32_t)u[17] << 16 | u[18] << 8 | u[19];
	h = (uint32_t)u[20] << 24 | (uint32_t)u[21] << 16 | u[22] << 8 | u[23];
	im->width = w;
	im->height = h;
	return 0;
}

/* libjpeg's error exit: back to the caller, no message printed. */
struct image_jerr {
	struct jpeg_error_mgr	 pub;
	jmp_buf			 jb;
};

static void
image_jpeg_exit(j_common_ptr cinfo)
{
	longjmp(((struct image_jerr *)cinfo->err)->jb, 1);
}

static void
image_jpeg_quiet(j_common_ptr cinfo, int level)
{
}

/*
 * Decodes a JPEG.  With size_only, reads its size into im; else returns a
 * new RGB24 surface.  Returns NULL (and for size_only, sets *why on error).
 */
static cairo_surface_t *
image_jpeg(struct image *im, int size_only, const char **why)
{
	struct jpeg_decompress_struct	 cinfo;
	struct image_jerr		 jerr;
	cairo_surface_t			*volatile s = NULL;
	unsigned char			*volatile row = NULL;
	unsigned char			*dst, *mime;
	JSAMPROW			 rp;
	uint32_t			*px;
	JDIMENSION			 x;
	int				 stride;

	*why = "a corrupt JPEG";
	cinfo.err = jpeg_std_error(&jerr.pub);
	jerr.pub.error_exit = image_jpeg_exit;
	jerr.pub.emit_message = image_jpeg_quiet;
	jpeg_create_decompress(&cinfo);
	if (setjmp(jerr.jb)) {
		jpeg_destroy_decompress(&cinfo);
		free(row);
		if (s != NULL)
			cairo_surface_destroy(s);
		return NULL;
	}
	jpeg_mem_src(&cinfo, (const unsigned char *)im->data,
	    (unsigned long)im->len);
	jpeg_read_header(&cinfo, TRUE);
	if (cinfo.jpeg_color_space == JCS_CMYK ||
	    cinfo.jpeg_color_space == JCS_YCCK) {
		*why = "a CMYK JPEG (save it as RGB)";
		jpeg_destroy_decompress(&cinfo);
		return NULL;
	}
	im->width = cinfo.image_width;
	im->height = cinfo.image_height;
	if (size_only) {
		jpeg_destroy_decompress(&cinfo);
		*why = NULL;
		return NULL;
	}
	cinfo.out_color_space = JCS_RGB;
	jpeg_start_decompress(&cinfo);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)cinfo.output_width, (int)cinfo.output_height);
	stride = cairo_image_surface_get_stride(s);
	dst = cairo_image_surface_get_data(s);
	row = xmalloc((size_t)cinfo.output_width * 3);
	while (cinfo.output_scanline < cinfo.output_height) {
		rp = row;
		jpeg_read_scanlines(&cinfo, &rp, 1);
		px = (uint32_t *)(dst + (size_t)stride *
		    (cinfo.output_scanline - 1));
		for (x = 0; x < cinfo.output_width; x++)
			px[x] = (uint32_t)row[3 * x] << 16 |
			    (uint32_t)row[3 * x + 1] << 8 | row[3 * x + 2];
	}
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	free(row);
	cairo_surface_mark_dirty(s);
	/* The PDF embeds the file itself (DCTDecode), not the pixels. */
	mime = xmalloc(im->len);
	memcpy(mime, im->data, im->len);
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, mime, im->len,
	    free, mime);
	*why = NULL;
	return s;
}

/*
 * SVG elements we accept: shapes, text, paint servers and structure.  No
 * script, style, image, a, foreignObject, animation, filter or font.
 */
static const char *const image_svg_elems[] = {
	"svg", "g", "defs", "title", "desc", "metadata", "symbol", "use",
	"path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
	"text", "tspan", "linearGradient", "radialGradient", "stop",
	"clipPath", "mask", "pattern", "marker", NULL
};

/* Attributes without a namespace we accept on them. */
static const char *const image_svg_attrs[] = {
	"id", "class", "transform", "d", "x", "y", "x1", "y1", "x2", "y2",
	"cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "width", "height",
	"points", "viewBox", "preserveAspectRatio", "version", "baseProfile",
	"fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
	"stroke-opacity", "stroke-linecap", "stroke-linejoin",
	"stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
	"opacity", "font-family", "font-size", "font-weight", "font-style",
	"font-variant", "font-stretch", "text-anchor", "dominant-baseline",
	"alignment-baseline", "baseline-shift", "letter-spacing",
	"word-spacing", "text-decoration", "writing-mode", "dx", "dy",
	"rotate", "textLength", "lengthAdjust", "gradientUnits",
	"gradientTransform", "spreadMethod", "offset", "stop-color",
	"stop-opacity", "clip-path", "clip-rule", "clipPathUnits", "mask",
	"maskUnits", "maskContentUnits", "patternUnits",
	"patternContentUnits", "patternTransform", "markerWidth",
	"markerHeight", "markerUnits", "refX", "refY", "orient",
	"marker-start", "marker-mid", "marker-end", "display", "visibility",
	"color", "overflow", "vector-effect", "shape-rendering",
	"text-rendering", "paint-order", "style", "href", NULL
};

#define IMAGE_SVG_NS	"http://www.w3.org/2000/svg"
#define IMAGE_XLINK_NS	"http://www.w3.org/1999/xlink"

/* Whether s is one of list's. */
static int
image_in(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

/* strcasestr, which POSIX lacks: the first s of needle in any case, or NULL. */
static const char *
image_strcasestr(const char *s, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; *s != '\0'; s++)
		if (!ascii_strncasecmp(s, needle, n))
			return s;
	return NULL;
}

/*
 * Whether an attribute value refers to nothing outside the file: every
 * url( is url(#…), and no CSS escape, @import or expression( hides one.
 */
static int
image_svg_value_ok(const char *v)
{
	const char	*p;

	if (strchr(v, '\\') != NULL || strchr(v, '@') != NULL ||
	    image_strcasestr(v, "expression") != NULL)
		return 0;
	for (p = v; (p = image_strcasestr(p, "url(")) != NULL; ) {
		p += 4;
		while (*p == ' ' || *p == '\t' || *p == '"' || *p == '\'')
			p++;
		if (*p != '#')
			return 0;
	}
	return 1;
}

/*
 * Checks an SVG against the whitelist, without recursion.  Returns 0, or -1
 * with *why (static).
 */
static int
image_svg_check(xmlDocPtr doc, const char **why)
{
	xmlNodePtr	 root, n;
	xmlAttrPtr	 a;
	xmlChar		*v;
	const char	*name;
	size_t		 count = 0;
	int		 ok;

	root = xmlDocGetRootElement(doc);
	if (root == NULL || root->ns == NULL || strcmp((const char *)root->name,
	    "svg") || strcmp((const char *)root->ns->href, IMAGE_SVG_NS)) {
		*why = "not an SVG document";
		return -1;
	}
	/* A DOCTYPE is fine; declarations in it (entities) are not. */
	if (doc->intSubset != NULL && doc->intSubset->children != NULL) {
		*why = "an SVG with DTD declarations";
		return -1;
	}
	for (n = root; n != NULL; ) {
		if (++count > KITEI_MAX_SVG_NODES) {
			*why = "an SVG with too many elements";
			return -1;
		}
		switch (n->type) {
		case XML_ELEMENT_NODE:
			name = (const char *)n->name;
			if (n->ns == NULL || strcmp((const char *)n->ns->href,
			    IMAGE_SVG_NS) || !image_in(name, image_svg_elems)) {
				*why = "an SVG with an element kitei does not "
				    "accept (script, style, image, a, "
				    "foreignObject, animation, filter or one "
				    "from another namespace)";
				return -1;
			}
			for (a = n->properties; a != NULL; a = a->next) {
				name = (const char *)a->name;
				if (a->ns == NULL)
					ok = image_in(name, image_svg_attrs);
				else if (!strcmp((const char *)a->ns->href,
				    IMAGE_XLINK_NS))
					ok = !strcmp(name, "href");
				else
					ok = a->ns->prefix != NULL &&
					    !strcmp((const char *)a->ns->prefix,
					    "xml") && (!strcmp(name, "space") ||
					    !strcmp(name, "lang"));
				if (!ok) {
					*why = "an SVG with an attribute kitei "
					    "does not accept (event handlers "
					    "and the like)";
					return -1;
				}
				v = xmlNodeListGetString(doc, a->children, 1);
				ok = v == NULL || (!strcmp(name, "href") ?
				    v[0] == '#' && strpbrk((const char *)v,
				    ":/") == NULL :
				    image_svg_value_ok((const char *)v));
				xmlFree(v);
				if (!ok) {
					*why = "an SVG referring to something "
					    "outside itself";
					return -1;
				}
			}
			/* Metadata is not drawn: its contents go unread. */
			if (strcmp((const char *)n->name, "metadata") &&
			    n->children != NULL) {
				n = n->children;
				continue;
			}
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
		case XML_COMMENT_NODE:
			break;
		default:
			*why = "an SVG with processing instructions or entities";
			return -1;
		}
		while (n != NULL && n->next == NULL && n != root)
			n = n->parent;
		n = n == NULL || n == root ? NULL : n->next;
	}
	return 0;
}

/* A librsvg handle over im's bytes, without a base: nothing outside is read. */
static RsvgHandle *
image_svg_handle(const struct image *im)
{
	GInputStream	*in;
	RsvgHandle	*h;

	in = g_memory_input_stream_new_from_data(im->data, (gssize)im->len, NULL);
	h = rsvg_handle_new_from_stream_sync(in, NULL, RSVG_HANDLE_FLAGS_NONE,
	    NULL, NULL);
	g_object_unref(in);
	return h;
}

/* Checks an SVG and reads its size.  Returns 0, or -1 with *why. */
static int
image_svg(struct image *im, const char **why)
{
	xmlDocPtr	 doc;
	RsvgHandle	*h;
	gboolean	 hw, hh, hv;
	RsvgLength	 lw, lh;
	RsvgRectangle	 vb;
	double		 w, ht;
	int		 rc;

	if (im->len > INT32_MAX || (doc = xmlReadMemory(im->data, (int)im->len,
	    NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)) == NULL) {
		*why = "an SVG that is not well-formed XML";
		return -1;
	}
	rc = image_svg_check(doc, why);
	xmlFreeDoc(doc);
	if (rc < 0)
		return -1;
	if ((h = image_svg_handle(im)) == NULL) {
		*why = "an SVG librsvg cannot read";
		return -1;
	}
	if (rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &ht)) {
		im->width = w;
		im->height = ht;
	} else {
		rsvg_handle_get_intrinsic_dimensions(h, &hw, &lw, &hh, &lh,
		    &hv, &vb);
		im->width = hv ? vb.width : 0;
		im->height = hv ? vb.height : 0;
	}
	g_object_unref(h);
	if (!(im->width > 0) || !(im->height > 0)) {
		*why = "an SVG without a size (give width and height or a viewBox)";
		return -1;
	}
	return 0;
}

/* Decides im's kind by its first bytes and checks it.  Sets im->error. */
static void
image_check(struct image *im)
{
	const unsigned char	*u = (const unsigned char *)im->data;
	cairo_surface_t		*s;
	struct image_mem	 m;
	const char		*why = NULL, *p, *ext;
	char			 hex[GIT_OID_HEXSZ + 1];
	git_oid			 oid;
	size_t			 i;

	if (im->len > KITEI_MAX_IMAGE_BYTES) {
		why = "an image file over the size limit";
		goto out;
	}
	if (im->len >= 8 && !memcmp(u, "\x89PNG\r\n\x1a\n", 8)) {
		im->kind = IMAGE_PNG;
		ext = "png";
		if (image_png_size(im, &why) < 0)
			goto out;
	} else if (im->len >= 3 && u[0] == 0xff && u[1] == 0xd8 && u[2] == 0xff) {
		im->kind = IMAGE_JPEG;
		ext = "jpg";
		if ((s = image_jpeg(im, 1, &why)) != NULL)
			cairo_surface_destroy(s);
		if (why != NULL)
			goto out;
	} else {
		/* SVG: text whose first tag, after a BOM, declarations and comments, is <svg. */
		for (i = 0; i < im->len; i++)
			if (im->data[i] == '\0')
				break;
		p = strstr(im->data, "<svg");
		if (i < im->len || p == NULL || p - im->data > 4096) {
			why = "not a PNG, JPEG or SVG file";
			goto out;
		}
		im->kind = IMAGE_SVG;
		ext = "svg";
		if (image_svg(im, &why) < 0)
			goto out;
	}
	if (im->width < 1 || im->height < 1 ||
	    im->width > KITEI_MAX_IMAGE_SIDE || im->height > KITEI_MAX_IMAGE_SIDE ||
	    im->width * im->height > KITEI_MAX_IMAGE_PIXELS) {
		why = "an image over the pixel limit";
		goto out;
	}
	/* The size is known to be sane: decode it all, to find corrupt files now. */
	if (im->kind == IMAGE_PNG) {
		m.p = u;
		m.left = im->len;
		s = cairo_image_surface_create_from_png_stream(image_mem_read, &m);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
			why = "a corrupt PNG";
		cairo_surface_destroy(s);
	} else if (im->kind == IMAGE_JPEG) {
		if ((s = image_jpeg(im, 0, &why)) != NULL)
			cairo_surface_destroy(s);
	}
	if (why != NULL)
		goto out;
	git_odb_hash(&oid, im->data, im->len, GIT_OBJECT_BLOB);
	git_oid_tostr(hex, sizeof(hex), &oid);
	xasprintf(&im->key, "%.16s.%s", hex, ext);
out:
	if (why != NULL)
		im->error = xstrdup(why);
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

/* The entry for rel, or NULL. */
static struct image *
image_lookup(const struct images *t, const char *rel)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].rel, rel))
			return &t->v[i];
	return NULL;
}

/* Reads rel into a new entry of t and checks it. */
static struct image *
image_add(struct images *t, const struct sources *src, const char *rel,
    struct diag *d)
{
	struct image	*im;
	int		 rc;

	t->v = xgrowarray(t->v, t->n, 1, sizeof(*t->v));
	im = &t->v[t->n++];
	memset(im, 0, sizeof(*im));
	im->rel = xstrdup(rel);
	/* sources_read refuses "..": a name like "a..b.png" would be fatal there. */
	if (strstr(rel, "..") != NULL)
		im->error = xstrdup("an image path with \"..\" in a name");
	else if ((rc = sources_read(src, rel, &im->data, &im->len, d)) ==
	    KITEI_ENOTFOUND)
		xasprintf(&im->error, "no file %s%s", rel, src->worktree ?
		    " in the working tree" : " at this revision");
	else if (rc < 0)
		im->error = xstrdup("the image file cannot be read");
	else
		image_check(im);
	return im;
}

struct images *
images_load(const struct sources *src, const struct model *m, struct diag *d)
{
	struct images		*t = xcalloc(1, sizeof(*t));
	const struct model_doc	*md;
	const struct image	*im;
	cmark_iter		*it;
	cmark_node		*n;
	struct pos		 pos;
	const char		*why, *url;
	char			*rel;
	size_t			 i;

	for (i = 0; i < m->ndocs; i++) {
		md = &m->docs[i];
		if (md->parsed->root == NULL)
			continue;
		it = cmark_iter_new(md->parsed->root);
		while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
			n = cmark_iter_get_node(it);
			if (cmark_node_get_type(n) != CMARK_NODE_IMAGE ||
			    cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER)
				continue;
			pos.path = md->path;
			pos.line = cmark_node_get_start_line(n);
			pos.col = parse_column(md->parsed, pos.line,
			    cmark_node_get_start_column(n));
			url = cmark_node_get_url(n);
			switch (image_target(md->parsed->src->rel, url, &rel, &why)) {
			case IMAGE_REMOTE:
				continue;
			case IMAGE_REFUSED:
				/* An unsafe one has its unsafe-link warning already. */
				if (!parse_url_safe(url))
					continue;
				diag_msg(d, &pos, MSG_IMAGE_NOT_EMBEDDED);
				continue;
			case IMAGE_BAD:
				diag_msg(d, &pos, MSG_BAD_IMAGE_WHY, why);
				continue;
			case IMAGE_LOCAL:
				break;
			}
			if ((im = image_lookup(t, rel)) == NULL)
				im = image_add(t, src, rel, d);
			if (im->error != NULL)
				diag_msg(d, &pos, MSG_BAD_IMAGE_WHAT_WHY, rel,
				    im->error);
			free(rel);
		}
		cmark_iter_free(it);
	}
	return t;
}

void
images_free(struct images *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		free(t->v[i].rel);
		free(t->v[i].key);
		free(t->v[i].data);
		free(t->v[i].error);
	}
	free(t->v);
	free(t);
}

const struct image *
images_resolve(const struct images *t, const char *docrel, const char *url)
{
	const struct image	*im;
	const char		*why;
	char			*rel;

	if (t == NULL || image_target(docrel, url, &rel, &why) != IMAGE_LOCAL)
		return NULL;
	im = image_lookup(t, rel);
	free(rel);
	return im != NULL && im->error == NULL ? im : NULL;
}

const struct image *
images_find(const struct images *t, const char *key)
{
	size_t	 i;

	for (i = 0; t != NULL && i < t->n; i++)
		if (t->v[i].error == NULL && !strcmp(t->v[i].key, key))
			return &t->v[i];
	return NULL;
}

/* Writes im as dir/img/<key>; returns 0, or -1 with a fatal diagnostic. */
static int
image_write_one(const struct image *im, const char *dir, struct diag *d)
{
	struct pos	 pos;
	FILE		*f;
	char		*path;
	int		 rc = 0;

	xasprintf(&path, "%s/img", dir);
	if (mkdir(path, 0777) < 0 && errno != EEXIST)
		rc = -1;
	free(path);
	xasprintf(&path, "%s/img/%s", dir, im->key);
	if (rc == 0 && (f = fopen(path, "wb")) != NULL) {
		if (fwrite(im->data, 1, im->len, f) != im->len)
			rc = -1;
		if (fclose(f) != 0)
			rc = -1;
	} else
		rc = -1;
	if (rc < 0) {
		memset(&pos, 0, sizeof(pos));
		pos.path = path;
		diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
	}
	free(path);
	return rc;
}

int
images_write(const struct images *t, xmlDocPtr doc, const char *dir,
    struct diag *d)
{
	const struct image	*im;
	xmlNodePtr		 root, n;
	xmlChar			*src;
	int			 rc = 0;

	root = xmlDocGetRootElement(doc);
	for (n = root; n != NULL && rc == 0; ) {
		if (n->type == XML_ELEMENT_NODE &&
		    !strcmp((const char *)n->name, "image") &&
		    (src = xmlGetProp(n, (const xmlChar *)"src")) != NULL) {
			if (!strncmp((const char *)src, "img/", 4) &&
			    (im = images_find(t, (const char *)src + 4)) != NULL)
				rc = image_write_one(im, dir, d);
			xmlFree(src);
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL && n != root)
			n = n->parent;
		n = n == NULL || n == root ? NULL : n->next;
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */
/* ------------------------------------------------------------------ */

cairo_surface_t *
image_surface(const struct image *im)
{
	struct image		 copy = *im;
	struct image_mem	 m;
	cairo_surface_t		*s;
	const char		*why;

	if (im->kind == IMAGE_JPEG)
		return image_jpeg(&copy, 0, &why);
	if (im->kind != IMAGE_PNG)
		return NULL;
	m.p = (const unsigned char *)im->data;
	m.left = im->len;
	s = cairo_image_surface_create_from_png_stream(image_mem_read, &m);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return NULL;
	}
	return s;
}

int
image_draw(const struct image *im, cairo_t *cr, double x, double y,
    double w, double h)
{
	cairo_surface_t	*s;
	RsvgHandle	*hd;
	RsvgRectangle	 vp;
	int		 rc = 0;

	cairo_save(cr);
	if (im->kind == IMAGE_SVG) {
		vp.x = x;
		vp.y = y;
		vp.width = w;
		vp.height = h;
		if ((hd = image_svg_handle(im)) == NULL ||
		    !rsvg_handle_render_document(hd, cr, &vp, NULL))
			rc = -1;
		if (hd != NULL)
			g_object_unref(hd);
	} else if ((s = image_surface(im)) != NULL) {
		cairo_translate(cr, x, y);
		cairo_scale(cr, w / cairo_image_surface_get_width(s),
		    h / cairo_image_surface_get_height(s));
		cairo_set_source_surface(cr, s, 0, 0);
		cairo_pattern_set_filter(cairo_get_source(cr),
		    CAIRO_FILTER_GOOD);
		cairo_paint(cr);
		cairo_surface_destroy(s);
	} else
		rc = -1;
	cairo_restore(cr);
	return rc;
}
