# todoke — Makefile.  `make run` and `make check` do all set-up (see README).
VERSION    = 0.1.0

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATAROOT  ?= $(PREFIX)/share
PKGDATADIR ?= $(DATAROOT)/todoke
MANDIR    ?= $(DATAROOT)/man
LOCALEDIR ?= $(DATAROOT)/locale
DESTDIR   ?=

CC        ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS    ?= -O2 -g
WARN       = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wformat=2 -Wvla -Wpointer-arith -Wcast-qual
# SAN=1 builds everything with AddressSanitizer and UBSan into build-san/.
ifeq ($(SAN),1)
B         ?= build-san
SANFLAGS   = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
B         ?= build
SANFLAGS   =
endif

# pkg-config's ncursesw flags force _XOPEN_SOURCE=600; we set 700 ourselves.
CURSES_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags ncursesw panelw menuw 2>/dev/null))
CURSES_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw panelw menuw 2>/dev/null)
CHECK_CFLAGS  := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS    := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)
# libunistring: Unicode normalisation (NFC) and character widths.
UNI_LIBS      := -lunistring
# libgit2: the history of answers and what was sent (src/history), opened
# with dlopen by its soname on first use, not linked (src/history/gitload.h:
# linked, it and its libraries cost every start 8 M instructions).
GIT_CFLAGS    := $(shell $(PKG_CONFIG) --cflags libgit2 2>/dev/null)
GIT_SONAME    := $(shell objdump -p "$$($(CC) -print-file-name=libgit2.so)" 2>/dev/null | \
                   awk '$$1 == "SONAME" { print $$2 }')
GIT_LIBS      := -ldl

ALL_CPPFLAGS = -Iinclude -I$(B) -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
               $(CURSES_CFLAGS) $(GIT_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = -std=c11 $(WARN) $(CFLAGS) $(SANFLAGS)
ALL_LDFLAGS  = $(LDFLAGS) $(SANFLAGS)

# Every module is a folder under src/; src/cli/main.c is the program's entry.
LIB_SRC  = $(filter-out src/cli/main.c,$(sort $(wildcard src/*/*.c)))
LIB_OBJ  = $(LIB_SRC:%.c=$(B)/%.o)
LIB      = $(B)/libtodoke.a
PROG     = $(B)/todoke
MO       = $(B)/locale/ja/LC_MESSAGES/todoke.mo

# Unit tests: tests/unit/test_NAME.c, one Check runner each, sharing main.c.
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all run check test unit golden cli-tests mail-tests encode-tests notice-tests completion-test e2e layering install-test man-lint deps check-deps deps-test docs-test install uninstall \
        pot po-check \
        clean check-sanitize check-valgrind bench fuzz fuzz-regress
.DEFAULT_GOAL := all

all: $(PROG) todoke $(MO)

# A link at the top so that `./todoke` works from the source tree.
todoke: $(PROG) FORCE
	@[ "$$(readlink $@ 2>/dev/null)" = "$(PROG)" ] || ln -sfn $(PROG) $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(PROG): $(B)/src/cli/main.o $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CURSES_LIBS) $(UNI_LIBS) $(GIT_LIBS)

# Paths and version compiled in; rewritten only when they change, so that
# `make install PREFIX=/usr` after a plain `make` rebuilds what uses them.
CONFIG = $(B)/config.h
$(CONFIG): FORCE
	@mkdir -p $(@D)
	@printf '#define TODOKE_VERSION "%s"\n#define TODOKE_PKGDATADIR "%s"\n#define TODOKE_LOCALEDIR "%s"\n#define TODOKE_LIBGIT2 "%s"\n' \
		'$(VERSION)' '$(PKGDATADIR)' '$(LOCALEDIR)' '$(or $(GIT_SONAME),libgit2.so)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:

$(LIB_OBJ) $(B)/src/cli/main.o: | $(CONFIG)

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/tests/main.o: tests/unit/main.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CHECK_CFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/tests/test_%.o: tests/unit/test_%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CHECK_CFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/tests/test_%: $(B)/tests/test_%.o $(B)/tests/main.o $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CURSES_LIBS) $(UNI_LIBS) $(GIT_LIBS) $(CHECK_LIBS)

-include $(shell find $(B) -name '*.d' 2>/dev/null)

# ---- translations (gettext domain "todoke"; English is the source) ------
# po/POTFILES lists the sources with _() and N_(); `make pot` rewrites the
# template, po/ja.po is the Japanese catalogue compiled for the build tree.
XGETTEXT_ARGS = --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 --add-comments=TRANSLATORS \
                --package-name=todoke --package-version=$(VERSION) -f po/POTFILES

$(MO): po/ja.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ po/ja.po

pot:
	xgettext $(XGETTEXT_ARGS) -o po/todoke.pot

# ---- set-up ------------------------------------------------------------
# Installs missing Debian build packages (apt-get, with sudo when not root);
# elsewhere prints exactly what is missing.
deps:
	@sh build-aux/install-deps.sh
# make check also wants headless Chromium (tests/notice/screenshot.sh):
# installed where it can be, else that test is skipped with a message.
check-deps:
	@sh build-aux/install-deps.sh check

# The wizard reads forms from the source tree until installed.
run: deps
	@$(MAKE) --no-print-directory all
	TODOKE_DATADIR="$(CURDIR)" $(PROG) $(ARGS)

# ---- tests -------------------------------------------------------------
check: check-deps
	@$(MAKE) --no-print-directory test

test: all $(UNIT_BIN)
	@$(MAKE) --no-print-directory unit golden cli-tests mail-tests encode-tests notice-tests e2e layering install-test man-lint completion-test po-check fuzz-regress deps-test docs-test
	@echo "make check: all tests passed"

export TODOKE_DATADIR := $(CURDIR)
export TODOKE_LOCALEDIR := $(CURDIR)/$(B)/locale
# The tests read the installed wording of the notice, never the wording of
# whoever runs them (~/.config/todoke/notice).
export TODOKE_NOTICE_DIR := $(CURDIR)/tests/no-own-wording
export CK_DEFAULT_TIMEOUT := 30

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $(VALGRIND) $$t; done

golden: $(PROG)
	@sh tests/golden/run.sh $(PROG)
	@sh tests/followup/golden.sh $(PROG)

cli-tests: $(PROG)
	@sh tests/cli/run.sh $(PROG)
	@sh tests/cli/locale.sh $(PROG)
	@sh tests/cli/followups.sh $(PROG)
	@sh tests/cli/faults.sh $(PROG)

# E-mail drafts read back by Python's email package.
mail-tests: $(PROG)
	@sh tests/mail/run.sh $(PROG)

# Encodings against Python's codecs; every golden document in every encoding.
encode-tests: $(PROG)
	@sh tests/encode/run.sh $(PROG)

# The notice's HTML read by a real parser; one page in headless Chromium
# when there is one (skipped otherwise); the W3C Nu checker and axe-core,
# npm packages installed into build/node on first use, shared by the SAN
# build (skipped, saying so,
# without npm, Java or network).
notice-tests: $(PROG)
	@TODOKE_NODE_DIR="$(CURDIR)/build/node" sh tests/notice/run.sh $(PROG)

# The real wizard in tmux, at a fixed size, locale and terminal.
E2E_TESTS = $(sort $(wildcard tests/e2e/test_*.sh))
e2e: $(PROG)
	@set -e; for t in $(E2E_TESTS); do E2E_PROG="$(CURDIR)/$(PROG)" sh $$t; done

# The README's commands and todoke(1)'s EXAMPLES, as a newcomer types them.
docs-test: $(PROG)
	@sh tests/docs.sh $(PROG)

# build-aux/install-deps.sh on fake systems in a folder (never this one).
deps-test:
	@sh tests/deps.sh

# The bash completion offers what the commands take.
completion-test: $(PROG)
	@bash tests/completion.sh $(PROG)

# The manual pages are clean for mandoc.
man-lint:
	@mandoc -Tlint -W warning man/*.1 man/*.5 man/*.7 && echo "man-lint: 7 passed, 0 failed"

# Installed into a staging DESTDIR, the binary finds its forms; uninstall
# leaves nothing behind.
install-test:
	@sh tests/install.sh "$(MAKE)" "$(B)-install"

# po/ja.po is complete (nothing untranslated or fuzzy) and po/todoke.pot
# holds exactly the messages in the sources.
po-check:
	@sh tests/po-check.sh "$(XGETTEXT_ARGS)"

# The model, forms, incident files and exporters must not know curses; no
# include/call circles between the files of src/tui (read from the objects).
layering: $(LIB)
	@sh tests/layering.sh $(B)

check-sanitize: deps
	@$(MAKE) --no-print-directory SAN=1 test

check-valgrind: deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN)
	@$(MAKE) --no-print-directory unit VALGRIND="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=tests/valgrind.supp"

# A benchmark, not a test: it prints times and judges nothing.
$(B)/bench: tests/bench/bench.c $(LIB)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LDFLAGS) $(CURSES_LIBS) $(UNI_LIBS) $(GIT_LIBS)

# The figures of issue 14 (tests/bench/drive.py): the real wizard in a pty,
# beside dialog 1.3 when it is installed (BENCHMARKS.md).  Optional: dialog
# is installed here, with apt-get, only when run as root.  BENCH_ONLY=frames,space
# runs those groups of rows only (tests/bench/drive.py --only).
$(B)/bench-floor: tests/bench/floor.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(CURSES_LIBS) $(UNI_LIBS)

bench: $(B)/bench $(B)/bench-floor $(PROG)
	@$(B)/bench
	@command -v dialog >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
		apt-get install -y -q dialog >/dev/null 2>&1 || true
	@BENCH_FLOOR=$(B)/bench-floor python3 tests/bench/drive.py $(PROG) $(if $(BENCH_ONLY),--only=$(BENCH_ONLY))

# ---- fuzzing -----------------------------------------------------------
# tests/fuzz/fuzz_T.c: a libFuzzer target for each reader.  `make fuzz`
# (clang and libFuzzer, installed by install-deps.sh fuzz) runs each for
# FUZZ_SECONDS and at least FUZZ_RUNS inputs with ASan and UBSan, seeded
# from the tests; an input that
# crashes goes into tests/fuzz/regress/T/, which `make check` reads through
# the same targets built normally (fuzz-regress), seeds included.
FUZZ_TARGETS  = incident form notice profile calendar date journal storeindex
FUZZ_SECONDS ?= 600
FUZZ_RUNS    ?= 5000000
FUZZ_B        = build-fuzz
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SEEDS_incident = tests/golden/ipa tests/golden/notice tests/golden/ppc
FUZZ_SEEDS_form     = forms tests/fuzz/regress/form
FUZZ_SEEDS_notice   = forms/notice
FUZZ_SEEDS_profile  = tests/fuzz/seeds/profile
FUZZ_SEEDS_calendar = forms/calendar
FUZZ_SEEDS_date     = tests/fuzz/seeds/date
FUZZ_SEEDS_journal  = tests/fuzz/seeds/journal
FUZZ_SEEDS_storeindex = tests/fuzz/seeds/storeindex
FUZZ_CPPFLAGS = -Iinclude -Itests/fuzz -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
                -DFUZZ_DATADIR='"$(CURDIR)"' $(CURSES_CFLAGS)

$(B)/fuzz/regress_%: tests/fuzz/fuzz_%.c tests/fuzz/run.c tests/fuzz/path.c tests/fuzz/fuzz.h $(LIB)
	@mkdir -p $(@D)
	$(CC) $(FUZZ_CPPFLAGS) $(ALL_CFLAGS) -o $@ $(filter %.c,$^) $(LIB) $(ALL_LDFLAGS) $(CURSES_LIBS) $(UNI_LIBS)

fuzz-regress: $(FUZZ_TARGETS:%=$(B)/fuzz/regress_%)
	@set -e; for t in $(FUZZ_TARGETS); do \
		case $$t in incident) s="$(FUZZ_SEEDS_incident)";; form) s="$(FUZZ_SEEDS_form)";; \
		notice) s="$(FUZZ_SEEDS_notice)";; profile) s="$(FUZZ_SEEDS_profile)";; \
		calendar) s="$(FUZZ_SEEDS_calendar)";; date) s="$(FUZZ_SEEDS_date)";; \
		journal) s="$(FUZZ_SEEDS_journal)";; storeindex) s="$(FUZZ_SEEDS_storeindex)";; esac; \
		files=$$(find $$s tests/fuzz/regress/$$t -type f 2>/dev/null | sort); \
		printf '%s: ' "$$t"; $(VALGRIND) $(B)/fuzz/regress_$$t $$files; \
	done; echo "fuzz-regress: $(words $(FUZZ_TARGETS)) passed, 0 failed"

fuzz:
	@sh build-aux/install-deps.sh fuzz
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=clang SANFLAGS="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" $(FUZZ_B)/libtodoke.a
	@set -e; for t in $(FUZZ_TARGETS); do $(MAKE) --no-print-directory fuzz-run-$$t; done

fuzz-run-%: tests/fuzz/fuzz_%.c tests/fuzz/path.c
	@mkdir -p $(FUZZ_B)/corpus/$*
	@# A finding of an earlier run is kept, not taken for a new one.
	@if ls $(FUZZ_B)/crash-$*-* >/dev/null 2>&1; then \
		echo "fuzz $*: an earlier finding is still here:"; ls $(FUZZ_B)/crash-$*-*; \
		echo "keep it under tests/fuzz/regress/$*/, fix it, then remove it"; exit 1; fi
	clang $(FUZZ_CPPFLAGS) -std=c11 $(WARN) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer -o $(FUZZ_B)/fuzz_$* \
		$^ $(FUZZ_B)/libtodoke.a $(CURSES_LIBS) $(UNI_LIBS)
	$(FUZZ_B)/fuzz_$* -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix=$(FUZZ_B)/crash-$*- \
		$(FUZZ_B)/corpus/$* $(FUZZ_SEEDS_$*) 2>&1 | tee $(FUZZ_B)/fuzz_$*.log | \
		grep -E '^stat::number_of_executed_units|^stat::peak_rss|ERROR|SUMMARY|Done' ; \
		! ls $(FUZZ_B)/crash-$*-* >/dev/null 2>&1
	@# On a busy machine FUZZ_SECONDS may run fewer than FUZZ_RUNS inputs:
	@# the rest then, on the corpus found so far.
	@done=$$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_B)/fuzz_$*.log); \
	left=$$(( $(FUZZ_RUNS) - $${done:-0} )); \
	if [ "$$left" -gt 0 ]; then \
		echo "fuzz $*: $${done:-0} inputs in $(FUZZ_SECONDS) s; $$left more"; \
		$(FUZZ_B)/fuzz_$* -runs=$$left -timeout=10 -rss_limit_mb=2048 \
			-print_final_stats=1 -artifact_prefix=$(FUZZ_B)/crash-$*- \
			$(FUZZ_B)/corpus/$* $(FUZZ_SEEDS_$*) > $(FUZZ_B)/fuzz_$*.more.log 2>&1; \
		grep -E '^stat::number_of_executed_units|ERROR|SUMMARY|Done' $(FUZZ_B)/fuzz_$*.more.log; \
		! ls $(FUZZ_B)/crash-$*-* >/dev/null 2>&1; \
	fi

# ---- install -----------------------------------------------------------
install: $(PROG) $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(PKGDATADIR)/forms $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -d $(DESTDIR)$(MANDIR)/man7
	install -d $(DESTDIR)$(PKGDATADIR)/forms/notice
	install -d $(DESTDIR)$(PKGDATADIR)/forms/calendar
	install -d $(DESTDIR)$(LOCALEDIR)/ja/LC_MESSAGES
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/ja/LC_MESSAGES/todoke.mo
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/todoke
	install -m 644 forms/*.form $(DESTDIR)$(PKGDATADIR)/forms/
	install -m 644 forms/documents $(DESTDIR)$(PKGDATADIR)/forms/
	install -m 644 forms/notice/*.notice $(DESTDIR)$(PKGDATADIR)/forms/notice/
	install -m 644 forms/calendar/jp-holidays $(DESTDIR)$(PKGDATADIR)/forms/calendar/
	install -d $(DESTDIR)$(DATAROOT)/bash-completion/completions
	install -m 644 completion/todoke.bash $(DESTDIR)$(DATAROOT)/bash-completion/completions/todoke
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/*.5 $(DESTDIR)$(MANDIR)/man5/
	install -m 644 man/*.7 $(DESTDIR)$(MANDIR)/man7/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/todoke
	rm -f $(DESTDIR)$(DATAROOT)/bash-completion/completions/todoke
	rm -f $(addprefix $(DESTDIR)$(PKGDATADIR)/,$(wildcard forms/*.form))
	rm -f $(DESTDIR)$(PKGDATADIR)/forms/documents
	rm -f $(addprefix $(DESTDIR)$(PKGDATADIR)/,$(wildcard forms/notice/*.notice))
	-rmdir $(DESTDIR)$(PKGDATADIR)/forms/notice
	rm -f $(DESTDIR)$(PKGDATADIR)/forms/calendar/jp-holidays
	-rmdir $(DESTDIR)$(PKGDATADIR)/forms/calendar
	-rmdir $(DESTDIR)$(PKGDATADIR)/forms $(DESTDIR)$(PKGDATADIR)
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(wildcard man/*.1)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(wildcard man/*.5)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man7/,$(notdir $(wildcard man/*.7)))
	rm -f $(DESTDIR)$(LOCALEDIR)/ja/LC_MESSAGES/todoke.mo
	@# The folders install made, deepest first, each only when empty: never
	@# one that holds someone else's files.
	@for d in $(BINDIR) $(MANDIR)/man1 $(MANDIR)/man5 $(MANDIR)/man7 $(MANDIR) \
	          $(LOCALEDIR)/ja/LC_MESSAGES $(LOCALEDIR)/ja $(LOCALEDIR) \
	          $(DATAROOT)/bash-completion/completions $(DATAROOT)/bash-completion \
	          $(DATAROOT) $(PREFIX); do \
		if [ -d "$(DESTDIR)$$d" ] && [ -z "$$(ls -A "$(DESTDIR)$$d")" ]; then \
			echo "rmdir $(DESTDIR)$$d"; rmdir "$(DESTDIR)$$d" || exit 1; fi; \
	done
	@# In a staging DESTDIR, the folders above PREFIX install -d made too
	@# (usr of /usr/local), each only when empty; DESTDIR itself stays.
	@if [ -n "$(DESTDIR)" ]; then d=$$(dirname "$(PREFIX)"); \
	while [ "$$d" != / ] && [ "$$d" != . ]; do \
		if [ -d "$(DESTDIR)$$d" ] && [ -z "$$(ls -A "$(DESTDIR)$$d")" ]; then \
			echo "rmdir $(DESTDIR)$$d"; rmdir "$(DESTDIR)$$d" || exit 1; fi; \
		d=$$(dirname "$$d"); done; fi

clean:
	rm -rf build build-san build-install build-san-install build-fuzz todoke
