/* writeout — one document file from the wizard: encoding, characters it
 * lacks, a file already there, the default name (writeout.h). */
#include "writeout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "todoke/check.h"
#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/store.h"
#include "todoke/strbuf.h"

const struct writeout_encoding writeout_encodings[] = {
	{ '1', "utf-8", false }, { '2', "cp932", true }, { '3', "shift_jis", false },
	{ '4', "iso-2022-jp", false }, { '5', "euc-jp", false }, { 0, NULL, false },
};

int writeout_encoding_index(const char *name)
{
	const char *want = name ? encode_iconv_name(name) : NULL;
	for (int i = 0; want && writeout_encodings[i].name; i++)
		if (strcmp(encode_iconv_name(writeout_encodings[i].name), want) == 0)
			return i;
	return -1;
}

/* Only those the registry offers for the document are taken. */
static bool offered(const struct document *doc, const char *enc)
{
	for (size_t i = 0; i < doc->nencodings; i++)
		if (strcmp(encode_iconv_name(doc->encodings[i]) ? encode_iconv_name(doc->encodings[i])
		                                                : "", encode_iconv_name(enc)) == 0)
			return true;
	return false;
}

int writeout_choose_encoding(struct app *a, const struct document *doc)
{
	for (;;) {
		attrset(term_attr(C_FOCUS));
		mvhline(LINES - 2, 0, ' ', COLS);
		draw_text(LINES - 2, 1, _("Encoding: 1 UTF-8  2 Windows (CP932)  3 Shift_JIS  "
		                          "4 mail (ISO-2022-JP)  5 EUC-JP  Esc cancel"),
		          COLS - 2, term_attr(C_FOCUS));
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit || (rc == OK && ch == 27))
			return -1;
		for (int i = 0; rc == OK && writeout_encodings[i].name; i++)
			if (ch == writeout_encodings[i].key && offered(doc, writeout_encodings[i].name))
				return i;
	}
}

wint_t writeout_explain(struct app *a, const struct enc_report *rep, const char *enc)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, _("%zu character(s) cannot be written in %s:\n\n"), rep->n,
	        encode_iconv_name(enc));
	for (size_t i = 0; i < rep->n; i++) {
		describe_unconvertible(a->inc, &rep->v[i], &sb);
		if (rep->v[i].subst)
			sb_addf(&sb, _(": stand-in 「%s」"), rep->v[i].subst);
		else
			sb_add(&sb, _(": no stand-in"));
		sb_addc(&sb, '\n');
	}
	sb_add(&sb, _("\nNothing has been written.  s: write with the stand-ins   "
	              "e: choose another encoding   Esc: cancel\n"));
	wint_t key = dialog_text_keys(a, _("Characters that will not convert"), sb.buf, "se",
	                              _("s stand-ins  e encoding"));
	sb_release(&sb);
	return key;
}

/* o, n or s for a file that exists; 0 when a signal ends the session. */
static wint_t ask_exists(struct app *a, const char *path)
{
	for (;;) {
		/* The name on a line of its own: a long one is not cut. */
		char buf[1200];
		const char *base = strrchr(path, '/');
		snprintf(buf, sizeof buf, _("Exists: %s"), base ? base + 1 : path);
		attrset(term_attr(C_FOCUS));
		mvhline(LINES - 3, 0, ' ', COLS);
		draw_text(LINES - 3, 1, buf, COLS - 2, term_attr(C_FOCUS));
		mvhline(LINES - 2, 0, ' ', COLS);
		draw_text(LINES - 2, 1, _("o overwrite  n new name  s skip"), COLS - 2,
		          term_attr(C_FOCUS));
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit)
			return 0;
		if (rc == OK && ch == 27)
			return 's';
		if (rc == OK && (ch == 'o' || ch == 'n' || ch == 's'))
			return ch;
	}
}

enum writeout_place writeout_place(struct app *a, char **path)
{
	for (;;) {
		struct diag d;
		enum file_target kind = FILE_TARGET_NEW;
		diag_clear(&d);
		wint_t ch = 'n';
		if (!**path) {
			ch = 'n';
		} else if (!file_output_target(*path, &kind, &d)) {
			char buf[2048];
			app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
		} else if (kind != FILE_TARGET_REGULAR) {
			return WRITE_HERE;
		} else if ((ch = ask_exists(a, *path)) == 0) {
			return WRITE_QUIT;
		} else if (ch == 'o') {
			return WRITE_HERE;
		} else if (ch == 's') {
			app_msg(a, C_OK, _("Skipped: %s"), *path);
			return WRITE_SKIP;
		}
		/* A new name (or another one after a refusal). */
		char *other = dialog_input(a, _("Write to:"), *path);
		if (term_quit_signal || term_hangup) {
			free(other);
			return WRITE_QUIT;
		}
		if (!other || !*other) {
			app_msg(a, C_OK, _("Skipped: %s"), *path);
			free(other);
			return WRITE_SKIP;
		}
		free(*path);
		*path = other;
	}
}

/* A folder below the incident's whose name starts with a dot. */
static bool hidden_folder(const char *path, size_t dirlen)
{
	for (size_t i = 0; i < dirlen; i++)
		if (path[i] == '.' && (i == 0 || path[i - 1] == '/')) {
			size_t n = strcspn(path + i, "/");
			if (i + n > dirlen)
				n = dirlen - i;
			if (!(n == 1 || (n == 2 && path[i + 1] == '.')))
				return true;
		}
	return false;
}

/* ~/todoke, or NULL when there is no home. */
static char *visible_folder(void)
{
	const char *home = getenv("HOME");
	if (!home || !*home)
		return NULL;
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s/todoke", home);
	return sb_detach(&sb);
}

char *writeout_default_path(const struct app *a, const struct document *doc, const char *ext)
{
	const char *slash = strrchr(a->path, '/');
	size_t dirlen = slash ? (size_t)(slash - a->path) : 0;
	const char *title = incident_meta(a->inc, "title");
	/* 255 bytes is the most a Linux file name holds: the suffix and the
	 * extension fit after 180. */
	char *name = file_name_from_title(title ? title : "", 180);
	struct strbuf sb;
	sb_init(&sb);
	char *folder = hidden_folder(a->path, dirlen) ? visible_folder() : NULL;
	if (folder)
		sb_addf(&sb, "%s/", folder);
	else if (slash)
		sb_addn(&sb, a->path, dirlen + 1);
	if (*name)
		sb_add(&sb, name);
	else {
		const char *base = slash ? slash + 1 : a->path;
		size_t n = strlen(base);
		if (n > 9 && strcmp(base + n - 9, ".incident") == 0)
			n -= 9;
		sb_addn(&sb, base, n);
	}
	sb_addf(&sb, "%s.%s", doc->suffix, ext);
	free(name);
	free(folder);
	return sb_detach(&sb);
}

bool writeout_folder(struct app *a, const char *path)
{
	char *folder = visible_folder();
	size_t n = folder ? strlen(folder) : 0;
	bool ok = true;
	if (folder && strncmp(path, folder, n) == 0 && path[n] == '/' && !strchr(path + n + 1, '/')) {
		struct diag d;
		diag_clear(&d);
		if (!store_ensure_dir(folder, &d)) {
			char buf[2048];
			app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
			ok = false;
		}
	}
	free(folder);
	return ok;
}
