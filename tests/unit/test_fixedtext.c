/* todoke's own words in documents survive every encoding it offers: the
 * layout and wording of the forms (forms/NAME.form) and of the notice
 * (forms/notice/TYPE.notice), and the
 * string literals that the PPC decision, the exporters and the notice
 * builder write into documents, are each converted with the encoder's own
 * rule, without --substitute.  A word that would not go is named with its
 * file and line.  (The HTML page is UTF-8 by its standard: src/notice/html.c
 * is left out, and the headers of mail.c are ASCII by RFC 5322; messages
 * of the interface, _() and N_(), and the functions that write only to the
 * screen, listed below, are not documents.) */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/encode.h"
#include "todoke/fileio.h"

/* The fixed text of one file, one piece a line, and where each came from. */
struct fixed {
	struct strbuf text;
	int *src_line;
	size_t n;
};

static void add_piece(struct fixed *f, const char *s, size_t len, int line)
{
	for (size_t i = 0; i < len; i++)
		sb_addc(&f->text, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
	sb_addc(&f->text, '\n');
	f->src_line = xrealloc(f->src_line, (f->n + 1) * sizeof *f->src_line);
	f->src_line[f->n++] = line;
}

/* Forms and templates: every line but comments and the wizard's help
 * (~ lines); the marker of a layout line (| ! or ?) is syntax. */
static void data_pieces(const char *data, size_t len, struct fixed *f)
{
	int line = 1;
	for (size_t i = 0; i < len; line++) {
		size_t e = i;
		while (e < len && data[e] != '\n')
			e++;
		const char *s = data + i;
		size_t n = e - i;
		if (n && (s[0] == '|' || s[0] == '?' || s[0] == '!'))
			s++, n--;
		if (!(n && (data[i] == '#' || data[i] == '~')))
			add_piece(f, s, n, line);
		i = e + 1;
	}
}

static bool ident_before(const char *src, size_t at, const char *name)
{
	size_t n = strlen(name);
	if (at < n || memcmp(src + at - n, name, n) != 0)
		return false;
	if (at == n)
		return true;
	char c = src[at - n - 1];
	return !(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	         (c >= '0' && c <= '9'));
}

/* Functions whose text goes to the screen (`todoke deadlines`, the
 * wizard's status line), not into a document. */
static const char *const screen_only[] = {
	"ppc_report_deadlines", "ppc_status", "prelim_text", "final_text", "left",
};

static bool is_screen_only(const char *fn)
{
	for (size_t i = 0; i < sizeof screen_only / sizeof screen_only[0]; i++)
		if (strcmp(fn, screen_only[i]) == 0)
			return true;
	return false;
}

/* C sources: the string literals, escapes read, outside comments, outside
 * the arguments of _(), N_() and ngettext(), and outside screen_only. */
static void c_pieces(const char *src, size_t len, struct fixed *f)
{
	int line = 1, depth = 0, braces = 0, skip_from = -1;
	char fn[64] = "";
	struct strbuf lit;
	sb_init(&lit);
	for (size_t i = 0; i < len; i++) {
		char c = src[i];
		if (c == '\n') {
			line++;
		} else if (c == '/' && i + 1 < len && src[i + 1] == '/') {
			while (i < len && src[i] != '\n')
				i++;
			line++;
		} else if (c == '/' && i + 1 < len && src[i + 1] == '*') {
			for (i += 2; i + 1 < len && !(src[i] == '*' && src[i + 1] == '/'); i++)
				line += src[i] == '\n';
			i++;
		} else if (c == '\'') {
			for (i++; i < len && src[i] != '\''; i++)
				i += src[i] == '\\';
		} else if (c == '{') {
			braces++;
		} else if (c == '}') {
			braces--;
		} else if (c == '(') {
			size_t at = i;
			while (at > 0 && src[at - 1] == ' ')
				at--;
			if (braces == 0 && depth == 0) {   /* a function's name */
				size_t b = at;
				while (b > 0 && (src[b - 1] == '_' || (src[b - 1] >= 'a' && src[b - 1] <= 'z') ||
				                 (src[b - 1] >= 'A' && src[b - 1] <= 'Z') ||
				                 (src[b - 1] >= '0' && src[b - 1] <= '9')))
					b--;
				snprintf(fn, sizeof fn, "%.*s", (int)(at - b), src + b);
			}
			if (skip_from < 0 && (ident_before(src, at, "_") || ident_before(src, at, "N_") ||
			                      ident_before(src, at, "ngettext")))
				skip_from = depth;
			depth++;
		} else if (c == ')') {
			depth--;
			if (depth == skip_from)
				skip_from = -1;
		} else if (c == '"') {
			int at_line = line;
			lit.len = 0;
			for (i++; i < len && src[i] != '"'; i++) {
				if (src[i] != '\\' || i + 1 >= len) {
					sb_addc(&lit, src[i]);
					continue;
				}
				char e = src[++i];
				if (e == 'x') {
					unsigned v = 0;
					while (i + 1 < len && strchr("0123456789abcdefABCDEF", src[i + 1]) &&
					       src[i + 1])
						v = v * 16 + (unsigned)(src[i + 1] <= '9' ? src[i + 1] - '0'
						                        : (src[i + 1] | 0x20) - 'a' + 10), i++;
					sb_addc(&lit, (char)v);
				} else {
					sb_addc(&lit, e == 'n' || e == 't' ? ' ' : e);
				}
			}
			if (skip_from < 0 && !(braces > 0 && is_screen_only(fn)))
				add_piece(f, lit.buf ? lit.buf : "", lit.len, at_line);
		}
	}
	sb_release(&lit);
}

/* Every offered encoding takes every piece of the files that `pattern`
 * matches (under the source tree); each failure is named. */
static size_t check_files(const char *pattern, bool c_source, struct strbuf *why)
{
	const char *root = getenv("TODOKE_DATADIR");
	char pat[4096];
	snprintf(pat, sizeof pat, "%s/%s", root && *root ? root : ".", pattern);
	glob_t g;
	ck_assert_msg(glob(pat, 0, NULL, &g) == 0, "no files: %s", pat);
	size_t files = 0;
	for (size_t k = 0; k < g.gl_pathc; k++) {
		const char *path = g.gl_pathv[k];
		if (c_source && (strstr(path, "src/notice/html.c") || strstr(path, "src/export/mail.c")))
			continue;     /* the HTML page: UTF-8 only; mail headers: ASCII */
		char *data;
		size_t len;
		struct diag d;
		ck_assert_msg(file_read_all(path, &data, &len, &d), "%s: %s", path, d.msg);
		struct fixed f = { .n = 0 };
		sb_init(&f.text);
		if (c_source)
			c_pieces(data, len, &f);
		else
			data_pieces(data, len, &f);
		for (size_t e = 0; encode_offered(e); e++) {
			struct strbuf out;
			struct enc_report rep;
			sb_init(&out);
			diag_clear(&d);
			if (!encode_document(f.text.buf, f.text.len, encode_offered(e), false, false,
			                     &out, &rep, &d) && !rep.n)
				sb_addf(why, "%s: %s: %s\n", path, encode_offered(e), d.msg);
			for (size_t i = 0; i < rep.n; i++)
				sb_addf(why, "%s:%d: U+%04lX is not written in %s\n", path,
				        f.src_line[rep.v[i].line - 1], rep.v[i].cp, encode_offered(e));
			enc_report_release(&rep);
			sb_release(&out);
		}
		sb_release(&f.text);
		free(f.src_line);
		free(data);
		files++;
	}
	globfree(&g);
	return files;
}

START_TEST(fixed_text_in_every_encoding)
{
	struct strbuf why;
	sb_init(&why);
	size_t files = check_files("forms/*.form", false, &why) +
	               check_files("forms/documents", false, &why) +
	               check_files("forms/notice/*.notice", false, &why) +
	               check_files("src/ppc/*.c", true, &why) +
	               check_files("src/export/*.c", true, &why) +
	               check_files("src/notice/*.c", true, &why);
	ck_assert_uint_ge(files, 19);
	ck_assert_msg(why.len == 0, "todoke's own words that an encoding loses:\n%s",
	              why.buf ? why.buf : "");
	sb_release(&why);
}
END_TEST

/* The scanner finds what it must: a literal, escapes, and not a comment
 * or a message of the interface. */
START_TEST(scanner)
{
	struct fixed f = { .n = 0 };
	sb_init(&f.text);
	const char src[] = "/* 「—」 */ x = \"判定\\n\"; // 「—」\n"
	                   "y(_(\"—\"), \"a\\\"b\", ngettext(\"%ld day\", \"—\", n));\n'\"';\"\\xe2\\x80\\x94\"\n"
	                   "void ppc_report_deadlines(int x)\n{\n\tf(\"—\");\n}\n";
	c_pieces(src, sizeof src - 1, &f);
	ck_assert_uint_eq(f.n, 3);
	ck_assert_str_eq(f.text.buf, "判定 \na\"b\n—\n");
	ck_assert_int_eq(f.src_line[0], 1);
	ck_assert_int_eq(f.src_line[1], 2);
	ck_assert_int_eq(f.src_line[2], 3);
	sb_release(&f.text);
	free(f.src_line);
	struct fixed g = { .n = 0 };
	sb_init(&g.text);
	const char form[] = "# —\n|一 概要\n~※ —\n?  —{text x}\n!※注\n";
	data_pieces(form, sizeof form - 1, &g);
	ck_assert_str_eq(g.text.buf, "一 概要\n  —{text x}\n※注\n");
	ck_assert_int_eq(g.src_line[1], 4);
	sb_release(&g.text);
	free(g.src_line);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("fixedtext");
	TCase *tc = tcase_create("fixedtext");
	tcase_add_test(tc, scanner);
	tcase_add_test(tc, fixed_text_in_every_encoding);
	suite_add_tcase(s, tc);
	return s;
}
