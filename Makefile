# kitei: plain Makefile over pkg-config.  `make` installs missing Debian
# packages, builds ./kitei and renders the sample in policies/ into output/.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
SHAREDIR ?= $(PREFIX)/share
MANDIR	?= $(PREFIX)/share/man
DATADIR	 = $(SHAREDIR)/kitei
VERSION	 = 0.1.0

PKGS	 = libgit2 libcmark-gfm libxml-2.0 libxslt libexslt yaml-0.1 libgcrypt \
	   pangocairo cairo-pdf libarchive gpgme libqpdf
PKG_CFLAGS != pkg-config --cflags $(PKGS) 2>/dev/null || true
PKG_LIBS   != pkg-config --libs $(PKGS) 2>/dev/null || true

CC	?= cc
CFLAGS	?= -g -O2 -W -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes \
	   -Wwrite-strings -Wno-unused-parameter -Wshadow
CPPFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	   -DKITEI_VERSION='"$(VERSION)"' -DKITEI_DATADIR='"$(DATADIR)"'
LDLIBS	+= -lcmark-gfm-extensions $(PKG_LIBS) -lm

sinclude Makefile.local

SRCS	!= ls generator/*.c
OBJS	 = $(SRCS:.c=.o)
LIBOBJS	 = $(filter-out generator/main.o,$(OBJS))
HDRS	!= ls generator/*.h

.PHONY: all deps sample test unit headercheck install uninstall clean \
	sanitize valgrind bench regen

all: deps
	@$(MAKE) --no-print-directory kitei
	@$(MAKE) --no-print-directory sample

deps:
	@sh scripts/deps.sh

kitei: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

generator/%.o: generator/%.c
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)

# The main job on the sample firm; grows as stages land.
sample: kitei
	./kitei -C policies check
	./kitei -C policies build -o ../output

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
	@sh tests/run.sh

headercheck:
	@for h in $(HDRS); do \
	    echo "#include \"$$h\"" | $(CC) $(CPPFLAGS) $(PKG_CFLAGS) -Werror \
	    -Wall -x c -c -o /dev/null - || exit 1; done; echo "headers ok"

install: kitei
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/catalogs \
	    $(DESTDIR)$(DATADIR)/templates
	install -m 0555 kitei $(DESTDIR)$(BINDIR)/kitei
	install -m 0444 catalogs/*.xml catalogs/*.rng $(DESTDIR)$(DATADIR)/catalogs
	for f in templates/*; do [ -f "$$f" ] && \
	    install -m 0444 "$$f" $(DESTDIR)$(DATADIR)/templates; done; true

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kitei
	rm -rf $(DESTDIR)$(DATADIR)

sanitize:
	$(MAKE) clean
	$(MAKE) CFLAGS="-g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=address,undefined" test
	$(MAKE) clean

bench: kitei
	@sh bench/run.sh

clean:
	rm -f kitei generator/*.o generator/*.d tests/unit/runner $(TOOLS)
	rm -rf tests/tmp
