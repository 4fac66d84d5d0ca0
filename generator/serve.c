/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * kitei serve: builds the working tree into a temporary folder of its own
 * (kitei build --worktree in a child process, so a preview is exactly what
 * build makes), serves it on the loopback address with libmicrohttpd,
 * watches the policy root with inotify, rebuilds after a change and tells
 * open pages to reload through Server-Sent Events.  What serve adds to a
 * page (a reload script, a findings panel and their style) exists only in
 * its responses, never in a build's files, and the Content-Security-Policy
 * it sends allows exactly that script and style (by hash).
 */
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gcrypt.h>
#include <libxml/xmlreader.h>
#include <microhttpd.h>

#include "diag.h"
#include "publish.h"
#include "ascii.h"
#include "serve.h"
#include "xalloc.h"

extern char **environ;

/* Quiet time after the last change before a rebuild starts, in ms. */
#define SERVE_DEBOUNCE_MS	50
/* Idle SSE connections get a comment this often (proxies, dead peers). */
#define SERVE_KEEPALIVE_S	15
/* The largest page serve injects into; bigger pages go out as they are. */
#define SERVE_MAX_PAGE		(256L * 1024 * 1024)
/* The findings the panel lists; the rest are counted. */
#define SERVE_MAX_FINDINGS	200
/* Simultaneous connections (each holds a thread). */
#define SERVE_MAX_CONNECTIONS	64

/* The URL of the reload events. */
#define SERVE_EVENTS		"/_kitei/events"

/*
 * The one script a served page runs: reload when the server's generation
 * is not the page's.  Constant, so that the CSP can name its hash.
 */
static const char serve_script[] =
"(function(){var m=document.querySelector('meta[name=\"kitei-serve-generation\"]');"
"var g=m?m.getAttribute('content'):'';"
"var s=new EventSource('" SERVE_EVENTS "');"
"s.addEventListener('generation',function(e){if(e.data!==g){s.close();location.reload();}});"
"})();";

/* The panel's style, constant for the same reason. */
static const char serve_style[] =
".kitei-serve{position:fixed;right:1em;bottom:1em;z-index:1000;max-width:42em;"
"max-height:45vh;overflow:auto;background:#fff;color:#111;border:2px solid #333;"
"border-radius:4px;padding:.4em .8em;font:14px/1.5 sans-serif;"
"box-shadow:0 2px 8px rgba(0,0,0,.3)}"
".kitei-serve summary{cursor:pointer;font-weight:bold}"
".kitei-serve ul{margin:.3em 0;padding-left:1.2em}"
".kitei-serve .kitei-serve-error{color:#a00000}"
".kitei-serve .kitei-serve-warning{color:#7a4a00}"
".kitei-serve a{color:#0645ad}"
"@media print{.kitei-serve{display:none}}";

/* A finding of the last build, from its standard error. */
struct serve_finding {
	char		*path;		/* relative to the repository, or NULL */
	int		 line;		/* 0: whole file */
	char		*level;		/* "error", "warning", "note", or NULL */
	char		*text;		/* the line as kitei printed it */
	char		*href;		/* where it points in the preview, or NULL */
};

/* A section of a manual: the line of its heading and its address. */
struct serve_anchor {
	char		*path;		/* the document, relative to the repository */
	int		 line;		/* 0: the chapter itself */
	char		*href;		/* "/manuals/ID.html#ANCHOR" */
};

/* A watched folder. */
struct serve_watch {
	int		 wd;
	char		*path;
};

/* The server's state. */
struct serve {
	/* Set before the threads start, then read-only. */
	char		*exe;		/* this executable */
	char		*tmp;		/* the temporary folder serve owns */
	char		*html;		/* tmp/html: the build's output */
	char		*pdf;		/* tmp/pdf: the PDF build's output */
	char		*log;		/* tmp/html.log: the build's stderr */
	char		*pdflog;	/* tmp/pdf.log */
	char		*csp;		/* Content-Security-Policy of a page */
	const char	*today;		/* --today, or NULL */
	unsigned	 port;
	sigset_t	 oldmask;	/* the mask to give children */
	int		 wake[2];	/* HTTP threads wake the main loop */

	/* Shared with the HTTP threads, under lock. */
	pthread_mutex_t	 lock;
	pthread_cond_t	 cond;
	unsigned long	 gen;		/* builds finished */
	unsigned long	 pdf_gen;	/* the build the PDFs in pdf belong to */
	int		 pdf_wanted;	/* someone asked for a PDF */
	int		 stopping;
	char		*panel;		/* the findings panel's HTML */

	/* The main loop's own. */
	pid_t		 build_pid;
	pid_t		 pdf_pid;
	unsigned long	 pdf_for;	/* gen the running PDF build is for */
	int		 dirty;		/* a change since the last build began */
	long long	 dirty_at;	/* ms of the last change */
	int		 ino;		/* inotify */
	struct serve_watch *watches;
	size_t		 nwatches;
};

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

/* Milliseconds on the monotonic clock. */
static long long
serve_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Appends s to b with &, <, >, " and ' escaped for HTML. */
static void
serve_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s); break;
		}
}

/* Appends 'sha256-BASE64' of s to b (a CSP source). */
static void
serve_hash(struct buf *b, const char *s)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned char	 h[33];
	size_t		 i;
	unsigned	 v;

	gcry_md_hash_buffer(GCRY_MD_SHA256, h, s, strlen(s));
	h[32] = 0;
	buf_puts(b, "'sha256-");
	for (i = 0; i < 32; i += 3) {
		v = (unsigned)h[i] << 16 | (unsigned)h[i + 1] << 8 |
		    (i + 2 < 32 ? h[i + 2] : 0);
		buf_putc(b, b64[v >> 18 & 63]);
		buf_putc(b, b64[v >> 12 & 63]);
		buf_putc(b, i + 1 < 32 ? b64[v >> 6 & 63] : '=');
		buf_putc(b, i + 2 < 32 ? b64[v & 63] : '=');
	}
	buf_putc(b, '\'');
}

/* Whether port text v is digits only, 0 to 65535. */
int
serve_valid_port(const char *v)
{
	unsigned long	 n = 0;

	if (*v == '\0' || strlen(v) > 5)
		return 0;
	for (; *v != '\0'; v++) {
		if (*v < '0' || *v > '9')
			return 0;
		n = n * 10 + (unsigned long)(*v - '0');
	}
	return n <= SERVE_PORT_MAX;
}

/* ------------------------------------------------------------------ */
/* Findings and the panel                                              */
/* ------------------------------------------------------------------ */

/* Frees an array of findings. */
static void
serve_findings_free(struct serve_finding *f, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(f[i].path);
		free(f[i].level);
		free(f[i].text);
		free(f[i].href);
	}
	free(f);
}

/*
 * Reads one line kitei printed ("path:line:col: level: message [rule]" or
 * "kitei: level: …") into f.  A line of another shape is kept as text.
 */
static void
serve_finding_parse(struct serve_finding *f, const char *line)
{
	static const char *const levels[] = { "error", "warning", "note" };
	const char	*at = NULL, *p, *end;
	size_t		 i, k;
	char		 probe[16];

	memset(f, 0, sizeof(*f));
	f->text = xstrdup(line);
	for (k = 0; k < 3; k++) {
		snprintf(probe, sizeof(probe), ": %s: ", levels[k]);
		if ((p = strstr(line, probe)) != NULL && (at == NULL || p < at)) {
			at = p;
			i = k;
		}
	}
	if (at == NULL)
		return;
	f->level = xstrdup(levels[i]);
	if ((size_t)(at - line) == 5 && !strncmp(line, "kitei", 5))
		return;
	/* Up to two trailing ":digits" are the line and column. */
	end = at;
	for (k = 0; k < 2; k++) {
		p = end;
		while (p > line && p[-1] >= '0' && p[-1] <= '9')
			p--;
		if (p == end || p == line || p[-1] != ':')
			break;
		f->line = atoi(p);
		end = p - 1;
	}
	f->path = xstrndup(line, (size_t)(end - line));
}

/* Orders anchors by path, then line. */
static int
serve_anchor_cmp(const void *a, const void *b)
{
	const struct serve_anchor *x = a, *y = b;
	int		 c = strcmp(x->path, y->path);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

/*
 * Reads the chapters and sections of one manual's XML (written by
 * --emit-xml) into *a, streaming.  The manual's id is the file's stem.
 */
static void
serve_anchors_read(struct serve_anchor **a, size_t *n, const char *file,
    const char *id)
{
	xmlTextReaderPtr r;
	const xmlChar	*name;
	xmlChar		*path = NULL, *v, *line;
	int		 rc;

	if ((r = xmlReaderForFile(file, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) == NULL)
		return;
	while ((rc = xmlTextReaderRead(r)) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		name = xmlTextReaderConstLocalName(r);
		if (name == NULL || (xmlStrcmp(name, BAD_CAST "chapter") &&
		    xmlStrcmp(name, BAD_CAST "section")))
			continue;
		if (!xmlStrcmp(name, BAD_CAST "chapter")) {
			xmlFree(path);
			path = xmlTextReaderGetAttribute(r, BAD_CAST "path");
		}
		if (path == NULL || (v = xmlTextReaderGetAttribute(r,
		    BAD_CAST "id")) == NULL)
			continue;
		line = xmlTextReaderGetAttribute(r, BAD_CAST "line");
		*a = xgrowarray(*a, *n, 1, sizeof(**a));
		(*a)[*n].path = xstrdup((const char *)path);
		(*a)[*n].line = line != NULL ? atoi((const char *)line) : 0;
		xasprintf(&(*a)[*n].href, "/manuals/%s.html#%s", id,
		    (const char *)v);
		(*n)++;
		xmlFree(line);
		xmlFree(v);
	}
	xmlFree(path);
	xmlFreeTextReader(r);
}

/*
 * Gives each finding with a path the address of the innermost section of
 * the preview holding its line (the chapter when it comes before the first
 * heading); a finding about coverage points at the matrix.
 */
static void
serve_findings_link(const struct serve *s, struct serve_finding *f, size_t n)
{
	struct serve_anchor *a = NULL;
	size_t		 na = 0, i, j;
	DIR		*dir;
	struct dirent	*e;
	char		*mdir, *file, *id;
	int		 need = 0;
	const char	*best;

	for (i = 0; i < n; i++) {
		if (f[i].path != NULL)
			need = 1;
		else if (f[i].level != NULL && strstr(f[i].text,
		    "[missing-coverage]") != NULL)
			f[i].href = xstrdup("/coverage.html");
	}
	if (!need)
		return;
	xasprintf(&mdir, "%s/manuals", s->html);
	if ((dir = opendir(mdir)) != NULL) {
		while ((e = readdir(dir)) != NULL) {
			size_t len = strlen(e->d_name);

			if (len < 5 || e->d_name[0] == '.' ||
			    strcmp(e->d_name + len - 4, ".xml"))
				continue;
			id = xstrndup(e->d_name, len - 4);
			xasprintf(&file, "%s/%s", mdir, e->d_name);
			serve_anchors_read(&a, &na, file, id);
			free(file);
			free(id);
		}
		closedir(dir);
	}
	free(mdir);
	if (na > 0)
		qsort(a, na, sizeof(*a), serve_anchor_cmp);
	/*
	 * Binary search for the last anchor at or before the finding's line:
	 * a large root has thousands of findings and of sections.
	 */
	for (i = 0; i < n; i++) {
		size_t lo = 0, hi = na, mid;
		int c;

		if (f[i].path == NULL)
			continue;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			c = strcmp(a[mid].path, f[i].path);
			if (c < 0 || (c == 0 && a[mid].line <= f[i].line))
				lo = mid + 1;
			else
				hi = mid;
		}
		best = NULL;
		if (lo > 0 && !strcmp(a[lo - 1].path, f[i].path))
			best = a[lo - 1].href;
		else if (lo < na && !strcmp(a[lo].path, f[i].path))
			best = a[lo].href;	/* before the chapter's line */
		if (best != NULL)
			f[i].href = xstrdup(best);
	}
	for (j = 0; j < na; j++) {
		free(a[j].path);
		free(a[j].href);
	}
	free(a);
}

/*
 * Makes the panel's HTML from the build's log (its standard error) and its
 * exit status.  Returns a new string.
 */
static char *
serve_panel_make(const struct serve *s, int status, const char *log)
{
	struct buf		 b = { NULL, 0, 0 };
	struct serve_finding	*f = NULL;
	size_t			 n = 0, i, errors = 0, warnings = 0;
	const char		*p, *nl;
	char			*line, *mdir;
	DIR			*dir;
	struct dirent		*e;

	for (p = log; p != NULL && *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		if (nl > p && strncmp(p, "wrote ", 6) != 0) {
			line = xstrndup(p, (size_t)(nl - p));
			f = xgrowarray(f, n, 1, sizeof(*f));
			serve_finding_parse(&f[n], line);
			free(line);
			if (f[n].level != NULL && !strcmp(f[n].level, "error"))
				errors++;
			else if (f[n].level != NULL &&
			    !strcmp(f[n].level, "warning"))
				warnings++;
			n++;
		}
		if (*nl == '\0')
			break;
	}
	serve_findings_link(s, f, n);
	buf_printf(&b, "<aside class=\"kitei-serve\" aria-label=\"プレビュー\">"
	    "<details%s><summary>プレビュー（未コミット）: ", errors > 0 ||
	    status > 1 ? " open" : "");
	if (status > 1)
		buf_puts(&b, "ビルドできませんでした（前回の結果を表示中）");
	else if (n == 0)
		buf_puts(&b, "検出事項なし");
	else
		buf_printf(&b, "エラー %zu 件・警告 %zu 件", errors, warnings);
	buf_puts(&b, "</summary>");
	if (n > 0)
		buf_puts(&b, "<ul class=\"kitei-serve-findings\">");
	for (i = 0; i < n && i < SERVE_MAX_FINDINGS; i++) {
		buf_printf(&b, "<li class=\"kitei-serve-%s\">",
		    f[i].level != NULL ? f[i].level : "other");
		if (f[i].href != NULL) {
			buf_puts(&b, "<a href=\"");
			serve_escape(&b, f[i].href);
			buf_puts(&b, "\">");
		}
		serve_escape(&b, f[i].text);
		if (f[i].href != NULL)
			buf_puts(&b, "</a>");
		buf_puts(&b, "</li>");
	}
	if (n > SERVE_MAX_FINDINGS)
		buf_printf(&b, "<li>… ほか %zu 件</li>", n - SERVE_MAX_FINDINGS);
	if (n > 0)
		buf_puts(&b, "</ul>");
	/* PDFs are not linked from the pages: the panel links them. */
	xasprintf(&mdir, "%s/manuals", s->html);
	if ((dir = opendir(mdir)) != NULL) {
		int first = 1;

		while ((e = readdir(dir)) != NULL) {
			size_t len = strlen(e->d_name);

			if (len < 6 || e->d_name[0] == '.' ||
			    strcmp(e->d_name + len - 5, ".html"))
				continue;
			buf_puts(&b, first ? "<p>PDF（要求時に作成）: " : "　");
			first = 0;
			buf_puts(&b, "<a href=\"/manuals/");
			serve_escape(&b, e->d_name);
			b.len -= 5;
			buf_puts(&b, ".pdf\">");
			serve_escape(&b, e->d_name);
			b.len -= 5;
			buf_puts(&b, ".pdf</a>");
		}
		if (!first)
			buf_puts(&b, "</p>");
		closedir(dir);
	}
	free(mdir);
	buf_puts(&b, "</details></aside>");
	serve_findings_free(f, n);
	return buf_steal(&b);
}

/* Reads a whole small file; returns a new string or NULL. */
static char *
serve_slurp(const char *path, size_t max)
{
	struct buf	 b = { NULL, 0, 0 };
	char		 chunk[8192];
	ssize_t		 r;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	while ((r = read(fd, chunk, sizeof(chunk))) > 0 && b.len < max)
		buf_put(&b, chunk, (size_t)r);
	close(fd);
	buf_putc(&b, '\0');
	return buf_steal(&b);
}

/* ------------------------------------------------------------------ */
/* HTTP                                                                */
/* ------------------------------------------------------------------ */

/* One SSE stream: the generation it last announced. */
struct serve_stream {
	struct serve	*s;
	unsigned long	 sent;
	int		 hello;		/* the retry line went out */
};

/*
 * Writes the next piece of an SSE stream: the generation when it changed
 * (at once on connecting), else a comment every SERVE_KEEPALIVE_S.
 * Blocks in between (thread-per-connection).
 */
static ssize_t
serve_stream_read(void *cls, uint64_t pos, char *out, size_t max)
{
	struct serve_stream *st = cls;
	struct serve	*s = st->s;
	struct timespec	 until;
	int		 n = 0;

	pthread_mutex_lock(&s->lock);
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += SERVE_KEEPALIVE_S;
	while (!s->stopping && st->hello && st->sent == s->gen)
		if (pthread_cond_timedwait(&s->cond, &s->lock, &until) ==
		    ETIMEDOUT)
			break;
	if (s->stopping)
		n = -1;
	else if (!st->hello || st->sent != s->gen) {
		n = snprintf(out, max, "%sevent: generation\ndata: %lu\n\n",
		    st->hello ? "" : "retry: 500\n", s->gen);
		st->sent = s->gen;
		st->hello = 1;
	} else
		n = snprintf(out, max, ": keep-alive\n\n");
	pthread_mutex_unlock(&s->lock);
	if (n < 0)
		return MHD_CONTENT_READER_END_OF_STREAM;
	return n < (int)max ? n : (ssize_t)max;
}

/* Adds the headers every response of serve carries. */
static void
serve_headers(struct MHD_Response *r, const char *type)
{
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Cross-Origin-Resource-Policy",
	    "same-origin");
}

/* Queues a short text response with the given status. */
static enum MHD_Result
serve_text(struct MHD_Connection *c, unsigned status, const char *text,
    int refresh)
{
	struct MHD_Response *r;
	enum MHD_Result	 rc;

	r = MHD_create_response_from_buffer(strlen(text), (void *)text,
	    MHD_RESPMEM_MUST_COPY);
	serve_headers(r, "text/plain; charset=utf-8");
	MHD_add_response_header(r, "Content-Security-Policy",
	    "default-src 'none'");
	if (refresh) {
		MHD_add_response_header(r, "Refresh", "2");
		MHD_add_response_header(r, "Retry-After", "2");
	}
	rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

/* The media type for a file name. */
static const char *
serve_type(const char *name)
{
	static const char *const types[][2] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".json", "application/json" },
		{ ".csv", "text/csv; charset=utf-8" },
		{ ".xml", "application/xml" },
		{ ".pdf", "application/pdf" },
		{ ".png", "image/png" },
		{ ".jpg", "image/jpeg" },
		{ ".jpeg", "image/jpeg" },
		{ ".svg", "image/svg+xml" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".woff2", "font/woff2" },
	};
	size_t	 i, n = strlen(name), k;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		k = strlen(types[i][0]);
		if (n > k && !ascii_strcasecmp(name + n - k, types[i][0]))
			return types[i][1];
	}
	return "application/octet-stream";
}

/*
 * Checks a request path (already percent-decoded by libmicrohttpd) and
 * opens the file it names under base without following any symbolic link.
 * Returns an open descriptor of a regular file, -403 for a path that tries
 * to leave or hide (".", "..", a dot-file, a backslash, a control
 * character), or -404.
 */
static int
serve_open(const char *base, const char *url)
{
	char		 seg[NAME_MAX + 1];
	const char	*p, *q;
	size_t		 len;
	int		 dfd, fd;
	struct stat	 st;

	if (url[0] != '/')
		return -403;
	for (p = url; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
			return -403;
	if ((dfd = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -404;
	for (p = url + 1; ; p = q + 1) {
		if ((q = strchr(p, '/')) == NULL)
			q = p + strlen(p);
		len = (size_t)(q - p);
		if (len == 0 && *q == '\0') {
			/* A folder: its index page. */
			memcpy(seg, "index.html", 11);
		} else if (len == 0) {
			close(dfd);
			return -403;
		} else {
			if (len > NAME_MAX || p[0] == '.') {
				close(dfd);
				return -403;
			}
			memcpy(seg, p, len);
			seg[len] = '\0';
		}
		if (*q == '\0')
			break;
		fd = openat(dfd, seg, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		close(dfd);
		if (fd < 0)
			return -404;
		dfd = fd;
	}
	fd = openat(dfd, seg, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	close(dfd);
	if (fd < 0)
		return -404;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -404;
	}
	return fd;
}

/*
 * Sends an HTML page with serve's additions: the generation, the style
 * and the script in the head, the findings panel before </body>.
 */
static enum MHD_Result
serve_page(struct serve *s, struct MHD_Connection *c, int fd,
    unsigned status)
{
	struct MHD_Response *r;
	struct buf	 b = { NULL, 0, 0 };
	struct stat	 st;
	char		*page = NULL, *panel, *at;
	size_t		 len = 0, head, body;
	ssize_t		 got;
	unsigned long	 gen;
	enum MHD_Result	 rc;

	if (fd >= 0) {
		if (fstat(fd, &st) < 0 || st.st_size > SERVE_MAX_PAGE) {
			close(fd);
			return serve_text(c, 500, "page too large\n", 0);
		}
		page = xmalloc((size_t)st.st_size + 1);
		while (len < (size_t)st.st_size && (got = read(fd, page + len,
		    (size_t)st.st_size - len)) > 0)
			len += (size_t)got;
		page[len] = '\0';
		close(fd);
	} else {
		page = xstrdup("<!DOCTYPE html>\n<html lang=\"ja\"><head>"
		    "<meta charset=\"utf-8\"><title>kitei serve</title></head>"
		    "<body><p>まだページがありません: 下の検出事項を直すと表示され"
		    "ます。</p></body></html>\n");
		len = strlen(page);
	}
	pthread_mutex_lock(&s->lock);
	gen = s->gen;
	panel = xstrdup(s->panel != NULL ? s->panel : "");
	pthread_mutex_unlock(&s->lock);
	head = (at = strstr(page, "</head>")) != NULL ? (size_t)(at - page) : 0;
	body = len;
	for (at = page + len; at - page >= (ptrdiff_t)(head + 7); at--)
		if (!strncmp(at, "</body>", 7)) {
			body = (size_t)(at - page);
			break;
		}
	buf_put(&b, page, head);
	buf_printf(&b, "<meta name=\"kitei-serve-generation\" content=\"%lu\">"
	    "<style>%s</style><script>%s</script>", gen, serve_style,
	    serve_script);
	buf_put(&b, page + head, body - head);
	buf_puts(&b, panel);
	buf_put(&b, page + body, len - body);
	free(page);
	free(panel);
	len = b.len;
	r = MHD_create_response_from_buffer(len, buf_steal(&b),
	    MHD_RESPMEM_MUST_FREE);
	serve_headers(r, "text/html; charset=utf-8");
	MHD_add_response_header(r, "Content-Security-Policy", s->csp);
	rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

/*
 * Percent-decodes a request path in place, as libmicrohttpd would, except
 * that an encoded NUL or a malformed escape becomes a control character,
 * which serve_open refuses: "policy.html%00.css" must not be policy.html.
 * Returns the new length.
 */
static size_t
serve_unescape(void *cls, struct MHD_Connection *c, char *s)
{
	char		*w = s, hex[3];
	const char	*r;
	unsigned long	 v;

	for (r = s; *r != '\0'; r++, w++) {
		if (*r != '%') {
			*w = *r;
			continue;
		}
		if (r[1] == '\0' || r[2] == '\0' || !ascii_isxdigit((unsigned char)r[1]) ||
		    !ascii_isxdigit((unsigned char)r[2])) {
			*w = '\x01';
			continue;
		}
		hex[0] = r[1];
		hex[1] = r[2];
		hex[2] = '\0';
		v = strtoul(hex, NULL, 16);
		*w = v == 0 ? '\x01' : (char)v;
		r += 2;
	}
	*w = '\0';
	return (size_t)(w - s);
}

/* Whether the Host header names this server (no DNS rebinding). */
static int
serve_host_ok(const struct serve *s, struct MHD_Connection *c)
{
	const char	*host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Host");
	char		 want[64];
	static const char *const names[] = { "127.0.0.1", "localhost",
	    "[::1]" };
	size_t		 i;

	if (host == NULL)
		return 0;
	for (i = 0; i < 3; i++) {
		snprintf(want, sizeof(want), "%s:%u", names[i], s->port);
		if (!ascii_strcasecmp(host, want))
			return 1;
	}
	return 0;
}

/* Answers one request. */
static enum MHD_Result
serve_access(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **req_cls)
{
	struct serve	*s = cls;
	struct serve_stream *st;
	struct MHD_Response *r;
	struct stat	 sb;
	enum MHD_Result	 rc;
	size_t		 n = strlen(url);
	int		 fd, pdf, ready;

	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return serve_text(c, 405, "GET only\n", 0);
	if (!serve_host_ok(s, c))
		return serve_text(c, 403, "this server answers to "
		    "127.0.0.1, localhost and [::1] only\n", 0);
	if (!strcmp(url, SERVE_EVENTS)) {
		st = xcalloc(1, sizeof(*st));
		st->s = s;
		r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 512,
		    serve_stream_read, st, free);
		serve_headers(r, "text/event-stream; charset=utf-8");
		rc = MHD_queue_response(c, 200, r);
		MHD_destroy_response(r);
		return rc;
	}
	pdf = n > 4 && !ascii_strcasecmp(url + n - 4, ".pdf");
	if (pdf) {
		pthread_mutex_lock(&s->lock);
		ready = s->pdf_gen == s->gen;
		if (!s->pdf_wanted || !ready) {
			s->pdf_wanted = 1;
			if (write(s->wake[1], "p", 1) < 0)
				(void)0;	/* the pipe is full: awake already */
		}
		pthread_mutex_unlock(&s->lock);
		if (!ready)
			return serve_text(c, 503, "PDF を作成しています。"
			    "このページは自動で読み込み直します。\n", 1);
	}
	fd = serve_open(pdf ? s->pdf : s->html, url);
	if (fd == -403)
		return serve_text(c, 403, "forbidden path\n", 0);
	if (fd < 0) {
		if (!strcmp(url, "/"))
			return serve_page(s, c, -1, 200);
		return serve_text(c, 404, pdf ? "no such PDF (see the "
		    "findings panel)\n" : "not found\n", 0);
	}
	if (!strcmp(serve_type(url[n - 1] == '/' ? "index.html" : url),
	    "text/html; charset=utf-8"))
		return serve_page(s, c, fd, 200);
	if (fstat(fd, &sb) < 0) {
		close(fd);
		return serve_text(c, 500, "cannot read\n", 0);
	}
	r = MHD_create_response_from_fd((uint64_t)sb.st_size, fd);
	serve_headers(r, serve_type(url));
	if (!pdf)
		MHD_add_response_header(r, "Content-Security-Policy",
		    "default-src 'none'; style-src 'self'; img-src 'self'");
	rc = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return rc;
}

/*
 * Binds a listening socket on the loopback address of family af.
 * Returns it, or -1 with errno set.
 */
static int
serve_listen(int af, unsigned port)
{
	struct sockaddr_in	 a4;
	struct sockaddr_in6	 a6;
	int			 fd, one = 1, e;

	if ((fd = socket(af, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (af == AF_INET) {
		memset(&a4, 0, sizeof(a4));
		a4.sin_family = AF_INET;
		a4.sin_port = htons((unsigned short)port);
		a4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		e = bind(fd, (struct sockaddr *)&a4, sizeof(a4));
	} else {
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
		memset(&a6, 0, sizeof(a6));
		a6.sin6_family = AF_INET6;
		a6.sin6_port = htons((unsigned short)port);
		a6.sin6_addr = in6addr_loopback;
		e = bind(fd, (struct sockaddr *)&a6, sizeof(a6));
	}
	if (e < 0 || listen(fd, 64) < 0) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* ------------------------------------------------------------------ */
/* Builds                                                              */
/* ------------------------------------------------------------------ */

/*
 * Starts kitei build --worktree in a child: the HTML (pdf 0) or the PDFs
 * (pdf 1, at a lower priority).  Returns its pid, or -1.
 */
static pid_t
serve_spawn(const struct serve *s, int pdf)
{
	const char	*argv[16];
	char		**envp;
	size_t		 n = 0, i, ne;
	pid_t		 pid;
	int		 fd;

	argv[n++] = s->exe;
	argv[n++] = "--worktree";
	if (s->today != NULL) {
		argv[n++] = "--today";
		argv[n++] = s->today;
	}
	argv[n++] = "build";
	argv[n++] = "--only";
	argv[n++] = pdf ? "pdf" : "html,dashboard";
	if (!pdf)
		argv[n++] = "--emit-xml";
	argv[n++] = "-o";
	argv[n++] = pdf ? s->pdf : s->html;
	argv[n] = NULL;
	for (ne = 0; environ[ne] != NULL; ne++)
		continue;
	envp = xcalloc(ne + 2, sizeof(*envp));
	for (i = n = 0; i < ne; i++)
		if (strncmp(environ[i], "NO_COLOR=", 9))
			envp[n++] = environ[i];
	envp[n++] = (char *)"NO_COLOR=1";
	envp[n] = NULL;
	if ((fd = open(pdf ? s->pdflog : s->log, O_WRONLY | O_CREAT |
	    O_TRUNC | O_CLOEXEC, 0600)) < 0) {
		free(envp);
		return -1;
	}
	if ((pid = fork()) == 0) {
		int null = open("/dev/null", O_RDWR);

		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
		}
		dup2(fd, 2);
		if (pdf)
			setpriority(PRIO_PROCESS, 0, 10);
		sigprocmask(SIG_SETMASK, &s->oldmask, NULL);
		execve(s->exe, (char *const *)argv, envp);
		_exit(127);
	}
	close(fd);
	free(envp);
	return pid;
}

/* Takes in a finished HTML build: new panel, next generation. */
static void
serve_built(struct serve *s, int status)
{
	char	*log, *panel;
	int	 code = WIFEXITED(status) ? WEXITSTATUS(status) : 2;

	log = serve_slurp(s->log, 4L * 1024 * 1024);
	if (!WIFEXITED(status)) {
		free(log);
		xasprintf(&log, "kitei: error: the build was killed by signal "
		    "%d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	}
	panel = serve_panel_make(s, code, log);
	free(log);
	pthread_mutex_lock(&s->lock);
	free(s->panel);
	s->panel = panel;
	s->gen++;
	pthread_cond_broadcast(&s->cond);
	pthread_mutex_unlock(&s->lock);
}

/* ------------------------------------------------------------------ */
/* Watching                                                            */
/* ------------------------------------------------------------------ */

#define SERVE_WATCH_MASK	(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | \
	IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | \
	IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW)

/* Whether a changed name is an editor's or git's scratch file. */
static int
serve_ignored(const char *name)
{
	size_t	 n = strlen(name);

	return name[0] == '.' || (n > 0 && name[n - 1] == '~') ||
	    !strcmp(name, "4913") || (n > 4 && (!strcmp(name + n - 4, ".swp") ||
	    !strcmp(name + n - 4, ".swx")));
}

/*
 * Watches top and every folder under it (not .git nor hidden ones),
 * without recursion: a stack of paths.  Returns 0, or -1 when top itself
 * cannot be watched.
 */
static int
serve_watch_tree(struct serve *s, const char *top)
{
	char		**stack = NULL, *path, *sub;
	size_t		 n = 0, i;
	int		 wd, rc = 0, first = 1;
	DIR		*dir;
	struct dirent	*e;
	struct stat	 st;

	stack = xgrowarray(stack, n, 1, sizeof(*stack));
	stack[n++] = xstrdup(top);
	while (n > 0) {
		path = stack[--n];
		wd = inotify_add_watch(s->ino, path, SERVE_WATCH_MASK);
		if (wd < 0) {
			if (first)
				rc = -1;
			first = 0;
			free(path);
			continue;
		}
		first = 0;
		for (i = 0; i < s->nwatches; i++)
			if (s->watches[i].wd == wd)
				break;
		if (i == s->nwatches) {
			s->watches = xgrowarray(s->watches, s->nwatches, 1,
			    sizeof(*s->watches));
			s->watches[s->nwatches].wd = wd;
			s->watches[s->nwatches++].path = xstrdup(path);
		}
		if ((dir = opendir(path)) != NULL) {
			while ((e = readdir(dir)) != NULL) {
				if (e->d_name[0] == '.')
					continue;
				xasprintf(&sub, "%s/%s", path, e->d_name);
				if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
					stack = xgrowarray(stack, n, 1,
					    sizeof(*stack));
					stack[n++] = sub;
				} else
					free(sub);
			}
			closedir(dir);
		}
		free(path);
	}
	free(stack);
	return rc;
}

/*
 * Reads what inotify has and notes a change; watches folders that appear.
 * Returns whether anything relevant changed.
 */
static int
serve_watch_read(struct serve *s)
{
	char		 ev[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *ie;
	ssize_t		 len;
	size_t		 i;
	char		*sub;
	int		 changed = 0;

	while ((len = read(s->ino, ev, sizeof(ev))) > 0)
		for (ie = (const void *)ev; (const char *)ie < ev + len;
		    ie = (const void *)((const char *)ie + sizeof(*ie) +
		    ie->len)) {
			if (ie->mask & IN_Q_OVERFLOW) {
				/* Events were lost: watch all again. */
				serve_watch_tree(s, ".");
				changed = 1;
				continue;
			}
			if (ie->mask & IN_IGNORED) {
				for (i = 0; i < s->nwatches; i++)
					if (s->watches[i].wd == ie->wd) {
						free(s->watches[i].path);
						s->watches[i] =
						    s->watches[--s->nwatches];
						break;
					}
				continue;
			}
			if (ie->len > 0 && serve_ignored(ie->name))
				continue;
			changed = 1;
			if (ie->len == 0 || !(ie->mask & IN_ISDIR) ||
			    !(ie->mask & (IN_CREATE | IN_MOVED_TO)))
				continue;
			for (i = 0; i < s->nwatches; i++)
				if (s->watches[i].wd == ie->wd) {
					xasprintf(&sub, "%s/%s",
					    s->watches[i].path, ie->name);
					serve_watch_tree(s, sub);
					free(sub);
					break;
				}
		}
	return changed;
}

/* ------------------------------------------------------------------ */
/* The loop                                                            */
/* ------------------------------------------------------------------ */

/* Starts the builds that are due. */
static void
serve_schedule(struct serve *s)
{
	int	 want;

	if (s->dirty && s->build_pid == 0 &&
	    serve_now() - s->dirty_at >= SERVE_DEBOUNCE_MS) {
		s->dirty = 0;
		if ((s->build_pid = serve_spawn(s, 0)) < 0)
			s->build_pid = 0;
	}
	pthread_mutex_lock(&s->lock);
	want = s->pdf_wanted && s->pdf_gen != s->gen && s->gen > 0;
	pthread_mutex_unlock(&s->lock);
	/* The HTML goes first: PDFs wait for a quiet moment. */
	if (want && s->pdf_pid == 0 && s->build_pid == 0 && !s->dirty) {
		pthread_mutex_lock(&s->lock);
		s->pdf_for = s->gen;
		pthread_mutex_unlock(&s->lock);
		if ((s->pdf_pid = serve_spawn(s, 1)) < 0)
			s->pdf_pid = 0;
	}
}

/* Collects finished children. */
static void
serve_reap(struct serve *s)
{
	pid_t	 pid;
	int	 status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (pid == s->build_pid) {
			s->build_pid = 0;
			serve_built(s, status);
		} else if (pid == s->pdf_pid) {
			s->pdf_pid = 0;
			pthread_mutex_lock(&s->lock);
			s->pdf_gen = s->pdf_for;
			pthread_mutex_unlock(&s->lock);
		}
	}
}

/* Frees what serve_run set up and removes the temporary folder. */
static void
serve_free(struct serve *s)
{
	size_t	 i;
	int	 status;

	if (s->build_pid > 0) {
		kill(s->build_pid, SIGTERM);
		waitpid(s->build_pid, &status, 0);
	}
	if (s->pdf_pid > 0) {
		kill(s->pdf_pid, SIGTERM);
		waitpid(s->pdf_pid, &status, 0);
	}
	if (s->tmp != NULL)
		publish_rmtree(s->tmp);
	for (i = 0; i < s->nwatches; i++)
		free(s->watches[i].path);
	free(s->watches);
	if (s->ino >= 0)
		close(s->ino);
	if (s->wake[0] >= 0) {
		close(s->wake[0]);
		close(s->wake[1]);
	}
	free(s->panel);
	free(s->csp);
	free(s->exe);
	free(s->tmp);
	free(s->html);
	free(s->pdf);
	free(s->log);
	free(s->pdflog);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->cond);
}

int
serve_run(const struct serve_opts *o, struct diag *d)
{
	struct serve		 s;
	struct MHD_Daemon	*d4 = NULL, *d6 = NULL;
	struct buf		 csp = { NULL, 0, 0 };
	struct sockaddr_in	 sa;
	socklen_t		 salen = sizeof(sa);
	struct signalfd_siginfo	 si;
	struct pollfd		 pfd[3];
	sigset_t		 mask;
	char			 exe[PATH_MAX], cwd[PATH_MAX], tmpl[PATH_MAX], c;
	const char		*tdir = getenv("TMPDIR");
	ssize_t			 n;
	long long		 wait;
	int			 rc = -1, fd4 = -1, fd6 = -1, sfd = -1, status;
	unsigned		 flags;

	memset(&s, 0, sizeof(s));
	s.ino = s.wake[0] = s.wake[1] = -1;
	s.today = o->today;
	pthread_mutex_init(&s.lock, NULL);
	pthread_cond_init(&s.cond, NULL);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) < 0) {
		diag_emit(d, DIAG_FATAL, NULL, "serve", "cannot find this "
		    "executable (/proc/self/exe): %s", strerror(errno));
		goto out;
	}
	exe[n] = '\0';
	s.exe = xstrdup(exe);
	if (getcwd(cwd, sizeof(cwd)) == NULL) {
		diag_emit(d, DIAG_FATAL, NULL, "serve", "the current folder: %s",
		    strerror(errno));
		goto out;
	}
	snprintf(tmpl, sizeof(tmpl), "%s/kitei-serve-XXXXXX",
	    tdir != NULL && tdir[0] == '/' ? tdir : "/tmp");
	if (mkdtemp(tmpl) == NULL) {
		diag_emit(d, DIAG_FATAL, NULL, "serve", "%s: %s", tmpl,
		    strerror(errno));
		goto out;
	}
	s.tmp = xstrdup(tmpl);
	if (realpath(s.tmp, tmpl) != NULL && strncmp(tmpl, cwd,
	    strlen(cwd)) == 0 && (tmpl[strlen(cwd)] == '/' ||
	    tmpl[strlen(cwd)] == '\0')) {
		diag_emit(d, DIAG_FATAL, NULL, "serve", "%s: the temporary "
		    "folder is inside the policy root; set TMPDIR elsewhere",
		    s.tmp);
		goto out;
	}
	xasprintf(&s.html, "%s/html", s.tmp);
	xasprintf(&s.pdf, "%s/pdf", s.tmp);
	xasprintf(&s.log, "%s/html.log", s.tmp);
	xasprintf(&s.pdflog, "%s/pdf.log", s.tmp);
	buf_puts(&csp, "default-src 'none'; script-src ");
	serve_hash(&csp, serve_script);
	buf_puts(&csp, "; style-src 'self' ");
	serve_hash(&csp, serve_style);
	buf_puts(&csp, "; img-src 'self'; font-src 'self'; connect-src 'self'; "
	    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
	s.csp = buf_steal(&csp);

	if ((fd4 = serve_listen(AF_INET, o->port)) < 0) {
		diag_emit(d, DIAG_FATAL, NULL, "port-in-use", "127.0.0.1:%u: %s "
		    "(choose another with --port)", o->port, errno == EADDRINUSE ?
		    "the port is in use" : strerror(errno));
		goto out;
	}
	if (getsockname(fd4, (struct sockaddr *)&sa, &salen) == 0)
		s.port = ntohs(sa.sin_port);
	fd6 = serve_listen(AF_INET6, s.port);

	if ((s.ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0 ||
	    serve_watch_tree(&s, ".") < 0) {
		diag_emit(d, DIAG_FATAL, NULL, "serve", "%s: cannot watch: %s",
		    cwd, strerror(errno));
		goto out;
	}
	if (pipe(s.wake) < 0 || fcntl(s.wake[0], F_SETFL, O_NONBLOCK) < 0 ||
	    fcntl(s.wake[1], F_SETFL, O_NONBLOCK) < 0 ||
	    fcntl(s.wake[0], F_SETFD, FD_CLOEXEC) < 0 ||
	    fcntl(s.wake[1], F_SETFD, FD_CLOEXEC) < 0) {
		diag_emit(d, DIAG_FATAL, NULL, "serve", "pipe: %s",
		    strerror(errno));
		goto out;
	}

	/* Signals go to the loop, never to the HTTP threads. */
	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGCHLD);
	sigaddset(&mask, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &mask, &s.oldmask);
	if ((sfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC)) < 0) {
		diag_emit(d, DIAG_FATAL, NULL, "serve", "signalfd: %s",
		    strerror(errno));
		goto out;
	}

	/* The first build, before anyone is told where to look. */
	if ((s.build_pid = serve_spawn(&s, 0)) < 0) {
		diag_emit(d, DIAG_FATAL, NULL, "serve", "%s: cannot run: %s",
		    s.exe, strerror(errno));
		s.build_pid = 0;
		goto out;
	}
	if (waitpid(s.build_pid, &status, 0) == s.build_pid) {
		s.build_pid = 0;
		serve_built(&s, status);
	}

	flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_POLL;
	d4 = MHD_start_daemon(flags, (uint16_t)s.port, NULL, NULL,
	    serve_access, &s, MHD_OPTION_LISTEN_SOCKET, fd4,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_MAX_CONNECTIONS,
	    MHD_OPTION_UNESCAPE_CALLBACK, serve_unescape, NULL,
	    MHD_OPTION_END);
	if (d4 == NULL) {
		diag_emit(d, DIAG_FATAL, NULL, "serve", "127.0.0.1:%u: the HTTP "
		    "server did not start", s.port);
		goto out;
	}
	fd4 = -1;
	if (fd6 >= 0) {
		d6 = MHD_start_daemon(flags | MHD_USE_IPv6, (uint16_t)s.port,
		    NULL, NULL, serve_access, &s, MHD_OPTION_LISTEN_SOCKET, fd6,
		    MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_MAX_CONNECTIONS,
		    MHD_OPTION_UNESCAPE_CALLBACK, serve_unescape, NULL,
		    MHD_OPTION_END);
		if (d6 != NULL)
			fd6 = -1;
	}
	printf("serving a preview of the working tree at http://127.0.0.1:%u/ "
	    "(Ctrl-C stops)\n", s.port);
	fflush(stdout);

	for (;;) {
		serve_schedule(&s);
		wait = -1;
		if (s.dirty && s.build_pid == 0) {
			wait = SERVE_DEBOUNCE_MS - (serve_now() - s.dirty_at);
			if (wait < 0)
				wait = 0;
		}
		pfd[0].fd = sfd;
		pfd[1].fd = s.ino;
		pfd[2].fd = s.wake[0];
		pfd[0].events = pfd[1].events = pfd[2].events = POLLIN;
		if (poll(pfd, 3, (int)wait) < 0 && errno != EINTR)
			break;
		if (pfd[2].revents & POLLIN)
			while (read(s.wake[0], &c, 1) > 0)
				continue;
		if ((pfd[1].revents & POLLIN) && serve_watch_read(&s)) {
			s.dirty = 1;
			s.dirty_at = serve_now();
		}
		if (pfd[0].revents & POLLIN) {
			int stop = 0;

			while (read(sfd, &si, sizeof(si)) == sizeof(si))
				if (si.ssi_signo == SIGINT ||
				    si.ssi_signo == SIGTERM)
					stop = 1;
			serve_reap(&s);
			if (stop)
				break;
		}
	}
	rc = 0;
out:
	pthread_mutex_lock(&s.lock);
	s.stopping = 1;
	pthread_cond_broadcast(&s.cond);
	pthread_mutex_unlock(&s.lock);
	if (d6 != NULL)
		MHD_stop_daemon(d6);
	if (d4 != NULL)
		MHD_stop_daemon(d4);
	if (fd4 >= 0)
		close(fd4);
	if (fd6 >= 0)
		close(fd6);
	serve_free(&s);
	if (sfd >= 0) {
		close(sfd);
		pthread_sigmask(SIG_SETMASK, &s.oldmask, NULL);
	}
	return rc;
}
