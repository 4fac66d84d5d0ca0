/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * init: writes a new policy root from the catalog — kitei.yml, a skeleton
 * per manual with a section per element of the rule, the public page, and
 * the files a repository wants around it (.gitignore, CI, a hook).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "catalog.h"
#include "diag.h"
#include "init.h"
#include "xalloc.h"

/* The manuals a firm starts with, and the rule's articles each answers. */
struct init_manual {
	const char	*id;
	const char	*title;
	const char	*number;	/* 文書番号 */
	const char	*kind;		/* policy | crisis */
	const char	*owner;		/* 所管部署 */
	const char	*approvers;	/* YAML flow sequence of roles */
	const char	*articles;	/* space-separated article numbers */
	const char	*purpose;	/* the first article's text to adapt */
};

static const struct init_manual init_manuals[] = {
	{ "system-risk", "システムリスク管理規程", "SR-001", "policy",
	  "システム部", "[board]", "1 2 3 7 8 10 11 12",
	  "この規程は、当社のシステムリスク管理の基本的な事項を定める。" },
	{ "security", "情報セキュリティ管理規程", "IS-001", "policy",
	  "システム部", "[board]", "4 5 6",
	  "この規程は、当社の情報資産を保護するための管理について定める。" },
	{ "outsourcing", "外部委託管理規程", "OS-001", "policy",
	  "業務管理部", "[board]", "9",
	  "この規程は、システムに係る業務を外部に委託する場合の管理について定める。" },
	{ "crisis", "危機管理マニュアル", "CM-001", "crisis",
	  "総務部", "[board, system-executive]", "13",
	  "このマニュアルは、危機が発生した場合に役職員がとるべき対応を定める。" },
};
#define INIT_NMANUALS	(sizeof(init_manuals) / sizeof(init_manuals[0]))
/* Elements of articles no manual lists (a later catalog) go to the first. */
#define INIT_FALLBACK	0
/* The manual holding the public page's source. */
#define INIT_CRISIS	3

/* Sections of the public page after the one that covers the element. */
static const char *const init_public_sections[][2] = {
	{ "対象とする事態", "大規模な自然災害、システム障害、サイバー攻撃、"
	  "感染症の流行など、この方針の対象とする事態を書いてください。" },
	{ "対応体制", "対策本部を設けることなど、危機の際の体制を書いてください"
	  "（個人の氏名は書きません）。" },
	{ "お客様へのお知らせ方法", "お知らせの方法と、ウェブサイトを利用できない"
	  "ときの代わりの方法を書いてください。" },
	{ "重要な業務の継続", "危機の際にも継続する業務と、その代替手段を"
	  "書いてください。" },
	{ "お問い合わせ窓口", "窓口の名称、電話番号（tel: のリンク）、"
	  "受付時間を書いてください。" },
};

/*
 * Makes every missing folder of path up to (not including) its last
 * component.  Returns 0, or -1 with a diagnostic.
 */
static int
init_mkparents(const char *path, struct diag *d)
{
	char		*p = xstrdup(path), *s;
	struct pos	 pos = { path, 0, 0 };
	int		 rc = 0;

	for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST) {
			pos.path = p;
			diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
			rc = -1;
			break;
		}
		*s = '/';
	}
	free(p);
	return rc;
}

/*
 * Writes text to dir/rel unless a file is there already (never replaced),
 * and says which it did, naming shown.  Returns 0, or -1 with a diagnostic.
 */
static int
init_write(const char *dir, const char *rel, const char *shown,
    const char *text, mode_t mode, FILE *report, struct diag *d)
{
	char		*path;
	struct pos	 pos;
	size_t		 len = strlen(text), off = 0;
	ssize_t		 n;
	int		 fd, rc = -1;

	xasprintf(&path, "%s/%s", dir, rel);
	pos.path = path;
	pos.line = pos.col = 0;
	if (init_mkparents(path, d) < 0)
		goto out;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)) < 0) {
		if (errno == EEXIST) {
			fprintf(report, "kept   %s (exists; not overwritten)\n", shown);
			rc = 0;
		} else
			diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
		goto out;
	}
	while (off < len) {
		if ((n = write(fd, text + off, len - off)) < 0) {
			if (errno == EINTR)
				continue;
			diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
			close(fd);
			unlink(path);
			goto out;
		}
		off += (size_t)n;
	}
	if (close(fd) < 0) {
		diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
		unlink(path);
		goto out;
	}
	fprintf(report, "wrote  %s\n", shown);
	rc = 0;
out:
	free(path);
	return rc;
}

/* Which manual (index) answers the article art. */
static size_t
init_manual_of(const char *art)
{
	size_t		 i, n = strlen(art);
	const char	*p;

	for (i = 0; i < INIT_NMANUALS; i++)
		for (p = init_manuals[i].articles; *p != '\0'; ) {
			if (!strncmp(p, art, n) && (p[n] == ' ' || p[n] == '\0'))
				return i;
			p += strcspn(p, " ");
			p += strspn(p, " ");
		}
	return INIT_FALLBACK;
}

/*
 * Appends the element's place in the rule: 第4条第1項第6号 for 4.1.6.a
 * (its letter is a bullet or a duty inside the paragraph, named by the id).
 */
static void
init_put_place(struct buf *b, const char *id)
{
	static const char *const unit[] = { "条", "項", "号" };
	char		*s = xstrdup(id), *part, *save = NULL;
	size_t		 i = 0;

	for (part = strtok_r(s, ".", &save); part != NULL && i < 3;
	    part = strtok_r(NULL, ".", &save)) {
		if (strspn(part, "0123456789") != strlen(part))
			break;
		buf_printf(b, "第%s%s", part, unit[i++]);
	}
	free(s);
}

/* Appends the rule's words inside an HTML comment: "--" may not occur. */
static void
init_put_comment_text(struct buf *b, const char *text)
{
	for (; *text != '\0'; text++) {
		if (text[0] == '-' && text[1] == '-') {
			buf_puts(b, "－－");
			text++;
		} else if (*text == '\n')
			buf_putc(b, ' ');
		else
			buf_putc(b, *text);
	}
}

/* Appends one element's section: its heading, covers: and the rule's words. */
static void
init_put_element(struct buf *b, const struct catalog_element *el,
    const char *heading)
{
	buf_printf(b, "\n### %s\n<!-- covers: %s -->\n<!-- 規則 %s（",
	    heading != NULL ? heading : el->title, el->id, el->id);
	init_put_place(b, el->id);
	buf_printf(b, "・%s）：", catalog_obligation_label(el->obligation));
	init_put_comment_text(b, el->text);
	buf_puts(b, " -->\n");
}

/* The skeleton of manual m: front matter, purpose, a chapter per article. */
static char *
init_manual_text(const struct init_manual *m, size_t mi,
    const struct catalog *cat)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 a, e;
	int		 any;

	buf_printf(&b, "---\ntitle: %s\nowner: %s\nvisibility: internal\n---\n"
	    "# %s\n\n"
	    "<!--\n"
	    "  kitei init が作成した骨組みです。各節のコメントにある規則の文言を読み、\n"
	    "  当社の定めを本文として書いてください（である調）。本文のない節は\n"
	    "  kitei check で empty-coverage のエラーになります。当社に当てはまらない\n"
	    "  要素は、その節の covers を not-applicable に改め、要素の番号の後に\n"
	    "  理由を書いてください。節の見出しと順序は自由に変えられます。\n"
	    "-->\n\n"
	    "## 目的\n\n%s\n",
	    m->title, m->owner, m->title, m->purpose);
	for (a = 0; a < cat->narticles; a++) {
		const struct catalog_article *art = &cat->articles[a];

		if (init_manual_of(art->number) != mi)
			continue;
		any = 0;
		for (e = 0; e < cat->nelements; e++) {
			const struct catalog_element *el = &cat->elements[e];

			if (strcmp(el->article, art->number) != 0 || el->public)
				continue;
			if (!any)
				buf_printf(&b, "\n## %s\n<!-- 規則 第%s条（%s） -->\n",
				    art->heading, art->number, art->heading);
			any = 1;
			init_put_element(&b, el, NULL);
		}
	}
	return buf_steal(&b);
}

/* The public page's source: the elements to be met in public, then prompts. */
static char *
init_public_text(const struct catalog *cat)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 e, i;
	int		 first = 1;

	buf_puts(&b, "---\ntitle: 危機発生時の対応について\nvisibility: public\n---\n"
	    "# 危機発生時の対応について\n\n"
	    "<!--\n"
	    "  お客様向けの公開ページです。このファイルの本文は、承認の後、当社の\n"
	    "  ウェブサイトにそのまま掲載されます。です・ます調で、社外に出してよい\n"
	    "  内容だけを書いてください（社内の手順は危機管理マニュアルへ）。\n"
	    "-->\n");
	for (e = 0; e < cat->nelements; e++) {
		if (!cat->elements[e].public)
			continue;
		init_put_element(&b, &cat->elements[e], first ? "基本方針" : NULL);
		first = 0;
	}
	for (i = 0; i < sizeof(init_public_sections) /
	    sizeof(init_public_sections[0]); i++)
		buf_printf(&b, "\n### %s\n<!-- %s -->\n",
		    init_public_sections[i][0], init_public_sections[i][1]);
	return buf_steal(&b);
}

/* The commented kitei.yml. */
static char *
init_config_text(const char *firm, const struct catalog *cat)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	buf_printf(&b,
	    "# yaml-language-server: $schema=" KITEI_DATADIR "/kitei.schema.json\n"
	    "# kitei の設定（ポリシールート）。kitei init が作成しました。\n"
	    "# 承認者・役割・連絡先は当社のものに書き換えてください。\n"
	    "organization: %s\n"
	    "catalog: %s                 # kitei に同梱の規則（kitei catalog で一覧）\n"
	    "review_interval: 12 months   # 定期的な見直しの間隔\n"
	    "date_style: western          # western: 2026年4月1日 / wareki: 令和8年4月1日\n"
	    "\n"
	    "# 規程類。documents の順が章の順になります。\n"
	    "manuals:\n",
	    firm != NULL ? firm : "（会社名を記入してください）", cat->id);
	for (i = 0; i < INIT_NMANUALS; i++)
		buf_printf(&b,
		    "  - id: %s\n"
		    "    title: %s\n"
		    "    number: %s               # 文書番号\n"
		    "    kind: %s\n"
		    "    owner: %s                # 所管部署\n"
		    "    documents: [%s/*.md]\n"
		    "    approvers: %s\n",
		    init_manuals[i].id, init_manuals[i].title,
		    init_manuals[i].number, init_manuals[i].kind,
		    init_manuals[i].owner, init_manuals[i].id,
		    init_manuals[i].approvers);
	buf_puts(&b,
	    "\n"
	    "# 公開ページ（危機発生時の対応について）。本文は crisis/90-public.md です。\n"
	    "public:\n"
	    "  title: 危機発生時の対応について\n"
	    "  contact: お客様相談室（電話番号と受付時間を記入してください）\n"
	    "\n"
	    "# 承認。承認は git のコミットに Approved-by: 氏名 <メールアドレス> を\n"
	    "# 付けて記録します。require_signature: true で署名付きコミットに限ります。\n"
	    "approval:\n"
	    "  require_signature: false\n"
	    "  roles:\n"
	    "    board: {title: 取締役会, members: [board@example.co.jp]}\n"
	    "    system-executive: {title: システム統括役員, members: [cio@example.co.jp]}\n"
	    "  people:\n"
	    "    - {email: board@example.co.jp, name: 取締役会 議長}\n"
	    "    - {email: cio@example.co.jp, name: システム統括役員}\n");
	return buf_steal(&b);
}

/* The GitHub Actions recipe: check with SARIF upload, build as an artifact. */
static char *
init_github_text(const char *root)
{
	char	*s;

	xasprintf(&s,
	    "# kitei: push と pull request のたびに規程を検査し、文書を作ります。\n"
	    "name: kitei\n"
	    "on: [push, pull_request]\n"
	    "permissions:\n"
	    "  contents: read\n"
	    "  security-events: write   # 検査結果（SARIF）をコードスキャンに載せるため\n"
	    "jobs:\n"
	    "  kitei:\n"
	    "    runs-on: ubuntu-latest\n"
	    "    steps:\n"
	    "      - uses: actions/checkout@v4\n"
	    "        with:\n"
	    "          fetch-depth: 0   # 改訂履歴と承認は git の全履歴から読みます\n"
	    "      - name: kitei を用意する\n"
	    "        # kitei のソースから make && sudo make install で入れてください。\n"
	    "        run: command -v kitei\n"
	    "      - name: 検査\n"
	    "        run: kitei -C %s check --format sarif > kitei.sarif\n"
	    "      - name: 検査結果を載せる\n"
	    "        if: always()\n"
	    "        uses: github/codeql-action/upload-sarif@v3\n"
	    "        with:\n"
	    "          sarif_file: kitei.sarif\n"
	    "      - name: 文書を作る\n"
	    "        if: always()\n"
	    "        run: kitei -C %s build -o \"$RUNNER_TEMP/kitei-output\"\n"
	    "      - uses: actions/upload-artifact@v4\n"
	    "        if: always()\n"
	    "        with:\n"
	    "          name: kitei-output\n"
	    "          path: ${{ runner.temp }}/kitei-output\n",
	    root, root);
	return s;
}

/* The GitLab CI recipe: check as a JUnit report, build as an artifact. */
static char *
init_gitlab_text(const char *root)
{
	char	*s;

	xasprintf(&s,
	    "# kitei: push のたびに規程を検査し、文書を作ります。\n"
	    "kitei:\n"
	    "  variables:\n"
	    "    GIT_DEPTH: 0   # 改訂履歴と承認は git の全履歴から読みます\n"
	    "  script:\n"
	    "    # kitei はイメージに入れておいてください（ソースから make install）。\n"
	    "    - kitei -C %s check --format junit > kitei-junit.xml\n"
	    "    - kitei -C %s build -o \"$CI_PROJECT_DIR/../kitei-output\"\n"
	    "    - mv \"$CI_PROJECT_DIR/../kitei-output\" kitei-output\n"
	    "  artifacts:\n"
	    "    when: always\n"
	    "    paths: [kitei-output]\n"
	    "    reports:\n"
	    "      junit: kitei-junit.xml\n",
	    root, root);
	return s;
}

/* The pre-commit hook: check the working tree before each commit. */
static char *
init_hook_text(const char *root)
{
	char	*s;

	xasprintf(&s,
	    "#!/bin/sh\n"
	    "# kitei: コミットの前に、作業ツリーの規程を検査します。\n"
	    "# 有効にするには: git config core.hooksPath .githooks\n"
	    "# 一度だけ検査を飛ばすには: git commit --no-verify\n"
	    "top=$(git rev-parse --show-toplevel) || exit 1\n"
	    "exec kitei -C \"$top/%s\" --worktree check\n",
	    root);
	return s;
}

static const char init_gitignore[] =
    "# kitei の出力（git の外で作り直せるもの）\n"
    "output/\n"
    "bundle/\n"
    "*.zip\n";

/*
 * Opens the repository holding dir, or makes one there.  Sets *workdir to
 * its work tree (a new string, with a trailing '/').  Returns 0 or -1.
 */
static int
init_repository(git_repository **out, char **workdir, const char *dir,
    FILE *report, struct diag *d)
{
	const git_error	*e;
	struct pos	 pos = { dir, 0, 0 };
	int		 rc;

	/* As git does, stop looking up at GIT_CEILING_DIRECTORIES. */
	rc = git_repository_open_ext(out, dir, 0,
	    getenv("GIT_CEILING_DIRECTORIES"));
	if (rc == GIT_ENOTFOUND) {
		if ((rc = git_repository_init(out, dir, 0)) == 0)
			fprintf(report, "made   a git repository in %s\n", dir);
	}
	if (rc < 0) {
		e = git_error_last();
		diag_msg(d, &pos, MSG_GIT_WHY,
		    e != NULL ? e->message : "cannot open or make a repository");
		return -1;
	}
	if (git_repository_workdir(*out) == NULL) {
		diag_msg(d, &pos, MSG_GIT);
		git_repository_free(*out);
		*out = NULL;
		return -1;
	}
	*workdir = xstrdup(git_repository_workdir(*out));
	return 0;
}

int
init_run(const char *dir, const char *firm, const struct catalog *cat,
    FILE *report, struct diag *d)
{
	git_repository	*repo = NULL;
	char		*workdir = NULL, *root = NULL, *text = NULL, *rel = NULL;
	char		 real[PATH_MAX], realwd[PATH_MAX];
	struct pos	 pos = { dir, 0, 0 };
	size_t		 i, n;
	int		 rc = -1;

	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
		return -1;
	}
	if (realpath(dir, real) == NULL) {
		diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
		return -1;
	}
	if (init_repository(&repo, &workdir, real, report, d) < 0)
		goto out;
	if (realpath(workdir, realwd) == NULL) {
		diag_msg(d, &pos, MSG_IO_WHY, strerror(errno));
		goto out;
	}
	/* The policy root relative to the work tree: CI recipes run from there. */
	n = strlen(realwd);
	root = xstrdup(strncmp(real, realwd, n) == 0 && real[n] == '/' ?
	    real + n + 1 : ".");

	text = init_config_text(firm, cat);
	if ((rc = init_write(real, "kitei.yml", "kitei.yml", text, 0666,
	    report, d)) < 0)
		goto out;
	for (i = 0; i < INIT_NMANUALS && rc == 0; i++) {
		free(text);
		free(rel);
		text = init_manual_text(&init_manuals[i], i, cat);
		xasprintf(&rel, "%s/01-%s.md", init_manuals[i].id,
		    init_manuals[i].id);
		rc = init_write(real, rel, rel, text, 0666, report, d);
	}
	if (rc < 0)
		goto out;
	free(text);
	free(rel);
	text = init_public_text(cat);
	xasprintf(&rel, "%s/90-public.md", init_manuals[INIT_CRISIS].id);
	if ((rc = init_write(real, rel, rel, text, 0666, report, d)) < 0 ||
	    (rc = init_write(real, ".gitignore", ".gitignore", init_gitignore,
	    0666, report, d)) < 0)
		goto out;
	free(text);
	text = init_github_text(root);
	if ((rc = init_write(realwd, ".github/workflows/kitei.yml",
	    ".github/workflows/kitei.yml (repository root)", text, 0666,
	    report, d)) < 0)
		goto out;
	free(text);
	text = init_gitlab_text(root);
	if ((rc = init_write(realwd, ".gitlab-ci.yml",
	    ".gitlab-ci.yml (repository root)", text, 0666, report, d)) < 0)
		goto out;
	free(text);
	text = init_hook_text(root);
	if ((rc = init_write(realwd, ".githooks/pre-commit",
	    ".githooks/pre-commit (repository root; git config core.hooksPath "
	    ".githooks turns it on)", text, 0777, report, d)) < 0)
		goto out;
	fprintf(report, "\nnext: fill in kitei.yml, commit, then run kitei check "
	    "in %s: it lists every section still to be written, article by "
	    "article.\n", root);
	rc = 0;
out:
	free(text);
	free(rel);
	free(root);
	free(workdir);
	git_repository_free(repo);
	return rc;
}
