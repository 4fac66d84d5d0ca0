/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * The message table: every diagnostic kitei emits, with its id, its fixed
 * severity, its rule name (an interface: JSON, SARIF, JUnit and scripts read
 * it) and its one printf format, in English, translated through gettext when
 * it is emitted; see docs/architecture.md "Messages".  Any module may include
 * this header (diag.h does).
 *
 * Each message is a macro expanding to "id, severity, rule, format", so that
 * diag_msg(d, pos, MSG_X, args...) passes the English format to a
 * format-checked emitter at compile time; KITEI_MSGS lists every message
 * once, for the enum below and the table in msg.c.  To add a message: add its
 * #define in its module's group, add it to KITEI_MSGS, run make po/kitei.pot
 * and translate it in po/ja.po.  A rule that is an error in one place and a
 * warning in another gets one message per severity.
 */
#ifndef KITEI_MSG_H
#define KITEI_MSG_H

#include "i18n.h"

/*
 *	name \
 *	id, severity, "rule", \
 *	N_("format")
 */

/* main.c */
#define MSG_BAD_CONFIG_CATALOG_SUCH \
	MSGID_BAD_CONFIG_CATALOG_SUCH, DIAG_FATAL, "bad-config", \
	N_("catalog %s: no such file in the policy root")
#define MSG_BAD_CONFIG_CATALOG_NEITHER \
	MSGID_BAD_CONFIG_CATALOG_NEITHER, DIAG_FATAL, "bad-config", \
	N_("catalog: '%s' is neither a shipped catalog name nor a " \
	    ".xml path")
#define MSG_BAD_CONFIG_CATALOG_CATALOG \
	MSGID_BAD_CONFIG_CATALOG_CATALOG, DIAG_FATAL, "bad-config", \
	N_("catalog: no catalog named '%s' in %s/catalogs")
#define MSG_SHALLOW_CLONE \
	MSGID_SHALLOW_CLONE, DIAG_ERROR, "shallow-clone", \
	N_("--release needs the whole history, and this is a shallow " \
	    "clone: run git fetch --unshallow")
#define MSG_UNCOMMITTED \
	MSGID_UNCOMMITTED, DIAG_ERROR, "uncommitted", \
	N_("--release reads committed sources only; drop --worktree")
#define MSG_USAGE \
	MSGID_USAGE, DIAG_FATAL, "usage", \
	N_("catalog: %s is not an element of %s%s%s%s%s%s%s%s%s")
#define MSG_USAGE_HISTORY \
	MSGID_USAGE_HISTORY, DIAG_FATAL, "usage", \
	N_("history: no commit changed '%s' (a path relative to the " \
	    "policy root)")
#define MSG_RELEASE \
	MSGID_RELEASE, DIAG_ERROR, "release", \
	N_("--release builds from the whole committed history only: %s")
#define MSG_RELEASE_RELEASE \
	MSGID_RELEASE_RELEASE, DIAG_ERROR, "release", \
	N_("--release: manual '%s' is not signed off; approve it or " \
	    "build without --release (a draft)")
#define MSG_USAGE_DIFF \
	MSGID_USAGE_DIFF, DIAG_FATAL, "usage", \
	N_("diff: NEW and --rev both name the new side; give one")
#define MSG_USAGE_BUNDLE \
	MSGID_USAGE_BUNDLE, DIAG_FATAL, "usage", \
	N_("bundle: --order sets the 新旧対照表's columns, which only " \
	    "--since makes")
#define MSG_RELEASE_MANUAL \
	MSGID_RELEASE_MANUAL, DIAG_ERROR, "release", \
	N_("manual '%s' is not signed off: a bundle holds approved " \
	    "manuals (--draft makes one anyway)")
#define MSG_SHALLOW_CLONE_SHALLOW \
	MSGID_SHALLOW_CLONE_SHALLOW, DIAG_ERROR, "shallow-clone", \
	N_("this is a shallow clone: the history in a bundle would be " \
	    "incomplete (git fetch --unshallow)")
#define MSG_USAGE_DOES \
	MSGID_USAGE_DOES, DIAG_FATAL, "usage", \
	N_("%s does not take %s")
#define MSG_USAGE_GIVEN \
	MSGID_USAGE_GIVEN, DIAG_FATAL, "usage", \
	N_("%s given twice")
#define MSG_USAGE_EXPECTED \
	MSGID_USAGE_EXPECTED, DIAG_FATAL, "usage", \
	N_("%s: expected %s, not '%s'")
#define MSG_USAGE_UNKNOWN \
	MSGID_USAGE_UNKNOWN, DIAG_FATAL, "usage", \
	N_("unknown option %s (kitei --help lists them)")
#define MSG_USAGE_TAKES \
	MSGID_USAGE_TAKES, DIAG_FATAL, "usage", \
	N_("%s takes no value")
#define MSG_USAGE_NEEDS \
	MSGID_USAGE_NEEDS, DIAG_FATAL, "usage", \
	N_("%s needs a value: %s")
#define MSG_USAGE_UNKNOWN_COMMAND \
	MSGID_USAGE_UNKNOWN_COMMAND, DIAG_FATAL, "usage", \
	N_("unknown command '%s' (kitei --help lists them)")
#define MSG_USAGE_MISSING \
	MSGID_USAGE_MISSING, DIAG_FATAL, "usage", \
	N_("%s: missing argument (kitei %s%s)")
#define MSG_USAGE_UNEXPECTED \
	MSGID_USAGE_UNEXPECTED, DIAG_FATAL, "usage", \
	N_("%s: unexpected argument '%s' (kitei %s%s)")
#define MSG_USAGE_REV \
	MSGID_USAGE_REV, DIAG_FATAL, "usage", \
	N_("--rev and --worktree exclude each other")
#define MSG_USAGE_IMPLEMENTED \
	MSGID_USAGE_IMPLEMENTED, DIAG_FATAL, "usage", \
	N_("%s is not implemented yet")
#define MSG_USAGE_HELP \
	MSGID_USAGE_HELP, DIAG_FATAL, "usage", \
	N_("help: unexpected argument '%s' (kitei help [COMMAND])")
#define MSG_USAGE_2 \
	MSGID_USAGE_2, DIAG_FATAL, "usage", \
	N_("-C %s: %s")

/* config.c */
#define MSG_BAD_CONFIG_GLOB \
	MSGID_BAD_CONFIG_GLOB, DIAG_FATAL, "bad-config", \
	N_("documents: glob '%s' not read: %s")
#define MSG_BAD_CONFIG \
	MSGID_BAD_CONFIG, DIAG_FATAL, "bad-config", \
	N_("manual id '%s' is used twice")
#define MSG_BAD_CONFIG_APPROVER \
	MSGID_BAD_CONFIG_APPROVER, DIAG_FATAL, "bad-config", \
	N_("approver role '%s' is not defined under approval: roles")
#define MSG_UNKNOWN_PERSON \
	MSGID_UNKNOWN_PERSON, DIAG_WARNING, "unknown-person", \
	N_("role '%s': member %s is not listed under approval: people")
#define MSG_BAD_CONFIG_EXPECTED \
	MSGID_BAD_CONFIG_EXPECTED, DIAG_FATAL, "bad-config", \
	N_("%s: expected a single value")
#define MSG_BAD_CONFIG_GIVEN \
	MSGID_BAD_CONFIG_GIVEN, DIAG_FATAL, "bad-config", \
	N_("%s: given twice in the same mapping")
#define MSG_BAD_CONFIG_EXPECTED_TRUE \
	MSGID_BAD_CONFIG_EXPECTED_TRUE, DIAG_FATAL, "bad-config", \
	N_("%s: expected true or false")
#define MSG_BAD_CONFIG_REVIEW \
	MSGID_BAD_CONFIG_REVIEW, DIAG_FATAL, "bad-config", \
	N_("review_interval: expected a number of months or years, " \
	    "such as \"12 months\"")
#define MSG_BAD_CONFIG_EXPECTED_LIST \
	MSGID_BAD_CONFIG_EXPECTED_LIST, DIAG_FATAL, "bad-config", \
	N_("%s: expected a list")
#define MSG_BAD_CONFIG_MANUALS \
	MSGID_BAD_CONFIG_MANUALS, DIAG_FATAL, "bad-config", \
	N_("manuals: each manual is a mapping with id, title and " \
	    "documents")
#define MSG_BAD_CONFIG_MANUALS_KEYS \
	MSGID_BAD_CONFIG_MANUALS_KEYS, DIAG_FATAL, "bad-config", \
	N_("manuals: keys must be plain words")
#define MSG_BAD_CONFIG_KIND \
	MSGID_BAD_CONFIG_KIND, DIAG_FATAL, "bad-config", \
	N_("kind: expected policy or crisis")
#define MSG_BAD_CONFIG_MANUALS_UNKNOWN \
	MSGID_BAD_CONFIG_MANUALS_UNKNOWN, DIAG_FATAL, "bad-config", \
	N_("manuals: unknown key '%s' (known: id, title, number, " \
	    "kind, owner, documents, approvers, review_interval)")
#define MSG_BAD_CONFIG_MANUALS_MANUAL \
	MSGID_BAD_CONFIG_MANUALS_MANUAL, DIAG_FATAL, "bad-config", \
	N_("manuals: a manual without an id")
#define MSG_BAD_CONFIG_MANUALS_MUST \
	MSGID_BAD_CONFIG_MANUALS_MUST, DIAG_FATAL, "bad-config", \
	N_("manuals: id '%s' must be ASCII letters, digits, '-' or '_'")
#define MSG_BAD_CONFIG_MANUALS_MANUAL_WITHOUT \
	MSGID_BAD_CONFIG_MANUALS_MANUAL_WITHOUT, DIAG_FATAL, "bad-config", \
	N_("manuals: a manual without a title")
#define MSG_BAD_CONFIG_MANUALS_MANUAL_WITHOUT_DOCUMENTS \
	MSGID_BAD_CONFIG_MANUALS_MANUAL_WITHOUT_DOCUMENTS, DIAG_FATAL, "bad-config", \
	N_("manuals: a manual without documents")
#define MSG_BAD_CONFIG_APPROVAL \
	MSGID_BAD_CONFIG_APPROVAL, DIAG_FATAL, "bad-config", \
	N_("approval: expected a mapping")
#define MSG_BAD_CONFIG_ROLES \
	MSGID_BAD_CONFIG_ROLES, DIAG_FATAL, "bad-config", \
	N_("roles: expected a mapping of role ids")
#define MSG_BAD_CONFIG_ROLES_EACH \
	MSGID_BAD_CONFIG_ROLES_EACH, DIAG_FATAL, "bad-config", \
	N_("roles: each role has title and members")
#define MSG_BAD_CONFIG_ROLES_UNKNOWN \
	MSGID_BAD_CONFIG_ROLES_UNKNOWN, DIAG_FATAL, "bad-config", \
	N_("roles: unknown key '%s' (known: title, members)")
#define MSG_BAD_CONFIG_PEOPLE \
	MSGID_BAD_CONFIG_PEOPLE, DIAG_FATAL, "bad-config", \
	N_("people: expected a list")
#define MSG_BAD_CONFIG_PEOPLE_EACH \
	MSGID_BAD_CONFIG_PEOPLE_EACH, DIAG_FATAL, "bad-config", \
	N_("people: each person has email and name")
#define MSG_BAD_CONFIG_PEOPLE_UNKNOWN \
	MSGID_BAD_CONFIG_PEOPLE_UNKNOWN, DIAG_FATAL, "bad-config", \
	N_("people: unknown key '%s' (known: email, name, key)")
#define MSG_BAD_CONFIG_PEOPLE_PERSON \
	MSGID_BAD_CONFIG_PEOPLE_PERSON, DIAG_FATAL, "bad-config", \
	N_("people: a person without an email")
#define MSG_BAD_CONFIG_APPROVAL_UNKNOWN \
	MSGID_BAD_CONFIG_APPROVAL_UNKNOWN, DIAG_FATAL, "bad-config", \
	N_("approval: unknown key '%s' (known: require_signature, " \
	    "roles, people)")
#define MSG_BAD_CONFIG_EXPECTED_MAPPING \
	MSGID_BAD_CONFIG_EXPECTED_MAPPING, DIAG_FATAL, "bad-config", \
	N_("%s: expected a mapping")
#define MSG_BAD_CONFIG_KITEI \
	MSGID_BAD_CONFIG_KITEI, DIAG_FATAL, "bad-config", \
	N_("kitei.yml must be a mapping with organization, catalog " \
	    "and manuals")
#define MSG_BAD_CONFIG_KEYS \
	MSGID_BAD_CONFIG_KEYS, DIAG_FATAL, "bad-config", \
	N_("keys must be plain words")
#define MSG_BAD_CONFIG_DATE \
	MSGID_BAD_CONFIG_DATE, DIAG_FATAL, "bad-config", \
	N_("date_style: expected western or wareki")
#define MSG_BAD_CONFIG_MANUALS_EXPECTED \
	MSGID_BAD_CONFIG_MANUALS_EXPECTED, DIAG_FATAL, "bad-config", \
	N_("manuals: expected a list")
#define MSG_BAD_CONFIG_UNKNOWN \
	MSGID_BAD_CONFIG_UNKNOWN, DIAG_FATAL, "bad-config", \
	N_("unknown key '%s' (known: organization, catalog, " \
	    "review_interval, date_style, association, manuals, public, " \
	    "approval)")
#define MSG_BAD_CONFIG_ORGANIZATION \
	MSGID_BAD_CONFIG_ORGANIZATION, DIAG_FATAL, "bad-config", \
	N_("organization: missing")
#define MSG_BAD_CONFIG_CATALOG \
	MSGID_BAD_CONFIG_CATALOG, DIAG_FATAL, "bad-config", \
	N_("catalog: missing")
#define MSG_BAD_CONFIG_MANUALS_LEAST \
	MSGID_BAD_CONFIG_MANUALS_LEAST, DIAG_FATAL, "bad-config", \
	N_("manuals: at least one manual is needed")
#define MSG_BAD_CONFIG_UNKNOWN_KEY \
	MSGID_BAD_CONFIG_UNKNOWN_KEY, DIAG_FATAL, "bad-config", \
	N_("%s: unknown key '%s' (known: %s, %s)")
#define MSG_BAD_CONFIG_YAML_START \
	MSGID_BAD_CONFIG_YAML_START, DIAG_FATAL, "bad-config", \
	N_("cannot start the YAML parser")
#define MSG_BAD_CONFIG_YAML \
	MSGID_BAD_CONFIG_YAML, DIAG_FATAL, "bad-config", \
	N_("malformed YAML: %s%s%s")

/* sources.c */
#define MSG_TOO_MANY_DOCUMENTS \
	MSGID_TOO_MANY_DOCUMENTS, DIAG_FATAL, "too-many-documents", \
	N_("more than %d documents under the policy root")
#define MSG_USAGE_EXPECTED_DATE \
	MSGID_USAGE_EXPECTED_DATE, DIAG_FATAL, "usage", \
	N_("--as-of: expected a date as YYYY-MM-DD, not '%s'")
#define MSG_AS_OF \
	MSGID_AS_OF, DIAG_FATAL, "as-of", \
	N_("no commit was made on or before %s")
#define MSG_GIT_REPOSITORY \
	MSGID_GIT_REPOSITORY, DIAG_FATAL, "git", \
	N_("the repository has no commits yet: commit the policy " \
	    "root, or use --worktree")
#define MSG_GIT_UNKNOWN \
	MSGID_GIT_UNKNOWN, DIAG_FATAL, "git", \
	N_("unknown revision '%s'")
#define MSG_GIT_REVISION \
	MSGID_GIT_REVISION, DIAG_FATAL, "git", \
	N_("revision '%s' does not name a commit")
#define MSG_COMMIT_DATE \
	MSGID_COMMIT_DATE, DIAG_WARNING, "commit-date", \
	N_("commit %.12s: its date lies outside the years %d to %d; " \
	    "it is taken as the nearest day inside")
#define MSG_NO_CONFIG \
	MSGID_NO_CONFIG, DIAG_FATAL, "no-config", \
	N_("the policy root %s is not committed at %.12s: commit it, " \
	    "or use --worktree")
#define MSG_UNCOMMITTED_CHANGES \
	MSGID_UNCOMMITTED_CHANGES, DIAG_NOTE, "uncommitted-changes", \
	N_("%zu file%s %s%s differ%s from HEAD and %s not checked " \
	    "(%s); --worktree previews them")
#define MSG_GIT_INSIDE \
	MSGID_GIT_INSIDE, DIAG_FATAL, "git", \
	N_("%s is not inside a git repository: kitei reads policies " \
	    "from git")
#define MSG_GIT_OWNER \
	MSGID_GIT_OWNER, DIAG_FATAL, "git", \
	N_("%s belongs to a git repository owned by another user, " \
	    "which git refuses to read (dubious ownership); if you trust it, " \
	    "run: git config --global --add safe.directory %s (%s)")
#define MSG_GIT_OPEN \
	MSGID_GIT_OPEN, DIAG_FATAL, "git", \
	N_("%s: cannot open the git repository (%s)")
#define MSG_GIT_BARE \
	MSGID_GIT_BARE, DIAG_FATAL, "git", \
	N_("%s is a bare repository: run kitei in a clone")
#define MSG_GIT_OUTSIDE \
	MSGID_GIT_OUTSIDE, DIAG_FATAL, "git", \
	N_("%s is outside the working tree %s")
#define MSG_NO_CONFIG_KITEI \
	MSGID_NO_CONFIG_KITEI, DIAG_FATAL, "no-config", \
	N_("no kitei.yml in %s%s: a policy root is a folder holding " \
	    "kitei.yml")
#define MSG_OUTSIDE_ROOT \
	MSGID_OUTSIDE_ROOT, DIAG_FATAL, "outside-root", \
	N_("%s: files outside the policy root are not read")
#define MSG_TOO_LARGE \
	MSGID_TOO_LARGE, DIAG_ERROR, "too-large", \
	N_("file of %zu bytes is larger than the limit of %zu bytes; " \
	    "not read")
#define MSG_TOO_LARGE_STREAM \
	MSGID_TOO_LARGE_STREAM, DIAG_ERROR, "too-large", \
	N_("file is larger than the limit of %zu bytes; not read")
#define MSG_TOO_LARGE_INPUT \
	MSGID_TOO_LARGE_INPUT, DIAG_FATAL, "too-large", \
	N_("file of %zu bytes is larger than the limit of %zu bytes; " \
	    "not read")
#define MSG_TOO_LARGE_INPUT_STREAM \
	MSGID_TOO_LARGE_INPUT_STREAM, DIAG_FATAL, "too-large", \
	N_("file is larger than the limit of %zu bytes; not read")
#define MSG_SYMLINK \
	MSGID_SYMLINK, DIAG_ERROR, "symlink", \
	N_("a symbolic link under the policy root is not read: only " \
	    "regular files are sources")
#define MSG_SUBMODULE \
	MSGID_SUBMODULE, DIAG_ERROR, "submodule", \
	N_("a submodule under the policy root is not read: only " \
	    "regular files are sources")
#define MSG_SUBMODULE_NESTED \
	MSGID_SUBMODULE_NESTED, DIAG_ERROR, "submodule", \
	N_("a nested repository under the policy root is not read: " \
	    "only regular files are sources")

/* parse.c */
#define MSG_TOO_LONG_LINE \
	MSGID_TOO_LONG_LINE, DIAG_ERROR, "too-long-line", \
	N_("line longer than %d bytes; the file is not read")
#define MSG_BAD_UTF8 \
	MSGID_BAD_UTF8, DIAG_ERROR, "bad-utf8", \
	N_("NUL byte: a policy source must be UTF-8 text")
#define MSG_BAD_UTF8_INVALID \
	MSGID_BAD_UTF8_INVALID, DIAG_ERROR, "bad-utf8", \
	N_("invalid UTF-8 byte 0x%02x: save the file as UTF-8")
#define MSG_BAD_FRONT_MATTER \
	MSGID_BAD_FRONT_MATTER, DIAG_ERROR, "bad-front-matter", \
	N_("front matter must be a mapping such as 'title: …'")
#define MSG_BAD_FRONT_MATTER_FRONT \
	MSGID_BAD_FRONT_MATTER_FRONT, DIAG_ERROR, "bad-front-matter", \
	N_("front matter values are single lines of text")
#define MSG_BAD_FRONT_MATTER_VISIBILITY \
	MSGID_BAD_FRONT_MATTER_VISIBILITY, DIAG_ERROR, "bad-front-matter", \
	N_("visibility: expected public, internal or confidential, " \
	    "not '%s'")
#define MSG_BAD_FRONT_MATTER_UNKNOWN \
	MSGID_BAD_FRONT_MATTER_UNKNOWN, DIAG_ERROR, "bad-front-matter", \
	N_("unknown front matter key '%s'; did you mean 'visibility'? " \
	    "The document is treated as confidential")
#define MSG_BAD_FRONT_MATTER_UNKNOWN_FRONT \
	MSGID_BAD_FRONT_MATTER_UNKNOWN_FRONT, DIAG_WARNING, "bad-front-matter", \
	N_("unknown front matter key '%s' (known: title, owner, " \
	    "visibility)")
#define MSG_BAD_FRONT_MATTER_FRONT_MATTER \
	MSGID_BAD_FRONT_MATTER_FRONT_MATTER, DIAG_ERROR, "bad-front-matter", \
	N_("front matter opened with '---' is never closed")
#define MSG_BAD_DIRECTIVE_VISIBILITY \
	MSGID_BAD_DIRECTIVE_VISIBILITY, DIAG_ERROR, "bad-directive", \
	N_("visibility: names two classes; the section is treated as " \
	    "confidential")
#define MSG_BAD_DIRECTIVE_VISIBILITY_TEXT \
	MSGID_BAD_DIRECTIVE_VISIBILITY_TEXT, DIAG_WARNING, "bad-directive", \
	N_("visibility: text after the class is ignored")
#define MSG_BAD_DIRECTIVE_TOO \
	MSGID_BAD_DIRECTIVE_TOO, DIAG_ERROR, "bad-directive", \
	N_("too many or too long ids in one directive (at most %d ids " \
	    "of %d characters)")
#define MSG_BAD_DIRECTIVE_NAMES \
	MSGID_BAD_DIRECTIVE_NAMES, DIAG_ERROR, "bad-directive", \
	N_("%s: names no element id")
#define MSG_BAD_DIRECTIVE_COVERS \
	MSGID_BAD_DIRECTIVE_COVERS, DIAG_ERROR, "bad-directive", \
	N_("covers: '%s' is not an id, and the ids after it are not " \
	    "read; separate ids with spaces or commas")
#define MSG_BAD_DIRECTIVE_COVERS_TEXT \
	MSGID_BAD_DIRECTIVE_COVERS_TEXT, DIAG_WARNING, "bad-directive", \
	N_("covers: text after the ids is ignored")
#define MSG_UNKNOWN_DIRECTIVE \
	MSGID_UNKNOWN_DIRECTIVE, DIAG_ERROR, "unknown-directive", \
	N_("'%s:' is not a directive; did you mean '%s:'?")
#define MSG_BAD_DIRECTIVE_WITHOUT \
	MSGID_BAD_DIRECTIVE_WITHOUT, DIAG_ERROR, "bad-directive", \
	N_("'%s' without a ':' cannot be read; write '%s: …'")
#define MSG_BAD_DIRECTIVE_COMMENT \
	MSGID_BAD_DIRECTIVE_COMMENT, DIAG_ERROR, "bad-directive", \
	N_("a comment opened with '<!--' and never closed with " \
	    "'-->'%s: what follows it is not shown")
#define MSG_BAD_DIRECTIVE_DIRECTIVE \
	MSGID_BAD_DIRECTIVE_DIRECTIVE, DIAG_ERROR, "bad-directive", \
	N_("a directive written as text%s is shown on the page and " \
	    "not read")
#define MSG_TOO_MANY_SECTIONS \
	MSGID_TOO_MANY_SECTIONS, DIAG_ERROR, "too-many-sections", \
	N_("more than %d headings in one document; the file is not " \
	    "read")
#define MSG_TOO_DEEP \
	MSGID_TOO_DEEP, DIAG_ERROR, "too-deep", \
	N_("nesting deeper than %d levels; the file is not read")
#define MSG_BAD_DIRECTIVE_VISIBILITY_NAMES \
	MSGID_BAD_DIRECTIVE_VISIBILITY_NAMES, DIAG_ERROR, "bad-directive", \
	N_("visibility: names no class; expected public, internal or " \
	    "confidential")
#define MSG_BAD_DIRECTIVE_VISIBILITY_EXPECTED \
	MSGID_BAD_DIRECTIVE_VISIBILITY_EXPECTED, DIAG_ERROR, "bad-directive", \
	N_("visibility: expected public, internal or confidential, " \
	    "not '%s'")
#define MSG_UNKNOWN_DIRECTIVE_DIRECTIVE \
	MSGID_UNKNOWN_DIRECTIVE_DIRECTIVE, DIAG_ERROR, "unknown-directive", \
	N_("'%s:' is not a directive; did you mean 'visibility:'? The " \
	    "section is treated as confidential")
#define MSG_BAD_DIRECTIVE_WITHOUT_READ \
	MSGID_BAD_DIRECTIVE_WITHOUT_READ, DIAG_ERROR, "bad-directive", \
	N_("'%s' without a ':' cannot be read; write 'visibility: " \
	    "internal'; the section is treated as confidential")
#define MSG_UNKNOWN_DIRECTIVE_DIRECTIVE_DID \
	MSGID_UNKNOWN_DIRECTIVE_DIRECTIVE_DID, DIAG_ERROR, "unknown-directive", \
	N_("'%s' is not a directive; did you mean 'visibility:'? The " \
	    "section is treated as confidential")
#define MSG_BAD_DIRECTIVE_COMMENT_OPENED \
	MSGID_BAD_DIRECTIVE_COMMENT_OPENED, DIAG_ERROR, "bad-directive", \
	N_("a comment opened with '<!--' and never closed with " \
	    "'-->'%s: what follows it is not shown, and the section is " \
	    "treated as confidential")
#define MSG_BAD_DIRECTIVE_DIRECTIVE_WRITTEN \
	MSGID_BAD_DIRECTIVE_DIRECTIVE_WRITTEN, DIAG_ERROR, "bad-directive", \
	N_("a directive written as text%s is shown on the page and " \
	    "not read; the section is treated as confidential")
#define MSG_BAD_FRONT_MATTER_YAML_START \
	MSGID_BAD_FRONT_MATTER_YAML_START, DIAG_FATAL, "bad-front-matter", \
	N_("cannot start the YAML parser")
#define MSG_BAD_FRONT_MATTER_YAML \
	MSGID_BAD_FRONT_MATTER_YAML, DIAG_ERROR, "bad-front-matter", \
	N_("malformed YAML: %s%s%s")

/* model.c */
#define MSG_UNSAFE_LINK \
	MSGID_UNSAFE_LINK, DIAG_WARNING, "unsafe-link", \
	N_("link target '%.40s' is dropped: only http(s), mailto, tel " \
	    "and relative links are kept")
#define MSG_RAW_HTML \
	MSGID_RAW_HTML, DIAG_WARNING, "raw-html", \
	N_("raw HTML is not shown: %.*s%s")
#define MSG_BAD_DIRECTIVE \
	MSGID_BAD_DIRECTIVE, DIAG_WARNING, "bad-directive", \
	N_("a second visibility: for this section; the more " \
	    "restricted one applies")
#define MSG_VISIBILITY_WIDENED \
	MSGID_VISIBILITY_WIDENED, DIAG_WARNING, "visibility-widened", \
	N_("visibility: %s has no effect here: the enclosing section " \
	    "is %s, and a section can only be more restricted than its parent")
#define MSG_AMBIGUOUS_DOCUMENT \
	MSGID_AMBIGUOUS_DOCUMENT, DIAG_ERROR, "ambiguous-document", \
	N_("claimed by two manuals, '%s' and '%s': a document belongs " \
	    "to exactly one")
#define MSG_ORPHAN_DOCUMENT \
	MSGID_ORPHAN_DOCUMENT, DIAG_WARNING, "orphan-document", \
	N_("belongs to no manual: add it to a manual's documents in " \
	    "kitei.yml")
#define MSG_EMPTY_MANUAL \
	MSGID_EMPTY_MANUAL, DIAG_WARNING, "empty-manual", \
	N_("manual '%s': its documents globs match no file")

/* catalog.c */
#define MSG_BAD_CATALOG_WHY \
	MSGID_BAD_CATALOG_WHY, DIAG_FATAL, "bad-catalog", \
	N_("%s")
#define MSG_BAD_CATALOG \
	MSGID_BAD_CATALOG, DIAG_FATAL, "bad-catalog", \
	N_("cannot read the catalog schema")
#define MSG_BAD_CATALOG_CATALOG \
	MSGID_BAD_CATALOG_CATALOG, DIAG_FATAL, "bad-catalog", \
	N_("the catalog does not match %s")
#define MSG_BAD_CATALOG_ELEMENT \
	MSGID_BAD_CATALOG_ELEMENT, DIAG_FATAL, "bad-catalog", \
	N_("element id %s appears twice")

/* coverage.c */
#define MSG_UNKNOWN_REQUIREMENT \
	MSGID_UNKNOWN_REQUIREMENT, DIAG_ERROR, "unknown-requirement", \
	N_("%s is not an element of %s")
#define MSG_UNKNOWN_REQUIREMENT_ELEMENT \
	MSGID_UNKNOWN_REQUIREMENT_ELEMENT, DIAG_ERROR, "unknown-requirement", \
	N_("%s is not an element of %s; did you mean %s%s%s%s%s%s%s?")
#define MSG_EMPTY_COVERAGE \
	MSGID_EMPTY_COVERAGE, DIAG_ERROR, "empty-coverage", \
	N_("section '%s' covers %s but has no body text")
#define MSG_WRONG_MANUAL \
	MSGID_WRONG_MANUAL, DIAG_ERROR, "wrong-manual", \
	N_("%s must be met in a crisis manual (kind: crisis); '%s' is " \
	    "not one")
#define MSG_NOT_PUBLIC \
	MSGID_NOT_PUBLIC, DIAG_ERROR, "not-public", \
	N_("%s must be met on the public page, but section '%s' is %s")
#define MSG_IMPLAUSIBLE_COVERAGE \
	MSGID_IMPLAUSIBLE_COVERAGE, DIAG_WARNING, "implausible-coverage", \
	N_("section '%s' mentions none of %s's keywords (%s%s%s): is " \
	    "the id right?")
#define MSG_MISSING_REASON \
	MSGID_MISSING_REASON, DIAG_ERROR, "missing-reason", \
	N_("not-applicable: %s gives no reason; say why it does not " \
	    "apply")
#define MSG_NOT_APPLICABLE_MUST \
	MSGID_NOT_APPLICABLE_MUST, DIAG_WARNING, "not-applicable-must", \
	N_("%s is a must (しなければならない) and is declared not applicable")
#define MSG_COVERED_AND_NOT_APPLICABLE \
	MSGID_COVERED_AND_NOT_APPLICABLE, DIAG_WARNING, "covered-and-not-applicable", \
	N_("%s is declared not applicable but is also covered")
#define MSG_UNCOUNTED_COVERAGE_MISSING \
	MSGID_UNCOUNTED_COVERAGE_MISSING, DIAG_ERROR, "uncounted-coverage", \
	N_("%s: %s is not counted: %s; %s")
#define MSG_UNCOUNTED_COVERAGE \
	MSGID_UNCOUNTED_COVERAGE, DIAG_WARNING, "uncounted-coverage", \
	N_("%s: %s is not counted: %s; %s")
#define MSG_MISSING_COVERAGE \
	MSGID_MISSING_COVERAGE, DIAG_ERROR, "missing-coverage", \
	N_("%s (%s, %s) is covered by no section%s%s")
#define MSG_MISSING_COVERAGE_EXAMPLE \
	MSGID_MISSING_COVERAGE_EXAMPLE, DIAG_WARNING, "missing-coverage", \
	N_("%s (%s, %s) is covered by no section%s%s")

/* history.c */
#define MSG_GIT_WHAT_WHY \
	MSGID_GIT_WHAT_WHY, DIAG_FATAL, "git", \
	N_("%s: %s")
#define MSG_BAD_APPROVAL \
	MSGID_BAD_APPROVAL, DIAG_WARNING, "bad-approval", \
	N_("commit %.12s: '%.*s' is not read: trailers count only in " \
	    "the message's last paragraph, after the subject and a blank line")
#define MSG_BAD_APPROVAL_COMMIT \
	MSGID_BAD_APPROVAL_COMMIT, DIAG_WARNING, "bad-approval", \
	N_("commit %.12s: '%.*s' is not a trailer kitei reads; did " \
	    "you mean '%s:'?")
#define MSG_COMMIT_DATE_WHY \
	MSGID_COMMIT_DATE_WHY, DIAG_WARNING, "commit-date", \
	N_("%s")

/* signoff.c */
#define MSG_BAD_KEY \
	MSGID_BAD_KEY, DIAG_WARNING, "bad-key", \
	N_("cannot import the key: %s")
#define MSG_BAD_APPROVAL_MANUAL \
	MSGID_BAD_APPROVAL_MANUAL, DIAG_ERROR, "bad-approval", \
	N_("manual '%s': Effective: %s in %.12s is not a day written " \
	    "YYYY-MM-DD, so the 施行日 cannot be read")
#define MSG_BAD_APPROVAL_MANUAL_APPROVED \
	MSGID_BAD_APPROVAL_MANUAL_APPROVED, DIAG_WARNING, "bad-approval", \
	N_("manual '%s': Approved-by: %s in %.12s is not '名前 <email>'")
#define MSG_BAD_APPROVAL_MANUAL_APPROVAL \
	MSGID_BAD_APPROVAL_MANUAL_APPROVAL, DIAG_WARNING, "bad-approval", \
	N_("manual '%s': the approval by %s in %.12s is not counted: " \
	    "kitei.yml gives this address no approver role")
#define MSG_BAD_APPROVAL_MANUAL_APPROVAL_COUNTED \
	MSGID_BAD_APPROVAL_MANUAL_APPROVAL_COUNTED, DIAG_WARNING, "bad-approval", \
	N_("manual '%s': the approval by %s in %.12s is not counted: " \
	    "%s")
#define MSG_REVIEW_OVERDUE \
	MSGID_REVIEW_OVERDUE, DIAG_WARNING, "review-overdue", \
	N_("manual '%s' was last approved on %s; its review was due " \
	    "on %s")
#define MSG_EFFECTIVE_DATE_ORDER \
	MSGID_EFFECTIVE_DATE_ORDER, DIAG_ERROR, "effective-date-order", \
	N_("manual '%s': 第%d版 takes effect on %s, before 第%d版 (%s); " \
	    "its approval (last change %.12s) needs an Effective: trailer no " \
	    "earlier than that")
#define MSG_MISSING_SUMMARY \
	MSGID_MISSING_SUMMARY, DIAG_WARNING, "missing-summary", \
	N_("manual '%s': no approval of 第%d版 gives a Summary: " \
	    "trailer, so its 改定内容 is the subjects of the commits it approves")
#define MSG_UNAPPROVED_CHANGE_NO_APPROVERS \
	MSGID_UNAPPROVED_CHANGE_NO_APPROVERS, DIAG_ERROR, "unapproved-change", \
	N_("manual '%s' names no approvers in kitei.yml, so it can " \
	    "never be signed off")
#define MSG_UNAPPROVED_CHANGE_NO_APPROVERS_DRAFT \
	MSGID_UNAPPROVED_CHANGE_NO_APPROVERS_DRAFT, DIAG_WARNING, "unapproved-change", \
	N_("manual '%s' names no approvers in kitei.yml, so it can " \
	    "never be signed off")
#define MSG_UNAPPROVED_CHANGE \
	MSGID_UNAPPROVED_CHANGE, DIAG_ERROR, "unapproved-change", \
	N_("manual '%s' has changes since %s (last change %.12s); " \
	    "approval missing from %s")
#define MSG_UNAPPROVED_CHANGE_DRAFT \
	MSGID_UNAPPROVED_CHANGE_DRAFT, DIAG_WARNING, "unapproved-change", \
	N_("manual '%s' has changes since %s (last change %.12s); " \
	    "approval missing from %s")

/* image.c */
#define MSG_IMAGE_NOT_EMBEDDED \
	MSGID_IMAGE_NOT_EMBEDDED, DIAG_WARNING, "image-not-embedded", \
	N_("only images under the policy root are embedded; this one " \
	    "shows its text")
#define MSG_BAD_IMAGE_WHY \
	MSGID_BAD_IMAGE_WHY, DIAG_ERROR, "bad-image", \
	N_("%s")
#define MSG_BAD_IMAGE_WHAT_WHY \
	MSGID_BAD_IMAGE_WHAT_WHY, DIAG_ERROR, "bad-image", \
	N_("%s: %s")
#define MSG_IO_WHY \
	MSGID_IO_WHY, DIAG_FATAL, "io", \
	N_("%s")

/* render.c */
#define MSG_TEMPLATE_WHY \
	MSGID_TEMPLATE_WHY, DIAG_FATAL, "template", \
	N_("%s")
#define MSG_TEMPLATE_READ \
	MSGID_TEMPLATE_READ, DIAG_FATAL, "template-read", \
	N_("%s '%s' refused: a template reads only templates of the " \
	    "policy root's templates/ at the revision built and the shipped " \
	    "ones")
#define MSG_TEMPLATE \
	MSGID_TEMPLATE, DIAG_FATAL, "template", \
	N_("cannot read template")
#define MSG_TEMPLATE_SUCH \
	MSGID_TEMPLATE_SUCH, DIAG_FATAL, "template", \
	N_("%s '%s': no such template at the revision built nor among " \
	    "the shipped ones")
#define MSG_TEMPLATE_USABLE \
	MSGID_TEMPLATE_USABLE, DIAG_FATAL, "template", \
	N_("not a usable XSLT template")
#define MSG_TEMPLATE_LIMIT \
	MSGID_TEMPLATE_LIMIT, DIAG_FATAL, "template-limit", \
	N_("template calls nested deeper than %d levels (runaway " \
	    "recursion?)")
#define MSG_TEMPLATE_LIMIT_TEMPLATE \
	MSGID_TEMPLATE_LIMIT_TEMPLATE, DIAG_FATAL, "template-limit", \
	N_("template stopped after %lu steps on an input of %lu nodes " \
	    "(runaway recursion?)")
#define MSG_TEMPLATE_LIMIT_TEMPLATE_STOPPED \
	MSGID_TEMPLATE_LIMIT_TEMPLATE_STOPPED, DIAG_FATAL, "template-limit", \
	N_("template stopped after %lu XPath operations on an input " \
	    "of %lu nodes")
#define MSG_TEMPLATE_TEMPLATE \
	MSGID_TEMPLATE_TEMPLATE, DIAG_FATAL, "template", \
	N_("template %s failed")
#define MSG_IO_WRITE_PAGE \
	MSGID_IO_WRITE_PAGE, DIAG_FATAL, "io", \
	N_("cannot write the page")
#define MSG_IO_READ \
	MSGID_IO_READ, DIAG_FATAL, "io", \
	N_("cannot read")

/* pubpage.c */
#define MSG_IO_PREVIOUS \
	MSGID_IO_PREVIOUS, DIAG_FATAL, "io", \
	N_("the previous public page is nested too deep to carry over")
#define MSG_PUBLIC_UNAPPROVED \
	MSGID_PUBLIC_UNAPPROVED, DIAG_NOTE, "public-unapproved", \
	N_("manual '%s' has never been signed off: its public " \
	    "sections are left out of the public page (build --draft " \
	    "previews them)")
#define MSG_PUBLIC_UNAPPROVED_MANUAL \
	MSGID_PUBLIC_UNAPPROVED_MANUAL, DIAG_WARNING, "public-unapproved", \
	N_("manual '%s' is not signed off, and its signed-off " \
	    "revision %.12s %s: its public sections are left out of the " \
	    "public page")
#define MSG_PUBLIC_UNAPPROVED_MANUAL_SIGNED \
	MSGID_PUBLIC_UNAPPROVED_MANUAL_SIGNED, DIAG_NOTE, "public-unapproved", \
	N_("manual '%s' is not signed off: the public page shows its " \
	    "signed-off 第%d版 (%.12s)")
#define MSG_PUBLIC_WITHHELD \
	MSGID_PUBLIC_WITHHELD, DIAG_ERROR, "public-withheld", \
	N_("the public page was not written: %zu finding%s touch%s " \
	    "visibility (the first: %s%s [%s]); %s")
#define MSG_PUBLIC_UNAPPROVED_PUBLIC \
	MSGID_PUBLIC_UNAPPROVED_PUBLIC, DIAG_NOTE, "public-unapproved", \
	N_("public page not written: %s; %s")
#define MSG_PUBLIC_DRAFT \
	MSGID_PUBLIC_DRAFT, DIAG_NOTE, "public-draft", \
	N_("the public page is a preview of text that may not be " \
	    "approved: marked 未承認 and noindex; do not publish it")

/* publish.c */
#define MSG_OUTPUT_WHY \
	MSGID_OUTPUT_WHY, DIAG_FATAL, "output", \
	N_("%s")

/* output.c */
#define MSG_USAGE_UNKNOWN_PART \
	MSGID_USAGE_UNKNOWN_PART, DIAG_FATAL, "usage", \
	N_("--only: unknown part '%.*s'; the parts are html, pdf, " \
	    "public, dashboard")
#define MSG_IO \
	MSGID_IO, DIAG_FATAL, "io", \
	N_("cannot write: %s")
#define MSG_IO_WRITE \
	MSGID_IO_WRITE, DIAG_FATAL, "io", \
	N_("cannot write")
#define MSG_SIGN_PDF \
	MSGID_SIGN_PDF, DIAG_FATAL, "sign-pdf", \
	N_("manual '%s' is not approved as committed: --sign-pdf " \
	    "signs approved manuals only")

/* diff.c */
#define MSG_DIFF_WHY \
	MSGID_DIFF_WHY, DIAG_WARNING, "diff", \
	N_("%s")

/* bundle.c */
#define MSG_IO_WHAT_WHY \
	MSGID_IO_WHAT_WHY, DIAG_FATAL, "io", \
	N_("%s: %s")
#define MSG_SIGN \
	MSGID_SIGN, DIAG_FATAL, "sign", \
	N_("--sign %s: no such secret key in your keyring: %s")
#define MSG_SIGN_SIGN \
	MSGID_SIGN_SIGN, DIAG_FATAL, "sign", \
	N_("cannot sign SHA256SUMS with %s: %s")
#define MSG_ZIP_WHAT_WHY \
	MSGID_ZIP_WHAT_WHY, DIAG_FATAL, "zip", \
	N_("%s: %s")
#define MSG_ZIP_WHY \
	MSGID_ZIP_WHY, DIAG_FATAL, "zip", \
	N_("%s")
#define MSG_VERIFY \
	MSGID_VERIFY, DIAG_FATAL, "verify", \
	N_("not a zip (no end of central directory)")
#define MSG_VERIFY_BUNDLE \
	MSGID_VERIFY_BUNDLE, DIAG_ERROR, "verify", \
	N_("the bundle has %llu members, more than verify reads (%d)")
#define MSG_VERIFY_END \
	MSGID_VERIFY_END, DIAG_ERROR, "verify", \
	N_("the end of the central directory is inconsistent (a " \
	    "multi-part, damaged or crafted zip)")
#define MSG_VERIFY_IMPORT \
	MSGID_VERIFY_IMPORT, DIAG_FATAL, "verify", \
	N_("cannot import the keys: %s")
#define MSG_VERIFY_LIBGCRYPT \
	MSGID_VERIFY_LIBGCRYPT, DIAG_FATAL, "verify", \
	N_("libgcrypt is not usable")
#define MSG_VERIFY_REGULAR \
	MSGID_VERIFY_REGULAR, DIAG_FATAL, "verify", \
	N_("not a regular file")
#define MSG_VERIFY_ZIP \
	MSGID_VERIFY_ZIP, DIAG_ERROR, "verify", \
	N_("the zip has a comment or bytes after its end (verify " \
	    "reads zips as kitei writes them)")
#define MSG_VERIFY_MALFORMED \
	MSGID_VERIFY_MALFORMED, DIAG_ERROR, "verify", \
	N_("%s: a malformed extra field")
#define MSG_VERIFY_EXTRA \
	MSGID_VERIFY_EXTRA, DIAG_ERROR, "verify", \
	N_("%s: an extra field verify does not accept (%s)")
#define MSG_VERIFY_ZIP_EXTRA \
	MSGID_VERIFY_ZIP_EXTRA, DIAG_ERROR, "verify", \
	N_("%s: a zip64 extra field too short")
#define MSG_VERIFY_CENTRAL \
	MSGID_VERIFY_CENTRAL, DIAG_ERROR, "verify", \
	N_("the central directory is damaged (member %s)")
#define MSG_VERIFY_CENTRAL_DIRECTORY \
	MSGID_VERIFY_CENTRAL_DIRECTORY, DIAG_ERROR, "verify", \
	N_("the central directory is damaged")
#define MSG_VERIFY_WHAT_WHY \
	MSGID_VERIFY_WHAT_WHY, DIAG_ERROR, "verify", \
	N_("%s: %s")
#define MSG_VERIFY_ANOTHER \
	MSGID_VERIFY_ANOTHER, DIAG_ERROR, "verify", \
	N_("%s: on another disk of a multi-part zip")
#define MSG_VERIFY_MADE \
	MSGID_VERIFY_MADE, DIAG_ERROR, "verify", \
	N_("%s: made on a system (%s) whose file types verify cannot " \
	    "read")
#define MSG_VERIFY_REGULAR_FILE \
	MSGID_VERIFY_REGULAR_FILE, DIAG_ERROR, "verify", \
	N_("%s: not a regular file (%s)")
#define MSG_VERIFY_SET \
	MSGID_VERIFY_SET, DIAG_ERROR, "verify", \
	N_("%s: set-user-ID, set-group-ID or sticky mode bits")
#define MSG_VERIFY_ENCRYPTED \
	MSGID_VERIFY_ENCRYPTED, DIAG_ERROR, "verify", \
	N_("%s: encrypted, or flags verify does not know")
#define MSG_VERIFY_COMPRESSED \
	MSGID_VERIFY_COMPRESSED, DIAG_ERROR, "verify", \
	N_("%s: compressed with method %s, which verify does not read")
#define MSG_VERIFY_LARGER \
	MSGID_VERIFY_LARGER, DIAG_ERROR, "verify", \
	N_("%s: larger than verify reads (%s bytes)")
#define MSG_VERIFY_CENTRAL_DIRECTORY_HOLDS \
	MSGID_VERIFY_CENTRAL_DIRECTORY_HOLDS, DIAG_ERROR, "verify", \
	N_("the central directory holds bytes past its last entry")
#define MSG_VERIFY_BUNDLE_EXPANDS \
	MSGID_VERIFY_BUNDLE_EXPANDS, DIAG_ERROR, "verify", \
	N_("the bundle expands to more than verify reads (%s bytes; a " \
	    "zip bomb?)")
#define MSG_VERIFY_LOCAL \
	MSGID_VERIFY_LOCAL, DIAG_ERROR, "verify", \
	N_("%s: its local header is not where the previous member " \
	    "ends (hidden or overlapping members)")
#define MSG_VERIFY_LOCAL_HEADER \
	MSGID_VERIFY_LOCAL_HEADER, DIAG_ERROR, "verify", \
	N_("%s: its local header and the central directory disagree")
#define MSG_VERIFY_LOCAL_HEADER_CENTRAL \
	MSGID_VERIFY_LOCAL_HEADER_CENTRAL, DIAG_ERROR, "verify", \
	N_("%s: its local header and the central directory disagree " \
	    "on its size or CRC")
#define MSG_VERIFY_DATA \
	MSGID_VERIFY_DATA, DIAG_ERROR, "verify", \
	N_("%s: its data runs into the central directory")
#define MSG_VERIFY_DATA_DESCRIPTOR \
	MSGID_VERIFY_DATA_DESCRIPTOR, DIAG_ERROR, "verify", \
	N_("%s: its data descriptor and the central directory disagree")
#define MSG_VERIFY_BYTES \
	MSGID_VERIFY_BYTES, DIAG_ERROR, "verify", \
	N_("bytes hidden between the last member and the central " \
	    "directory")
#define MSG_VERIFY_SHA \
	MSGID_VERIFY_SHA, DIAG_ERROR, "verify", \
	N_("SHA256SUMS: a NUL byte at offset %s (a file cut short, or " \
	    "not a sums file)")
#define MSG_VERIFY_SHA_SUMS \
	MSGID_VERIFY_SHA_SUMS, DIAG_ERROR, "verify", \
	N_("SHA256SUMS: line %s is not '<sha256>  <name>'")
#define MSG_VERIFY_SHA_SUMS_LINE \
	MSGID_VERIFY_SHA_SUMS_LINE, DIAG_ERROR, "verify", \
	N_("SHA256SUMS: line %s lists %s")
#define MSG_VERIFY_SHA_SUMS_LINE_LISTS \
	MSGID_VERIFY_SHA_SUMS_LINE_LISTS, DIAG_ERROR, "verify", \
	N_("SHA256SUMS: line %s lists %s, which cannot be listed")
#define MSG_VERIFY_SHA_SUMS_LISTS \
	MSGID_VERIFY_SHA_SUMS_LISTS, DIAG_ERROR, "verify", \
	N_("SHA256SUMS lists no file")
#define MSG_VERIFY_SHA_SUMS_ASC \
	MSGID_VERIFY_SHA_SUMS_ASC, DIAG_ERROR, "verify", \
	N_("SHA256SUMS.asc: no public keys to check it with (give " \
	    "--keyring FILE)")
#define MSG_VERIFY_SHA_SUMS_ASC_MANIFEST \
	MSGID_VERIFY_SHA_SUMS_ASC_MANIFEST, DIAG_ERROR, "verify", \
	N_("SHA256SUMS.asc: manifest.json gives no source commit " \
	    "time, so the signature's date cannot be judged")
#define MSG_VERIFY_SHA_SUMS_ASC_SIGNATURE \
	MSGID_VERIFY_SHA_SUMS_ASC_SIGNATURE, DIAG_ERROR, "verify", \
	N_("SHA256SUMS.asc: not a signature over SHA256SUMS")
#define MSG_VERIFY_SHA_SUMS_ASC_MADE \
	MSGID_VERIFY_SHA_SUMS_ASC_MADE, DIAG_ERROR, "verify", \
	N_("SHA256SUMS.asc: made by key %s, which is not in the " \
	    "keyring")
#define MSG_VERIFY_2 \
	MSGID_VERIFY_2, DIAG_ERROR, "verify", \
	N_("SHA256SUMS.asc: %s")
#define MSG_VERIFY_APPEARS \
	MSGID_VERIFY_APPEARS, DIAG_ERROR, "verify", \
	N_("%s: appears twice in the bundle")
#define MSG_VERIFY_DIFFERS \
	MSGID_VERIFY_DIFFERS, DIAG_ERROR, "verify", \
	N_("%s: differs from %s only in case (one file on Windows and " \
	    "macOS)")
#define MSG_VERIFY_LISTED \
	MSGID_VERIFY_LISTED, DIAG_ERROR, "verify", \
	N_("%s: listed twice in SHA256SUMS")
#define MSG_VERIFY_BUNDLE_BUT \
	MSGID_VERIFY_BUNDLE_BUT, DIAG_ERROR, "verify", \
	N_("%s: in the bundle but not listed in SHA256SUMS (an added " \
	    "file)")
#define MSG_VERIFY_LISTED_SHA \
	MSGID_VERIFY_LISTED_SHA, DIAG_ERROR, "verify", \
	N_("%s: listed in SHA256SUMS but missing from the bundle")
#define MSG_VERIFY_SHA_DOES \
	MSGID_VERIFY_SHA_DOES, DIAG_ERROR, "verify", \
	N_("%s: SHA-256 does not match SHA256SUMS (the file was " \
	    "changed)")
#define MSG_VERIFY_BUNDLE_EMPTY \
	MSGID_VERIFY_BUNDLE_EMPTY, DIAG_ERROR, "verify", \
	N_("the bundle is empty")
#define MSG_VERIFY_SHA_SUMS_MISSING \
	MSGID_VERIFY_SHA_SUMS_MISSING, DIAG_ERROR, "verify", \
	N_("SHA256SUMS is missing")
#define MSG_VERIFY_SHA_SUMS_ASC_MISSING \
	MSGID_VERIFY_SHA_SUMS_ASC_MISSING, DIAG_ERROR, "verify", \
	N_("SHA256SUMS.asc is missing, and --keyring asks for a " \
	    "signature")

/* gpghome.c */
#define MSG_GPG \
	MSGID_GPG, DIAG_FATAL, "gpg", \
	N_("cannot create a temporary keyring folder in %s: %s")
#define MSG_GPG_WRITE \
	MSGID_GPG_WRITE, DIAG_FATAL, "gpg", \
	N_("cannot write %s: %s")
#define MSG_GPG_OPENPGP \
	MSGID_GPG_OPENPGP, DIAG_FATAL, "gpg", \
	N_("OpenPGP is not available: %s")
#define MSG_GPG_READ \
	MSGID_GPG_READ, DIAG_FATAL, "gpg", \
	N_("cannot read: %s")
#define MSG_GPG_COPY \
	MSGID_GPG_COPY, DIAG_FATAL, "gpg", \
	N_("cannot copy into a temporary keyring: %s")

/* pdfsign.c */
#define MSG_SIGN_PDF_SIGN \
	MSGID_SIGN_PDF_SIGN, DIAG_FATAL, "sign-pdf", \
	N_("%s (--sign-pdf takes a PKCS#12 file; a key held by gpgsm: " \
	    "export it with gpgsm --export-secret-key-p12, see " \
	    "docs/pdf-signing.md)")
#define MSG_SIGN_PDF_PKCS \
	MSGID_SIGN_PDF_PKCS, DIAG_FATAL, "sign-pdf", \
	N_("not a PKCS#12 file: %s")
#define MSG_SIGN_PDF_WRONG \
	MSGID_SIGN_PDF_WRONG, DIAG_FATAL, "sign-pdf", \
	N_("wrong password for the PKCS#12 file (set it in $%s)")
#define MSG_SIGN_PDF_KEY \
	MSGID_SIGN_PDF_KEY, DIAG_FATAL, "sign-pdf", \
	N_("no key with its certificate in the PKCS#12 file: %s")
#define MSG_SIGN_PDF_WHY \
	MSGID_SIGN_PDF_WHY, DIAG_FATAL, "sign-pdf", \
	N_("%s")
#define MSG_SIGN_PDF_READ \
	MSGID_SIGN_PDF_READ, DIAG_FATAL, "sign-pdf", \
	N_("cannot read the PDF to sign it")
#define MSG_SIGN_PDF_PDF \
	MSGID_SIGN_PDF_PDF, DIAG_FATAL, "sign-pdf", \
	N_("the PDF already has a form or is not one kitei wrote: not " \
	    "signed")
#define MSG_SIGN_PDF_2 \
	MSGID_SIGN_PDF_2, DIAG_FATAL, "sign-pdf", \
	N_("cannot sign with %s: %s")
#define MSG_SIGN_PDF_SIGNATURE \
	MSGID_SIGN_PDF_SIGNATURE, DIAG_FATAL, "sign-pdf", \
	N_("the signature of %s is too large (a shorter certificate " \
	    "chain in the PKCS#12 file)")
#define MSG_SIGN_PDF_UNEXPECTED \
	MSGID_SIGN_PDF_UNEXPECTED, DIAG_FATAL, "sign-pdf", \
	N_("unexpected PDF structure: not signed")

/* init.c */
#define MSG_GIT_WHY \
	MSGID_GIT_WHY, DIAG_FATAL, "git", \
	N_("%s")
#define MSG_GIT \
	MSGID_GIT, DIAG_FATAL, "git", \
	N_("the repository has no work tree (bare)")

/* typeimage.c */
#define MSG_FO_IMAGE \
	MSGID_FO_IMAGE, DIAG_WARNING, "fo-image", \
	N_("external-graphic %s names no image of the policy root; " \
	    "left out")

/* typeset/block.c */
#define MSG_FO_UNSUPPORTED_ELEMENT \
	MSGID_FO_UNSUPPORTED_ELEMENT, DIAG_WARNING, "fo-unsupported-element", \
	N_("%s in a list-block ignored")
#define MSG_FO_UNSUPPORTED_ELEMENT_LIST \
	MSGID_FO_UNSUPPORTED_ELEMENT_LIST, DIAG_WARNING, "fo-unsupported-element", \
	N_("%s in a list-item ignored")
#define MSG_FO_DEPTH \
	MSGID_FO_DEPTH, DIAG_WARNING, "fo-depth", \
	N_("FO nested too deeply; %s and below ignored")
#define MSG_FO_UNSUPPORTED_ELEMENT_UNSUPPORTED \
	MSGID_FO_UNSUPPORTED_ELEMENT_UNSUPPORTED, DIAG_WARNING, "fo-unsupported-element", \
	N_("unsupported FO element %s ignored")

/* typeset/compose.c */
#define MSG_FO_CITATION \
	MSGID_FO_CITATION, DIAG_WARNING, "fo-citation", \
	N_("page-number-citation to unknown id '%s'")
#define MSG_FO_CITATION_PAGE \
	MSGID_FO_CITATION_PAGE, DIAG_WARNING, "fo-citation", \
	N_("page-number-citation without ref-id")
#define MSG_FO_UNSUPPORTED_ELEMENT_ELEMENT \
	MSGID_FO_UNSUPPORTED_ELEMENT_ELEMENT, DIAG_WARNING, "fo-unsupported-element", \
	N_("element %s outside the FO namespace ignored")
#define MSG_FO_BLOCK_IN_INLINE \
	MSGID_FO_BLOCK_IN_INLINE, DIAG_WARNING, "fo-block-in-inline", \
	N_("%s inside an inline set as inline")
#define MSG_FO_UNSUPPORTED_ELEMENT_INLINE \
	MSGID_FO_UNSUPPORTED_ELEMENT_INLINE, DIAG_WARNING, "fo-unsupported-element", \
	N_("%s: only its inline is set")

/* typeset/draw.c */
#define MSG_FO_BOOKMARK \
	MSGID_FO_BOOKMARK, DIAG_WARNING, "fo-bookmark", \
	N_("bookmark to unknown id '%s' dropped")
#define MSG_FO_UNSUPPORTED_ELEMENT_BOOKMARK \
	MSGID_FO_UNSUPPORTED_ELEMENT_BOOKMARK, DIAG_WARNING, "fo-unsupported-element", \
	N_("%s in a bookmark-tree ignored")

/* typeset/fonts.c */
#define MSG_FONTS \
	MSGID_FONTS, DIAG_FATAL, "fonts", \
	N_("no fonts in %s (Debian package fonts-noto-cjk)")

/* typeset/page.c */
#define MSG_FO_TOO_MANY_PAGES \
	MSGID_FO_TOO_MANY_PAGES, DIAG_ERROR, "fo-too-many-pages", \
	N_("more than %d pages; output cut")
#define MSG_FO_DUPLICATE_ID \
	MSGID_FO_DUPLICATE_ID, DIAG_WARNING, "fo-duplicate-id", \
	N_("id '%s' used more than once")
#define MSG_FO_MASTER_WIDTH \
	MSGID_FO_MASTER_WIDTH, DIAG_WARNING, "fo-master-width", \
	N_("region-body of %s differs in width from the sequence's " \
	    "first master; that width is used")
#define MSG_FO_OVERFLOW \
	MSGID_FO_OVERFLOW, DIAG_WARNING, "fo-overflow", \
	N_("%s taller than the page; cut")

/* typeset/pdf.c */
#define MSG_PDF_WHY \
	MSGID_PDF_WHY, DIAG_FATAL, "pdf", \
	N_("%s")

/* typeset/props.c */
#define MSG_FO_UNSUPPORTED_PROPERTY \
	MSGID_FO_UNSUPPORTED_PROPERTY, DIAG_WARNING, "fo-unsupported-property", \
	N_("unsupported FO property %s ignored")
#define MSG_FO_BAD_LENGTH \
	MSGID_FO_BAD_LENGTH, DIAG_WARNING, "fo-bad-length", \
	N_("length '%s' not understood")
#define MSG_FO_BAD_COLOR \
	MSGID_FO_BAD_COLOR, DIAG_WARNING, "fo-bad-color", \
	N_("colour '%s' not understood")
#define MSG_FO_FONT_FAMILY \
	MSGID_FO_FONT_FAMILY, DIAG_WARNING, "fo-font-family", \
	N_("font-family '%s' has no known face; using the serif")

/* typeset/read.c */
#define MSG_FO_MASTER \
	MSGID_FO_MASTER, DIAG_ERROR, "fo-master", \
	N_("FO has no simple-page-master")
#define MSG_FO_SEQUENCE \
	MSGID_FO_SEQUENCE, DIAG_ERROR, "fo-sequence", \
	N_("FO has no page-sequence")
#define MSG_FO_PAGE_SIZE \
	MSGID_FO_PAGE_SIZE, DIAG_WARNING, "fo-page-size", \
	N_("page size of %s out of range; A4 used")
#define MSG_FO_PAGE_SIZE_REGION \
	MSGID_FO_PAGE_SIZE_REGION, DIAG_WARNING, "fo-page-size", \
	N_("region-body of %s too small; margins ignored")
#define MSG_FO_MASTER_SIMPLE \
	MSGID_FO_MASTER_SIMPLE, DIAG_WARNING, "fo-master", \
	N_("no simple-page-master '%s'")
#define MSG_FO_MASTER_PAGE \
	MSGID_FO_MASTER_PAGE, DIAG_WARNING, "fo-master", \
	N_("no page master '%s'; the first simple-page-master used")
#define MSG_FO_UNSUPPORTED_ELEMENT_SUPPORTED \
	MSGID_FO_UNSUPPORTED_ELEMENT_SUPPORTED, DIAG_WARNING, "fo-unsupported-element", \
	N_("%s not supported; its content is not drawn")
#define MSG_FO_UNSUPPORTED_ELEMENT_PAGE \
	MSGID_FO_UNSUPPORTED_ELEMENT_PAGE, DIAG_WARNING, "fo-unsupported-element", \
	N_("%s in a page-sequence ignored")
#define MSG_FO_UNSUPPORTED_ELEMENT_LAYOUT \
	MSGID_FO_UNSUPPORTED_ELEMENT_LAYOUT, DIAG_WARNING, "fo-unsupported-element", \
	N_("%s in the layout-master-set ignored")
#define MSG_FO_UNSUPPORTED_ELEMENT_ROOT \
	MSGID_FO_UNSUPPORTED_ELEMENT_ROOT, DIAG_WARNING, "fo-unsupported-element", \
	N_("%s in fo:root ignored")

/* typeset/table.c */
#define MSG_FO_UNSUPPORTED_ELEMENT_TABLE \
	MSGID_FO_UNSUPPORTED_ELEMENT_TABLE, DIAG_WARNING, "fo-unsupported-element", \
	N_("%s in a table-row ignored")
#define MSG_FO_ROWS_SPANNING \
	MSGID_FO_ROWS_SPANNING, DIAG_WARNING, "fo-rows-spanning", \
	N_("number-rows-spanning not supported; the cell spans one row")
#define MSG_FO_TABLE_COLUMNS \
	MSGID_FO_TABLE_COLUMNS, DIAG_WARNING, "fo-table-columns", \
	N_("row has more cells than the table has columns; extra " \
	    "cells ignored")
#define MSG_FO_UNSUPPORTED_ELEMENT_TABLE_IGNORED \
	MSGID_FO_UNSUPPORTED_ELEMENT_TABLE_IGNORED, DIAG_WARNING, "fo-unsupported-element", \
	N_("%s in a table ignored")
#define MSG_FO_TABLE_ROW \
	MSGID_FO_TABLE_ROW, DIAG_WARNING, "fo-table-row", \
	N_("%s outside a table-row ignored")

/* typeset/typeset.c */
#define MSG_FO_ROOT \
	MSGID_FO_ROOT, DIAG_ERROR, "fo-root", \
	N_("not an XSL-FO document (no fo:root)")

#define KITEI_MSGS(X) \
	X(MSG_BAD_CONFIG_CATALOG_SUCH) \
	X(MSG_BAD_CONFIG_CATALOG_NEITHER) \
	X(MSG_BAD_CONFIG_CATALOG_CATALOG) \
	X(MSG_SHALLOW_CLONE) \
	X(MSG_UNCOMMITTED) \
	X(MSG_USAGE) \
	X(MSG_USAGE_HISTORY) \
	X(MSG_RELEASE) \
	X(MSG_RELEASE_RELEASE) \
	X(MSG_USAGE_DIFF) \
	X(MSG_USAGE_BUNDLE) \
	X(MSG_RELEASE_MANUAL) \
	X(MSG_SHALLOW_CLONE_SHALLOW) \
	X(MSG_USAGE_DOES) \
	X(MSG_USAGE_GIVEN) \
	X(MSG_USAGE_EXPECTED) \
	X(MSG_USAGE_UNKNOWN) \
	X(MSG_USAGE_TAKES) \
	X(MSG_USAGE_NEEDS) \
	X(MSG_USAGE_UNKNOWN_COMMAND) \
	X(MSG_USAGE_MISSING) \
	X(MSG_USAGE_UNEXPECTED) \
	X(MSG_USAGE_REV) \
	X(MSG_USAGE_IMPLEMENTED) \
	X(MSG_USAGE_2) \
	X(MSG_USAGE_HELP) \
	X(MSG_BAD_CONFIG) \
	X(MSG_BAD_CONFIG_GLOB) \
	X(MSG_BAD_CONFIG_APPROVER) \
	X(MSG_UNKNOWN_PERSON) \
	X(MSG_BAD_CONFIG_EXPECTED) \
	X(MSG_BAD_CONFIG_GIVEN) \
	X(MSG_BAD_CONFIG_EXPECTED_TRUE) \
	X(MSG_BAD_CONFIG_REVIEW) \
	X(MSG_BAD_CONFIG_EXPECTED_LIST) \
	X(MSG_BAD_CONFIG_MANUALS) \
	X(MSG_BAD_CONFIG_MANUALS_KEYS) \
	X(MSG_BAD_CONFIG_KIND) \
	X(MSG_BAD_CONFIG_MANUALS_UNKNOWN) \
	X(MSG_BAD_CONFIG_MANUALS_MANUAL) \
	X(MSG_BAD_CONFIG_MANUALS_MUST) \
	X(MSG_BAD_CONFIG_MANUALS_MANUAL_WITHOUT) \
	X(MSG_BAD_CONFIG_MANUALS_MANUAL_WITHOUT_DOCUMENTS) \
	X(MSG_BAD_CONFIG_APPROVAL) \
	X(MSG_BAD_CONFIG_ROLES) \
	X(MSG_BAD_CONFIG_ROLES_EACH) \
	X(MSG_BAD_CONFIG_ROLES_UNKNOWN) \
	X(MSG_BAD_CONFIG_PEOPLE) \
	X(MSG_BAD_CONFIG_PEOPLE_EACH) \
	X(MSG_BAD_CONFIG_PEOPLE_UNKNOWN) \
	X(MSG_BAD_CONFIG_PEOPLE_PERSON) \
	X(MSG_BAD_CONFIG_APPROVAL_UNKNOWN) \
	X(MSG_BAD_CONFIG_EXPECTED_MAPPING) \
	X(MSG_BAD_CONFIG_KITEI) \
	X(MSG_BAD_CONFIG_KEYS) \
	X(MSG_BAD_CONFIG_DATE) \
	X(MSG_BAD_CONFIG_MANUALS_EXPECTED) \
	X(MSG_BAD_CONFIG_UNKNOWN) \
	X(MSG_BAD_CONFIG_ORGANIZATION) \
	X(MSG_BAD_CONFIG_CATALOG) \
	X(MSG_BAD_CONFIG_MANUALS_LEAST) \
	X(MSG_BAD_CONFIG_UNKNOWN_KEY) \
	X(MSG_BAD_CONFIG_YAML_START) \
	X(MSG_BAD_CONFIG_YAML) \
	X(MSG_TOO_MANY_DOCUMENTS) \
	X(MSG_USAGE_EXPECTED_DATE) \
	X(MSG_AS_OF) \
	X(MSG_GIT_REPOSITORY) \
	X(MSG_GIT_UNKNOWN) \
	X(MSG_GIT_REVISION) \
	X(MSG_COMMIT_DATE) \
	X(MSG_NO_CONFIG) \
	X(MSG_UNCOMMITTED_CHANGES) \
	X(MSG_GIT_INSIDE) \
	X(MSG_GIT_OWNER) \
	X(MSG_GIT_OPEN) \
	X(MSG_GIT_BARE) \
	X(MSG_GIT_OUTSIDE) \
	X(MSG_NO_CONFIG_KITEI) \
	X(MSG_OUTSIDE_ROOT) \
	X(MSG_TOO_LARGE) \
	X(MSG_TOO_LARGE_STREAM) \
	X(MSG_TOO_LARGE_INPUT) \
	X(MSG_TOO_LARGE_INPUT_STREAM) \
	X(MSG_SYMLINK) \
	X(MSG_SUBMODULE) \
	X(MSG_SUBMODULE_NESTED) \
	X(MSG_TOO_LONG_LINE) \
	X(MSG_BAD_UTF8) \
	X(MSG_BAD_UTF8_INVALID) \
	X(MSG_BAD_FRONT_MATTER) \
	X(MSG_BAD_FRONT_MATTER_FRONT) \
	X(MSG_BAD_FRONT_MATTER_VISIBILITY) \
	X(MSG_BAD_FRONT_MATTER_UNKNOWN) \
	X(MSG_BAD_FRONT_MATTER_UNKNOWN_FRONT) \
	X(MSG_BAD_FRONT_MATTER_FRONT_MATTER) \
	X(MSG_BAD_DIRECTIVE_VISIBILITY) \
	X(MSG_BAD_DIRECTIVE_VISIBILITY_TEXT) \
	X(MSG_BAD_DIRECTIVE_TOO) \
	X(MSG_BAD_DIRECTIVE_NAMES) \
	X(MSG_BAD_DIRECTIVE_COVERS) \
	X(MSG_BAD_DIRECTIVE_COVERS_TEXT) \
	X(MSG_UNKNOWN_DIRECTIVE) \
	X(MSG_BAD_DIRECTIVE_WITHOUT) \
	X(MSG_BAD_DIRECTIVE_COMMENT) \
	X(MSG_BAD_DIRECTIVE_DIRECTIVE) \
	X(MSG_TOO_MANY_SECTIONS) \
	X(MSG_TOO_DEEP) \
	X(MSG_BAD_DIRECTIVE_VISIBILITY_NAMES) \
	X(MSG_BAD_DIRECTIVE_VISIBILITY_EXPECTED) \
	X(MSG_UNKNOWN_DIRECTIVE_DIRECTIVE) \
	X(MSG_BAD_DIRECTIVE_WITHOUT_READ) \
	X(MSG_UNKNOWN_DIRECTIVE_DIRECTIVE_DID) \
	X(MSG_BAD_DIRECTIVE_COMMENT_OPENED) \
	X(MSG_BAD_DIRECTIVE_DIRECTIVE_WRITTEN) \
	X(MSG_BAD_FRONT_MATTER_YAML_START) \
	X(MSG_BAD_FRONT_MATTER_YAML) \
	X(MSG_UNSAFE_LINK) \
	X(MSG_RAW_HTML) \
	X(MSG_BAD_DIRECTIVE) \
	X(MSG_VISIBILITY_WIDENED) \
	X(MSG_AMBIGUOUS_DOCUMENT) \
	X(MSG_ORPHAN_DOCUMENT) \
	X(MSG_EMPTY_MANUAL) \
	X(MSG_BAD_CATALOG_WHY) \
	X(MSG_BAD_CATALOG) \
	X(MSG_BAD_CATALOG_CATALOG) \
	X(MSG_BAD_CATALOG_ELEMENT) \
	X(MSG_UNKNOWN_REQUIREMENT) \
	X(MSG_UNKNOWN_REQUIREMENT_ELEMENT) \
	X(MSG_EMPTY_COVERAGE) \
	X(MSG_WRONG_MANUAL) \
	X(MSG_NOT_PUBLIC) \
	X(MSG_IMPLAUSIBLE_COVERAGE) \
	X(MSG_MISSING_REASON) \
	X(MSG_NOT_APPLICABLE_MUST) \
	X(MSG_COVERED_AND_NOT_APPLICABLE) \
	X(MSG_UNCOUNTED_COVERAGE_MISSING) \
	X(MSG_UNCOUNTED_COVERAGE) \
	X(MSG_MISSING_COVERAGE) \
	X(MSG_MISSING_COVERAGE_EXAMPLE) \
	X(MSG_GIT_WHAT_WHY) \
	X(MSG_BAD_APPROVAL) \
	X(MSG_BAD_APPROVAL_COMMIT) \
	X(MSG_COMMIT_DATE_WHY) \
	X(MSG_BAD_KEY) \
	X(MSG_BAD_APPROVAL_MANUAL) \
	X(MSG_BAD_APPROVAL_MANUAL_APPROVED) \
	X(MSG_BAD_APPROVAL_MANUAL_APPROVAL) \
	X(MSG_BAD_APPROVAL_MANUAL_APPROVAL_COUNTED) \
	X(MSG_REVIEW_OVERDUE) \
	X(MSG_EFFECTIVE_DATE_ORDER) \
	X(MSG_MISSING_SUMMARY) \
	X(MSG_UNAPPROVED_CHANGE_NO_APPROVERS) \
	X(MSG_UNAPPROVED_CHANGE_NO_APPROVERS_DRAFT) \
	X(MSG_UNAPPROVED_CHANGE) \
	X(MSG_UNAPPROVED_CHANGE_DRAFT) \
	X(MSG_IMAGE_NOT_EMBEDDED) \
	X(MSG_BAD_IMAGE_WHY) \
	X(MSG_BAD_IMAGE_WHAT_WHY) \
	X(MSG_IO_WHY) \
	X(MSG_TEMPLATE_WHY) \
	X(MSG_TEMPLATE_READ) \
	X(MSG_TEMPLATE) \
	X(MSG_TEMPLATE_SUCH) \
	X(MSG_TEMPLATE_USABLE) \
	X(MSG_TEMPLATE_LIMIT) \
	X(MSG_TEMPLATE_LIMIT_TEMPLATE) \
	X(MSG_TEMPLATE_LIMIT_TEMPLATE_STOPPED) \
	X(MSG_TEMPLATE_TEMPLATE) \
	X(MSG_IO_WRITE_PAGE) \
	X(MSG_IO_READ) \
	X(MSG_IO_PREVIOUS) \
	X(MSG_PUBLIC_UNAPPROVED) \
	X(MSG_PUBLIC_UNAPPROVED_MANUAL) \
	X(MSG_PUBLIC_UNAPPROVED_MANUAL_SIGNED) \
	X(MSG_PUBLIC_WITHHELD) \
	X(MSG_PUBLIC_UNAPPROVED_PUBLIC) \
	X(MSG_PUBLIC_DRAFT) \
	X(MSG_OUTPUT_WHY) \
	X(MSG_USAGE_UNKNOWN_PART) \
	X(MSG_IO) \
	X(MSG_IO_WRITE) \
	X(MSG_SIGN_PDF) \
	X(MSG_DIFF_WHY) \
	X(MSG_IO_WHAT_WHY) \
	X(MSG_SIGN) \
	X(MSG_SIGN_SIGN) \
	X(MSG_ZIP_WHAT_WHY) \
	X(MSG_ZIP_WHY) \
	X(MSG_VERIFY) \
	X(MSG_VERIFY_BUNDLE) \
	X(MSG_VERIFY_END) \
	X(MSG_VERIFY_IMPORT) \
	X(MSG_VERIFY_LIBGCRYPT) \
	X(MSG_VERIFY_REGULAR) \
	X(MSG_VERIFY_ZIP) \
	X(MSG_VERIFY_MALFORMED) \
	X(MSG_VERIFY_EXTRA) \
	X(MSG_VERIFY_ZIP_EXTRA) \
	X(MSG_VERIFY_CENTRAL) \
	X(MSG_VERIFY_CENTRAL_DIRECTORY) \
	X(MSG_VERIFY_WHAT_WHY) \
	X(MSG_VERIFY_ANOTHER) \
	X(MSG_VERIFY_MADE) \
	X(MSG_VERIFY_REGULAR_FILE) \
	X(MSG_VERIFY_SET) \
	X(MSG_VERIFY_ENCRYPTED) \
	X(MSG_VERIFY_COMPRESSED) \
	X(MSG_VERIFY_LARGER) \
	X(MSG_VERIFY_CENTRAL_DIRECTORY_HOLDS) \
	X(MSG_VERIFY_BUNDLE_EXPANDS) \
	X(MSG_VERIFY_LOCAL) \
	X(MSG_VERIFY_LOCAL_HEADER) \
	X(MSG_VERIFY_LOCAL_HEADER_CENTRAL) \
	X(MSG_VERIFY_DATA) \
	X(MSG_VERIFY_DATA_DESCRIPTOR) \
	X(MSG_VERIFY_BYTES) \
	X(MSG_VERIFY_SHA) \
	X(MSG_VERIFY_SHA_SUMS) \
	X(MSG_VERIFY_SHA_SUMS_LINE) \
	X(MSG_VERIFY_SHA_SUMS_LINE_LISTS) \
	X(MSG_VERIFY_SHA_SUMS_LISTS) \
	X(MSG_VERIFY_SHA_SUMS_ASC) \
	X(MSG_VERIFY_SHA_SUMS_ASC_MANIFEST) \
	X(MSG_VERIFY_SHA_SUMS_ASC_SIGNATURE) \
	X(MSG_VERIFY_SHA_SUMS_ASC_MADE) \
	X(MSG_VERIFY_2) \
	X(MSG_VERIFY_APPEARS) \
	X(MSG_VERIFY_DIFFERS) \
	X(MSG_VERIFY_LISTED) \
	X(MSG_VERIFY_BUNDLE_BUT) \
	X(MSG_VERIFY_LISTED_SHA) \
	X(MSG_VERIFY_SHA_DOES) \
	X(MSG_VERIFY_BUNDLE_EMPTY) \
	X(MSG_VERIFY_SHA_SUMS_MISSING) \
	X(MSG_VERIFY_SHA_SUMS_ASC_MISSING) \
	X(MSG_GPG) \
	X(MSG_GPG_WRITE) \
	X(MSG_GPG_OPENPGP) \
	X(MSG_GPG_READ) \
	X(MSG_GPG_COPY) \
	X(MSG_SIGN_PDF_SIGN) \
	X(MSG_SIGN_PDF_PKCS) \
	X(MSG_SIGN_PDF_WRONG) \
	X(MSG_SIGN_PDF_KEY) \
	X(MSG_SIGN_PDF_WHY) \
	X(MSG_SIGN_PDF_READ) \
	X(MSG_SIGN_PDF_PDF) \
	X(MSG_SIGN_PDF_2) \
	X(MSG_SIGN_PDF_SIGNATURE) \
	X(MSG_SIGN_PDF_UNEXPECTED) \
	X(MSG_GIT_WHY) \
	X(MSG_GIT) \
	X(MSG_FO_IMAGE) \
	X(MSG_FO_UNSUPPORTED_ELEMENT) \
	X(MSG_FO_UNSUPPORTED_ELEMENT_LIST) \
	X(MSG_FO_DEPTH) \
	X(MSG_FO_UNSUPPORTED_ELEMENT_UNSUPPORTED) \
	X(MSG_FO_CITATION) \
	X(MSG_FO_CITATION_PAGE) \
	X(MSG_FO_UNSUPPORTED_ELEMENT_ELEMENT) \
	X(MSG_FO_BLOCK_IN_INLINE) \
	X(MSG_FO_UNSUPPORTED_ELEMENT_INLINE) \
	X(MSG_FO_BOOKMARK) \
	X(MSG_FO_UNSUPPORTED_ELEMENT_BOOKMARK) \
	X(MSG_FONTS) \
	X(MSG_FO_TOO_MANY_PAGES) \
	X(MSG_FO_DUPLICATE_ID) \
	X(MSG_FO_MASTER_WIDTH) \
	X(MSG_FO_OVERFLOW) \
	X(MSG_PDF_WHY) \
	X(MSG_FO_UNSUPPORTED_PROPERTY) \
	X(MSG_FO_BAD_LENGTH) \
	X(MSG_FO_BAD_COLOR) \
	X(MSG_FO_FONT_FAMILY) \
	X(MSG_FO_MASTER) \
	X(MSG_FO_SEQUENCE) \
	X(MSG_FO_PAGE_SIZE) \
	X(MSG_FO_PAGE_SIZE_REGION) \
	X(MSG_FO_MASTER_SIMPLE) \
	X(MSG_FO_MASTER_PAGE) \
	X(MSG_FO_UNSUPPORTED_ELEMENT_SUPPORTED) \
	X(MSG_FO_UNSUPPORTED_ELEMENT_PAGE) \
	X(MSG_FO_UNSUPPORTED_ELEMENT_LAYOUT) \
	X(MSG_FO_UNSUPPORTED_ELEMENT_ROOT) \
	X(MSG_FO_UNSUPPORTED_ELEMENT_TABLE) \
	X(MSG_FO_ROWS_SPANNING) \
	X(MSG_FO_TABLE_COLUMNS) \
	X(MSG_FO_UNSUPPORTED_ELEMENT_TABLE_IGNORED) \
	X(MSG_FO_TABLE_ROW) \
	X(MSG_FO_ROOT) \
	/* end */

/* Picks the id from a message. */
#define MSG_ID_(id, level, rule, fmt)	id
#define MSG_ID(...)			MSG_ID_(__VA_ARGS__)
/* Picks "id, format" from a message and passes the arguments after it. */
#define MSG_IDFMT_(id, level, rule, ...) id, __VA_ARGS__
#define MSG_IDFMT(...)			MSG_IDFMT_(__VA_ARGS__)

enum msgid {
#define MSG_ENUM_(id, level, rule, fmt)	id,
#define MSG_ENUM(m)			MSG_ENUM_(m)
	KITEI_MSGS(MSG_ENUM)
#undef MSG_ENUM
#undef MSG_ENUM_
	MSGID__MAX		/* number of messages; also "no id" */
};

/* One row of the table. */
struct msgdef {
	enum msgid	 id;
	int		 level;		/* an enum diag_level */
	const char	*rule;		/* rule name, never translated */
	const char	*fmt;		/* English printf format */
};

/* Returns the row for id, or NULL for MSGID__MAX and out-of-range ids. */
const struct msgdef	*msg_get(enum msgid);

#endif /* KITEI_MSG_H */
