# kitei: plain Makefile over pkg-config.  `make` installs missing Debian
# packages, builds ./kitei and renders the sample in policies/ into output/.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
SHAREDIR ?= $(PREFIX)/share
MANDIR	?= $(PREFIX)/share/man
DATADIR	 = $(SHAREDIR)/kitei
LOCALEDIR ?= $(SHAREDIR)/locale
VERSION	 = 0.1.0

PKGS	 = libgit2 libcmark-gfm libxml-2.0 libxslt libexslt yaml-0.1 libgcrypt \
	   pangocairo pangoft2 fontconfig cairo-pdf libarchive gpgme libqpdf libutf8proc zlib \
	   librsvg-2.0 libjpeg gnutls libmicrohttpd
PKG_CFLAGS != pkg-config --cflags $(PKGS) 2>/dev/null || true
PKG_LIBS   != pkg-config --libs $(PKGS) 2>/dev/null || true

CC	?= cc
CFLAGS	?= -g -O2 -W -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes \
	   -Wwrite-strings -Wno-unused-parameter -Wshadow
CPPFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	   -DKITEI_VERSION='"$(VERSION)"' -DKITEI_DATADIR='"$(DATADIR)"' \
	   -DKITEI_LOCALEDIR='"$(LOCALEDIR)"'
LDLIBS	+= -lcmark-gfm-extensions $(PKG_LIBS) -lm

sinclude Makefile.local

SRCS	!= ls generator/*.c generator/typeset/*.c
OBJS	 = $(SRCS:.c=.o)
LIBOBJS	 = $(filter-out generator/main.o,$(OBJS))
HDRS	!= ls generator/*.h generator/typeset/*.h

.PHONY: all deps sample test unit headercheck install uninstall clean po-check \
	sanitize valgrind bench regen

all: deps
	@$(MAKE) --no-print-directory kitei
	@$(MAKE) --no-print-directory sample

deps:
	@sh scripts/deps.sh

kitei: $(OBJS) locale/ja/LC_MESSAGES/kitei.mo
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

generator/%.o: generator/%.c
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)

# The main job on the sample firm; grows as stages land.
# The sample's approvals are commits with Approved-by trailers: the last two
# that set a 施行日 (Effective:, so a version, not a review) give its
# 新旧対照表 and the bundle's --since.
sample: kitei
	./kitei -C policies check
	@# kitei replaces only folders it marked; output/ from before markers is ours to clear.
	@if [ -d output ] && [ ! -f output/.kitei-output ]; then \
		echo "rm -rf output   # written by a kitei that did not mark its outputs"; \
		rm -rf output; \
	fi
	./kitei -C policies build -o ../output
	@set -- $$(git log -n 2 --format=%H --all-match --grep='^Approved-by: .*@example.co.jp>$$' \
	    --grep='^Effective: ' HEAD); \
	if [ $$# -eq 2 ]; then \
		echo "./kitei -C policies diff $$2 $$1 -o ../output/shinkyu"; \
		./kitei -C policies diff $$2 $$1 -o ../output/shinkyu || exit 1; \
		mkdir -p output/bundle; \
		echo "./kitei -C policies bundle --since $$2 -o ../output/bundle/sample.zip"; \
		./kitei -C policies bundle --since $$2 -o ../output/bundle/sample.zip || exit 1; \
		./kitei verify output/bundle/sample.zip; \
	else \
		echo "the sample has fewer than two approvals: no 新旧対照表 or bundle"; \
	fi

# Unit tests link every stage but main.o.
UNIT_SRCS != ls tests/unit/*.c 2>/dev/null || true
tests/unit/runner: $(UNIT_SRCS) $(LIBOBJS)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Igenerator -o $@ \
	    $(UNIT_SRCS) $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

# Small drivers the end-to-end tests call (one stage at a time).
TOOL_SRCS != ls tests/tools/*.c 2>/dev/null || true
TOOLS	 = $(TOOL_SRCS:.c=)
tests/tools/%: tests/tools/%.c $(LIBOBJS)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Igenerator -o $@ $< \
	    $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

test:
	@sh scripts/deps.sh --test
	@$(MAKE) --no-print-directory kitei tests/unit/runner $(TOOLS)
	@REGEN= sh tests/run.sh

# Each header compiles alone (docs/style.md rule 4), and only the files its
# first comment names include it (rule 3; scripts/headercheck.sh).
headercheck:
	@for h in $(HDRS); do \
	    echo "#include \"$$h\"" | $(CC) $(CPPFLAGS) $(PKG_CFLAGS) -Werror \
	    -Wall -x c -c -o /dev/null - || exit 1; done; echo "headers ok"
	@sh scripts/headercheck.sh

# Messages (docs/architecture.md "Messages"): the template po/kitei.pot is
# made from the message table and the _() strings; po/ja.po is committed and
# built, checked, into locale/, where the uninstalled kitei finds it.
POTSRCS	 = generator/msg.h $(SRCS)
po/kitei.pot: $(POTSRCS)
	xgettext --from-code=UTF-8 -C -k_ -kN_ --package-name=kitei \
	    --package-version=$(VERSION) --no-wrap -o $@ $(POTSRCS)

locale/ja/LC_MESSAGES/kitei.mo: po/ja.po
	mkdir -p locale/ja/LC_MESSAGES
	msgfmt --check -o $@ po/ja.po

po-check: po/kitei.pot
	@sh scripts/po-check.sh po/kitei.pot po/ja.po

install: kitei
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/catalogs \
	    $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(LOCALEDIR)/ja/LC_MESSAGES
	install -m 0444 locale/ja/LC_MESSAGES/kitei.mo \
	    $(DESTDIR)$(LOCALEDIR)/ja/LC_MESSAGES/kitei.mo
	install -m 0555 kitei $(DESTDIR)$(BINDIR)/kitei
	install -m 0444 catalogs/*.xml catalogs/*.rng $(DESTDIR)$(DATADIR)/catalogs
	install -m 0444 schema/kitei.schema.json $(DESTDIR)$(DATADIR)/kitei.schema.json
	mkdir -p $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 0444 man/kitei.1 $(DESTDIR)$(MANDIR)/man1/kitei.1
	install -m 0444 man/kitei.yml.5 $(DESTDIR)$(MANDIR)/man5/kitei.yml.5
	for f in templates/*; do [ -f "$$f" ] && \
	    install -m 0444 "$$f" $(DESTDIR)$(DATADIR)/templates; done; true

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kitei
	rm -f $(DESTDIR)$(MANDIR)/man1/kitei.1 $(DESTDIR)$(MANDIR)/man5/kitei.yml.5
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(LOCALEDIR)/ja/LC_MESSAGES/kitei.mo

# Sanitizers: never mix their objects with plain ones (docs/style.md rule 46), so
# clean around the run.  LSan ignores only leaks inside libraries
# (tests/lsan.supp); UBSan stops at the first report.
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined
sanitize:
	$(MAKE) clean
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    $(MAKE) CFLAGS="-g -O1 $(SAN_FLAGS) -fno-omit-frame-pointer" \
	    LDFLAGS="$(SAN_FLAGS)" test
	$(MAKE) clean
	rm -f tests/fuzz/replay

# The sample built end to end under valgrind: no memory definitely lost.
VG_OUT	?= $${TMPDIR:-/tmp}/kitei-valgrind
valgrind: kitei
	@command -v valgrind >/dev/null || { echo "kitei: installing valgrind \
	    (Debian package valgrind) for make valgrind"; \
	    apt-get install -y -qq valgrind; }
	rm -rf $(VG_OUT)
	valgrind --leak-check=full --errors-for-leak-kinds=definite \
	    --suppressions=tests/valgrind.supp --error-exitcode=3 \
	    ./kitei -C policies build -o $(VG_OUT)
	rm -rf $(VG_OUT)

# Rewrites the goldens; review the diff in git before committing.  `make
# test` runs with REGEN unset, so an exported REGEN cannot turn it green.
regen:
	@$(MAKE) --no-print-directory kitei tests/unit/runner $(TOOLS)
	@REGEN=1 sh tests/run.sh

bench: kitei
	@# The coverage check's quality: sibling swaps flagged (tests/bench/swap.sh).
	@sh tests/bench/swap.sh ./kitei policies sample
	@sh tests/bench/swap.sh ./kitei tests/fixtures/swap/policies fixture
	@sh bench/run.sh

# Kill-safety at full strength: 100 SIGKILLed builds and bundles.
killtest: kitei
	@mkdir -p $${TMPROOT:-tests/tmp}/killsafe
	KILLSAFE_RUNS=100 WORK=$${TMPROOT:-$(CURDIR)/tests/tmp}/killsafe \
	    ROOT=$(CURDIR) sh tests/e2e/killsafe.sh

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), built with clang into
# tests/fuzz/build/ from their own objects, then each run FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
FUZZ_CC	 ?= clang
FUZZ_NAMES = frontmatter config document fo
FUZZ_DIR = tests/fuzz/build
FUZZ_FLAGS = -g -O1 -fno-omit-frame-pointer $(SAN_FLAGS)
FUZZ_OBJS = $(LIBOBJS:generator/%.o=$(FUZZ_DIR)/%.o)
FUZZ_BINS = $(FUZZ_NAMES:%=$(FUZZ_DIR)/fuzz_%)
.PHONY: fuzz fuzz-build killtest
.SECONDARY: $(FUZZ_OBJS)
$(FUZZ_DIR)/%.o: generator/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_FLAGS) \
	    -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<
-include $(FUZZ_OBJS:.o=.d)
$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer \
	    -Igenerator -DKITEI_SRCDIR='"$(CURDIR)"' -o $@ $< $(FUZZ_OBJS) \
	    $(LDLIBS)
fuzz-build:
	@sh tests/fuzz/deps.sh
	@$(MAKE) --no-print-directory $(FUZZ_BINS)
fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_NAMES)

# The fuzz harnesses without libFuzzer, with the ordinary compiler, to
# replay tests/fuzz/regress/ in `make test` (tests/e2e/fuzz-regress.sh).
tests/fuzz/replay: tests/fuzz/replay.c tests/fuzz/fuzz.h \
    tests/fuzz/fuzz_frontmatter.c tests/fuzz/fuzz_config.c \
    tests/fuzz/fuzz_document.c tests/fuzz/fuzz_fo.c $(LIBOBJS)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Igenerator -Itests/fuzz \
	    -DKITEI_SRCDIR='"$(CURDIR)"' -o $@ tests/fuzz/replay.c $(LIBOBJS) \
	    $(LDFLAGS) $(LDLIBS)

clean:
	rm -f kitei generator/*.o generator/*.d generator/typeset/*.o \
	    generator/typeset/*.d tests/unit/runner $(TOOLS)
	rm -rf tests/tmp locale po/kitei.pot
