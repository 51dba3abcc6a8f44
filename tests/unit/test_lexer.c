/* The lexer of the line formats: lines and their numbers, the characters
 * every format refuses (at line and display column), words, ids, ID=OPT
 * lists, key: value, headers, directive tables; diag's column and visible
 * control characters; and the same fault giving the same message in the
 * form, notice template, incident and profile readers. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suite.h"

#include "todoke/calendar.h"
#include "todoke/fileio.h"
#include "todoke/form.h"
#include "todoke/incident.h"
#include "todoke/lexer.h"
#include "todoke/model.h"
#include "todoke/notice.h"
#include "todoke/profile.h"
#include "todoke/strbuf.h"

static struct diag d;
static struct lexer lx;

static void open_text(const char *text, size_t len, unsigned flags)
{
	diag_clear(&d);
	lex_init(&lx, text, len, "t.txt", flags, &d);
}

static void open_str(const char *text, unsigned flags)
{
	open_text(text, strlen(text), flags);
}

/* Reads to the end; the fault must be at line:col with msg in it. */
static void fails_at(const char *text, size_t len, unsigned flags, int line, int col,
                     const char *msg)
{
	open_text(text, len, flags);
	while (lex_next(&lx))
		;
	ck_assert_msg(lx.failed, "accepted: %s", msg);
	ck_assert_str_eq(d.file, "t.txt");
	ck_assert_msg(d.line == line && d.col == col, "at %d:%d, want %d:%d (%s)",
	              d.line, d.col, line, col, d.msg);
	ck_assert_msg(strstr(d.msg, msg), "\"%s\" lacks \"%s\"", d.msg, msg);
	lex_release(&lx);
}

#define FAILS(lit, flags, line, col, msg) fails_at(lit, sizeof lit - 1, flags, line, col, msg)

/* ---- lines ---------------------------------------------------------------- */

START_TEST(lines_are_numbered_and_lose_their_ends)
{
	open_str("一\r\n\ntwo \r\nlast", 0);
	char *l = lex_next(&lx);
	ck_assert_str_eq(l, "一");
	ck_assert_int_eq(lx.line, 1);
	ck_assert(lx.newline);
	ck_assert_str_eq(lex_next(&lx), "");
	ck_assert_str_eq(lex_next(&lx), "two ");
	ck_assert_str_eq(lex_next(&lx), "last");
	ck_assert_int_eq(lx.line, 4);
	ck_assert(!lx.newline);
	ck_assert_ptr_null(lex_next(&lx));
	ck_assert(!lx.failed);
	ck_assert_int_eq(lx.line, 4);
	lex_release(&lx);

	open_str("", 0);
	ck_assert_ptr_null(lex_next(&lx));
	ck_assert(!lx.failed);
	ck_assert_int_eq(lx.line, 0);
	lex_release(&lx);

	/* A final newline ends the last line: no empty line after it. */
	open_str("a\n", 0);
	ck_assert_str_eq(lex_next(&lx), "a");
	ck_assert_ptr_null(lex_next(&lx));
	lex_release(&lx);
}
END_TEST

START_TEST(trim_drops_spaces_around)
{
	open_str("   word  rest   \n", LEX_TRIM);
	char *l = lex_next(&lx);
	ck_assert_str_eq(l, "word  rest");
	/* Columns still count the line as read. */
	ck_assert_int_eq(lex_column(&lx, l), 4);
	char *w = lex_word(&l);
	ck_assert_int_eq(lex_column(&lx, l), 10);
	ck_assert_str_eq(w, "word");
	lex_release(&lx);
}
END_TEST

START_TEST(bad_characters_are_located)
{
	FAILS("ok\nab\xc3(\n", 0, 2, 3, "not valid UTF-8 (byte 0xC3)");
	/* Display columns: 日本 is four; a tab goes to the next multiple of 8. */
	FAILS("日本\xff\n", 0, 1, 5, "not valid UTF-8 (byte 0xFF)");
	/* The same column whatever the locale. */
	char *old = strdup(setlocale(LC_CTYPE, NULL));
	setlocale(LC_CTYPE, "C");
	FAILS("日本\xff\n", 0, 1, 5, "not valid UTF-8 (byte 0xFF)");
	FAILS("ｶﾅ😀\x01\n", 0, 1, 5, "U+0001");
	setlocale(LC_CTYPE, old);
	free(old);
	FAILS("\xed\xa0\x80 surrogate\n", 0, 1, 1, "not valid UTF-8 (byte 0xED)");
	FAILS("\xc0\xaf overlong\n", 0, 1, 1, "not valid UTF-8 (byte 0xC0)");
	FAILS("x\n\nab\0cd\n", 0, 3, 3, "NUL byte: this is not a text file");
	FAILS("a\tb\n", 0, 1, 2, "tab character: use spaces");
	FAILS("a\tb\x1b[31m\n", LEX_TABS, 1, 10, "control character U+001B");
	FAILS("日本語\x07\n", LEX_TABS, 1, 7, "control character U+0007");
	FAILS("del\x7f\n", 0, 1, 4, "control character U+007F");
	/* One CR before the line end is the CRLF ending; any other is not. */
	FAILS("a\rb\n", 0, 1, 2, "control character U+000D");
	FAILS("ab\r\r\n", 0, 1, 3, "control character U+000D");
	/* After multi-byte text (read a character at a time when the line is
	 * clean): a fault is still found, at its column. */
	FAILS("日本\xe3\x81\n", 0, 1, 5, "not valid UTF-8 (byte 0xE3)");
	FAILS("日本\xe3\n", 0, 1, 5, "not valid UTF-8 (byte 0xE3)");
	FAILS("（\xef\xbc\n", 0, 1, 3, "not valid UTF-8 (byte 0xEF)");
	FAILS("日\xe3\x81\x41\n", 0, 1, 3, "not valid UTF-8 (byte 0xE3)");
	FAILS("日\xe3\x41\x81\n", 0, 1, 3, "not valid UTF-8 (byte 0xE3)");
	FAILS("日\xed\xa0\x80\n", 0, 1, 3, "not valid UTF-8 (byte 0xED)");
	FAILS("日\xe0\x80\x80\n", 0, 1, 3, "not valid UTF-8 (byte 0xE0)");
	FAILS("日\xc2\x85\n", 0, 1, 3, "control character U+0085");
	FAILS("ｶﾅ\xc2\n", 0, 1, 3, "not valid UTF-8 (byte 0xC2)");
	FAILS("😀\xf0\x9f\x98\n", 0, 1, 3, "not valid UTF-8 (byte 0xF0)");
	FAILS("日\x7f\n", 0, 1, 3, "control character U+007F");
	FAILS("日\tx\n", 0, 1, 3, "tab character: use spaces");
	FAILS("café（全角）\x1b\n", 0, 1, 13, "control character U+001B");
	open_str("（日本）ｶﾅ😀café\t·\xef\xbf\xbd\n", LEX_TABS);
	ck_assert_str_eq(lex_next(&lx), "（日本）ｶﾅ😀café\t·\xef\xbf\xbd");
	ck_assert(!lx.failed);
	lex_release(&lx);
	/* ASCII is read eight bytes at a time: a fault at any place of a
	 * long line is found, at its column. */
	static const char faults[] = { '\x01', '\x1f', '\x7f', '\t', '\x80', '\xff' };
	for (size_t f = 0; f < sizeof faults; f++)
		for (int at = 0; at < 20; at++) {
			char line[32];
			memset(line, 'a', 20);
			line[at] = faults[f];
			line[20] = '\n';
			open_text(line, 21, 0);
			ck_assert_ptr_null(lex_next(&lx));
			ck_assert_msg(lx.failed && d.col == at + 1, "0x%02X at %d: col %d",
			              (unsigned char)faults[f], at, d.col);
			lex_release(&lx);
		}
	open_str("~ !\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~\n", 0);
	ck_assert_str_eq(lex_next(&lx), "~ !\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~");
	lex_release(&lx);
	/* The first fault of the line wins, and the line ends reading. */
	FAILS("\x01\xff\n", 0, 1, 1, "U+0001");
	FAILS("\xff\x01\n", 0, 1, 1, "UTF-8");
	open_str("a\n\x01\nb\n", 0);
	ck_assert_str_eq(lex_next(&lx), "a");
	ck_assert_ptr_null(lex_next(&lx));
	ck_assert_ptr_null(lex_next(&lx));
	ck_assert(lx.failed);
	lex_release(&lx);
	/* As before the lexer: a CR at the very end is a line end too. */
	open_str("ab\r", 0);
	ck_assert_str_eq(lex_next(&lx), "ab");
	lex_release(&lx);
	/* Tabs where the format allows them; other text as it is. */
	open_str("a\tb ｶﾅ 😀 が\n", LEX_TABS);
	ck_assert_str_eq(lex_next(&lx), "a\tb ｶﾅ 😀 が");
	lex_release(&lx);
}
END_TEST

START_TEST(find_control)
{
	const char s[] = "ab\tc\x1b";
	ck_assert_ptr_eq(lex_find_control(s, 5, 0), s + 2);
	ck_assert_ptr_eq(lex_find_control(s, 5, LEX_TABS), s + 4);
	ck_assert_ptr_null(lex_find_control(s, 4, LEX_TABS));
	ck_assert_ptr_null(lex_find_control("山田 太郎", strlen("山田 太郎"), 0));
}
END_TEST

START_TEST(blank_lines)
{
	ck_assert(lex_blank(""));
	ck_assert(lex_blank("   "));
	ck_assert(lex_blank(" \t "));
	ck_assert(lex_blank("# comment"));
	ck_assert(!lex_blank(" # not at the first column"));
	ck_assert(!lex_blank("x"));
}
END_TEST

/* ---- words, ids, lists --------------------------------------------------- */

START_TEST(words)
{
	char line[] = "  options   kind a=甲  b=乙 ";
	char *s = line;
	ck_assert_str_eq(lex_word(&s), "options");
	ck_assert_str_eq(s, "kind a=甲  b=乙 ");
	ck_assert_str_eq(lex_word(&s), "kind");
	ck_assert_str_eq(lex_word(&s), "a=甲");
	ck_assert_str_eq(lex_word(&s), "b=乙");
	ck_assert_str_eq(lex_word(&s), "");
	ck_assert_str_eq(lex_word(&s), "");
	char one[] = "end";
	s = one;
	ck_assert_str_eq(lex_word(&s), "end");
	ck_assert_str_eq(s, "");
}
END_TEST

START_TEST(ids)
{
	ck_assert(lex_id_ok("reporter.name", LEX_QUESTION_ID));
	ck_assert(lex_id_ok("ppc-report_2", LEX_FORM_ID));
	ck_assert(!lex_id_ok("", LEX_QUESTION_ID));
	ck_assert(!lex_id_ok("a/b", LEX_QUESTION_ID));
	ck_assert(!lex_id_ok("a b", LEX_OPTION_ID));
	ck_assert(!lex_id_ok("名前", LEX_QUESTION_ID));
	ck_assert(lex_id_ok(".field", LEX_NAME));
	ck_assert(lex_id_ok("@type", LEX_NAME));
	ck_assert(!lex_id_ok("@", LEX_NAME));
	ck_assert(!lex_id_ok("@@x", LEX_NAME));

	open_str("when 日本 x/y\n", 0);
	char *l = lex_next(&lx);
	lex_word(&l);
	lex_word(&l);
	ck_assert(!lex_id(&lx, l, LEX_QUESTION_ID));
	ck_assert_int_eq(d.line, 1);
	ck_assert_int_eq(d.col, 11);
	ck_assert_str_eq(d.msg, "bad question id \"x/y\" (letters, digits, '.', '_', '-')");
	ck_assert(!lex_id(&lx, "a b", LEX_NAME));
	ck_assert_int_eq(d.col, 0);  /* not in the line: no column */
	ck_assert_ptr_nonnull(strstr(d.msg, "bad name \"a b\""));
	ck_assert(!lex_id(&lx, "k y", LEX_KEY));
	ck_assert_str_eq(d.msg, "expected \"key: value\", not a key \"k y\"");
	lex_release(&lx);
}
END_TEST

struct opts_case {
	const char *word;
	int col;          /* 0: accepted */
	const char *msg;  /* or the options, comma-separated */
};

static const struct opts_case opts_cases[] = {
	{ "kind=a", 0, "a" },
	{ "ppc.secondary=yes,unknown,no", 0, "yes,unknown,no" },
	{ "kind", 1, "\"kind\": write ID=OPTION[,OPTION…]" },
	{ "=a", 1, "bad question id \"\"" },
	{ "k/d=a", 1, "bad question id \"k/d\"" },
	{ "kind=", 5, "\"kind=\" needs at least one option" },
	{ "kind=a,", 8, "bad option id \"\"" },
	{ "kind=a,,b", 8, "bad option id \"\"" },
	{ "kind=a,b/c", 8, "bad option id \"b/c\"" },
};

START_TEST(id_option_lists)
{
	const struct opts_case *c = &opts_cases[_i];
	char text[64];
	snprintf(text, sizeof text, "%s\n", c->word);
	open_str(text, 0);
	char *w = lex_next(&lx), *id, **opts = NULL;
	size_t n = 99;
	bool ok = lex_id_opts(&lx, w, LEX_QUESTION_ID, &id, &opts, &n);
	if (!c->col) {
		ck_assert_msg(ok, "%s: %s", c->word, d.msg);
		ck_assert_uint_eq(strcspn(c->word, "="), strlen(id));
		char joined[64] = "";
		for (size_t i = 0; i < n; i++) {
			snprintf(joined + strlen(joined), sizeof joined - strlen(joined), "%s%s",
			         i ? "," : "", opts[i]);
			free(opts[i]);
		}
		free(opts);
		ck_assert_str_eq(joined, c->msg);
	} else {
		ck_assert_msg(!ok, "%s accepted", c->word);
		ck_assert_msg(d.col == c->col, "%s: column %d, want %d", c->word, d.col, c->col);
		ck_assert_msg(strstr(d.msg, c->msg), "\"%s\" lacks \"%s\"", d.msg, c->msg);
	}
	lex_release(&lx);
}
END_TEST

START_TEST(key_value)
{
	char a[] = "reporter.name:  山田 ", b[] = "title:", c[] = "no colon", e[] = ": x";
	char *k, *v;
	open_str("x\n", 0);
	lex_next(&lx);
	ck_assert(lex_key_value(&lx, a, "key: value", &k, &v));
	ck_assert_str_eq(k, "reporter.name");
	ck_assert_str_eq(v, " 山田 ");  /* only the one space is the separator */
	ck_assert(lex_key_value(&lx, b, "key: value", &k, &v));
	ck_assert_str_eq(v, "");
	ck_assert(!lex_key_value(&lx, c, "question-id: value", &k, &v));
	ck_assert_str_eq(d.msg, "expected \"question-id: value\"");
	ck_assert_int_eq(d.line, 1);
	ck_assert(!lex_key_value(&lx, e, "key: value", &k, &v));
	ck_assert_str_eq(d.msg, "expected \"key: value\"");
	lex_release(&lx);
}
END_TEST

/* ---- headers, repeats ---------------------------------------------------- */

START_TEST(header_lines)
{
	static const struct { const char *line; const char *msg; } cases[] = {
		{ "todoke-x 1", NULL },
		{ "todoke-x  01", NULL },
		{ "todoke-x 2", "todoke-x 2 is newer than this todoke reads (todoke-x 1)" },
		{ "todoke-x 0", "todoke-x 0 is not a format this todoke reads (todoke-x 1)" },
		{ "todoke-x", "not a todoke-x file: the first line must be \"todoke-x 1\"" },
		{ "todoke-x 1 junk", "not a todoke-x file: the first line must be \"todoke-x 1\"" },
		{ "todoke-x -1", "not a todoke-x file: the first line must be \"todoke-x 1\"" },
		{ "todoke-xy 1", "not a todoke-x file: the first line must be \"todoke-x 1\"" },
		{ "todoke-x 99999999999999999999", "not a todoke-x file" },
	};
	open_str("x\n", 0);
	lex_next(&lx);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		diag_clear(&d);
		bool ok = lex_header(&lx, cases[i].line, "todoke-x", 1);
		ck_assert_msg(ok == !cases[i].msg, "%s: %s", cases[i].line, d.msg);
		if (cases[i].msg) {
			ck_assert_msg(strstr(d.msg, cases[i].msg), "\"%s\" lacks \"%s\"", d.msg,
			              cases[i].msg);
			ck_assert_int_eq(d.line, 1);
		}
	}
	lex_release(&lx);

	open_str("", 0);
	ck_assert(!lex_no_header(&lx, "todoke-x", 1));
	ck_assert_int_eq(d.line, 0);
	ck_assert_str_eq(d.msg, "empty file: the first line must be \"todoke-x 1\"");
	lex_release(&lx);
	open_str("# only\n\n", 0);
	while (lex_next(&lx))
		;
	ck_assert(!lex_no_header(&lx, "todoke-x", 1));
	ck_assert_int_eq(d.line, 0);
	ck_assert_int_eq(lx.line, 2);
	ck_assert_ptr_nonnull(strstr(d.msg, "only comments and blank lines"));
	lex_release(&lx);
}
END_TEST

START_TEST(content_lines)
{
	/* Comments and blank lines before the header, between lines. */
	open_str("# c\n\ntodoke-x 1\n  \n# c\none\n\ntwo\n", 0);
	ck_assert_str_eq(lex_content(&lx, "todoke-x", 1), "one");
	ck_assert_int_eq(lx.line, 6);
	ck_assert_str_eq(lex_content(&lx, "todoke-x", 1), "two");
	ck_assert_ptr_null(lex_content(&lx, "todoke-x", 1));
	ck_assert(!lx.failed);
	lex_release(&lx);
	/* LEX_HEADER_FIRST: the header is line 1, not a comment. */
	open_str("# c\ntodoke-x 1\n", LEX_HEADER_FIRST);
	ck_assert_ptr_null(lex_content(&lx, "todoke-x", 1));
	ck_assert(lx.failed);
	ck_assert_int_eq(d.line, 1);
	ck_assert_ptr_nonnull(strstr(d.msg, "the first line must be \"todoke-x 1\""));
	lex_release(&lx);
	open_str("todoke-x 1\n\n# c\nk: v\n", LEX_HEADER_FIRST);
	ck_assert_str_eq(lex_content(&lx, "todoke-x", 1), "k: v");
	lex_release(&lx);
	/* No header: failed, with lex_no_header's message. */
	open_str("# only\n", 0);
	ck_assert_ptr_null(lex_content(&lx, "todoke-x", 1));
	ck_assert(lx.failed);
	ck_assert_int_eq(d.line, 0);
	ck_assert_ptr_nonnull(strstr(d.msg, "only comments"));
	lex_release(&lx);
	open_str("todoke-x 3\nline\n", 0);
	ck_assert_ptr_null(lex_content(&lx, "todoke-x", 1));
	ck_assert(lx.failed);
	ck_assert_ptr_nonnull(strstr(d.msg, "newer"));
	lex_release(&lx);
}
END_TEST

static bool collect(void *ctx, char *line)
{
	struct strbuf *sb = ctx;
	sb_addf(sb, "[%s]", line);
	return strcmp(line, "stop") != 0 || lex_fail(&lx, "stopped");
}

START_TEST(read_all_lines)
{
	struct strbuf sb;
	sb_init(&sb);
	/* '#' anywhere with LEX_HASH_COMMENTS; blanks trimmed, tabs too. */
	open_str("todoke-x 1 # the header\n\tfixed\t01-01 # c\n  # only a comment\nlast\t \n",
	         LEX_TABS | LEX_TRIM | LEX_HASH_COMMENTS);
	ck_assert(lex_read(&lx, "todoke-x", 1, collect, &sb));
	ck_assert_str_eq(sb.buf, "[fixed\t01-01][last]");
	lex_release(&lx);
	/* Without it '#' is text after the first column. */
	sb.len = 0;
	sb.buf[0] = '\0';
	open_str("todoke-x 1\na # b\n", 0);
	ck_assert(lex_read(&lx, "todoke-x", 1, collect, &sb));
	ck_assert_str_eq(sb.buf, "[a # b]");
	lex_release(&lx);
	/* The handler's false stops the reading. */
	sb.len = 0;
	sb.buf[0] = '\0';
	open_str("todoke-x 1\nstop\nnever\n", 0);
	ck_assert(!lex_read(&lx, "todoke-x", 1, collect, &sb));
	ck_assert_str_eq(sb.buf, "[stop]");
	ck_assert_int_eq(d.line, 2);
	lex_release(&lx);
	/* A fault, or no header, is false too. */
	open_str("todoke-x 1\n\x01\n", 0);
	ck_assert(!lex_read(&lx, "todoke-x", 1, collect, &sb));
	lex_release(&lx);
	open_str("", 0);
	ck_assert(!lex_read(&lx, "todoke-x", 1, collect, &sb));
	ck_assert_ptr_nonnull(strstr(d.msg, "empty file"));
	lex_release(&lx);
	sb_release(&sb);
}
END_TEST

START_TEST(twice)
{
	open_str("a\nb\n", 0);
	lex_next(&lx);
	lex_next(&lx);
	ck_assert(!lex_twice(&lx, "title", 1));
	ck_assert_str_eq(d.msg, "\"title\" is given twice (first on line 1)");
	ck_assert_int_eq(d.line, 2);
	ck_assert(!lex_twice(&lx, "title", 0));
	ck_assert_str_eq(d.msg, "\"title\" is given twice");
	lex_release(&lx);
}
END_TEST

/* ---- directive tables ---------------------------------------------------- */

struct seen {
	struct lexer *lx;
	char got[128];
};

static bool note(void *ctx, char *rest)
{
	struct seen *s = ctx;
	snprintf(s->got, sizeof s->got, "%s(%d)[%s]", s->lx->kw->word, s->lx->kw->arg, rest);
	return true;
}

static bool refuse(void *ctx, char *rest)
{
	struct seen *s = ctx;
	return lex_fail_at(s->lx, rest, "no \"%s\" here", rest);
}

static const struct lex_keyword table[] = {
	{ "title", note, 1 },
	{ "require", note, 2 },
	{ "nope", refuse, 0 },
	{ NULL, NULL, 0 },
};

START_TEST(dispatch)
{
	struct seen s = { .lx = &lx };
	open_str("title  事案の  概要\nrequire\nfrob x\n  else\nnope 字\x01\n", LEX_TRIM);
	ck_assert(lex_dispatch(&lx, table, LEX_DIRECTIVE, lex_next(&lx), &s));
	ck_assert_str_eq(s.got, "title(1)[事案の  概要]");
	ck_assert(lex_dispatch(&lx, table, LEX_DIRECTIVE, lex_next(&lx), &s));
	ck_assert_str_eq(s.got, "require(2)[]");
	ck_assert(!lex_dispatch(&lx, table, LEX_DIRECTIVE, lex_next(&lx), &s));
	ck_assert_str_eq(d.msg, "unknown directive \"frob\" (known: title require nope)");
	ck_assert_int_eq(d.line, 3);
	ck_assert_int_eq(d.col, 1);
	ck_assert(!lex_dispatch(&lx, table, LEX_STATEMENT, lex_next(&lx), &s));
	ck_assert_str_eq(d.msg, "unknown statement \"else\" (known: title require nope)");
	ck_assert_int_eq(d.col, 3);
	/* The line with a control character never reaches a handler. */
	ck_assert_ptr_null(lex_next(&lx));
	ck_assert_int_eq(d.line, 5);
	ck_assert_int_eq(d.col, 8);
	ck_assert_ptr_eq(lex_lookup(table, "require"), &table[1]);
	ck_assert_ptr_null(lex_lookup(table, "titles"));
	lex_release(&lx);
}
END_TEST

/* ---- diag ----------------------------------------------------------------- */

START_TEST(diag_columns_and_visible_controls)
{
	char buf[256];
	diag_set(&d, "f.form", 3, "plain %s", "message");
	ck_assert_str_eq(diag_format(&d, buf, sizeof buf), "f.form:3: plain message");
	open_str("abc\n", 0);
	lx.name = "f.form";
	lex_next(&lx);
	lex_fail_at(&lx, lx.buf + 2, "at c");
	ck_assert_str_eq(diag_format(&d, buf, sizeof buf), "f.form:1:3: at c");
	lex_fail(&lx, "whole line");
	ck_assert_str_eq(diag_format(&d, buf, sizeof buf), "f.form:1: whole line");
	lex_release(&lx);
	diag_set(&d, "f.form", 0, "no line");
	ck_assert_str_eq(diag_format(&d, buf, sizeof buf), "f.form: no line");
	/* What a file said is never echoed raw to the terminal. */
	diag_set(&d, "f", 1, "unknown id \"%s\"", "a\x1b[2Jb\tc\x7f\xc2\x9b\xff日本");
	ck_assert_str_eq(d.msg, "unknown id \"a<U+001B>[2Jb<U+0009>c<U+007F><U+009B><0xFF>日本\"");
	/* A message cut short ends at a whole character. */
	char big[2000];
	memset(big, 'a', sizeof big);
	for (size_t i = 1000; i + 3 <= sizeof big - 1; i += 3)
		memcpy(big + i, "字", 3);
	big[sizeof big - 1] = '\0';
	diag_set(&d, "f", 1, "%s", big);
	size_t n = strlen(d.msg);
	ck_assert_uint_gt(n, 1000);
	ck_assert_ptr_null(strstr(d.msg, "<0x"));
	ck_assert_str_eq(d.msg + n - 3, "字");
}
END_TEST

/* ---- one message for one fault, in every format -------------------------- */

static char tmpdir[64];

static void tmp_setup(void)
{
	strcpy(tmpdir, "/tmp/todoke-lexer-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void tmp_teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

enum format { F_FORM, F_NOTICE, F_CALENDAR, F_INCIDENT, F_PROFILE, NFORMATS };
static const char *const headers[NFORMATS] = {
	"todoke-form 1", "todoke-notice 1", "todoke-calendar 1", "todoke-incident 1",
	"todoke-profile 1",
};
static const char *const names[NFORMATS] = {
	"todoke-form", "todoke-notice", "todoke-calendar", "todoke-incident", "todoke-profile",
};

static void put_file(const char *text, size_t len, char *path, size_t size)
{
	snprintf(path, size, "%s/t", tmpdir);
	ck_assert(file_write_atomic(path, text, len, 0600, &d));
}

/* Reads text as the format; false with d set. */
static bool read_as(enum format f, const char *text, size_t len, struct formset *fs)
{
	diag_clear(&d);
	switch (f) {
	case F_FORM: {
		struct form *fm = form_parse(text, len, "t", &d);
		bool ok = fm != NULL;
		form_free(&fm);
		return ok;
	}
	case F_NOTICE: {
		struct notice_set *s = notice_set_parse(text, len, "t", ".", &d);
		bool ok = s != NULL;
		notice_set_free(&s);
		return ok;
	}
	case F_INCIDENT: {
		struct incident *inc;
		bool ok = incident_parse(text, len, "t", fs, &inc, &d);
		incident_free(&inc);
		return ok;
	}
	case F_CALENDAR: {
		char path[128];
		put_file(text, len, path, sizeof path);
		struct calendar *c = calendar_load(path, &d);
		bool ok = c != NULL;
		calendar_free(&c);
		snprintf(d.file, sizeof d.file, "t");
		return ok;
	}
	case F_PROFILE: {
		char path[128];
		put_file(text, len, path, sizeof path);
		struct model *m = model_new();
		bool ok = profile_load(path, m, &d);
		model_free(&m);
		snprintf(d.file, sizeof d.file, "t");
		return ok;
	}
	case NFORMATS:
		break;
	}
	return false;
}

struct fault {
	const char *bytes;   /* put at column 5 of a comment on line 2 */
	size_t len;
	const char *msg;     /* the whole message, the same in every format */
};

#define FAULT(lit, msg) { lit, sizeof lit - 1, msg }
static const struct fault faults[] = {
	FAULT("\xe3\x81", "not valid UTF-8 (byte 0xE3)"),
	FAULT("\xff", "not valid UTF-8 (byte 0xFF)"),
	FAULT("\0", "NUL byte: this is not a text file"),
	FAULT("\x1b[2J", "control character U+001B: not text, remove it"),
	FAULT("\r.", "control character U+000D: not text, remove it"),
	FAULT("\x7f", "control character U+007F: not text, remove it"),
};

START_TEST(same_fault_same_message)
{
	const struct fault *ft = &faults[_i];
	struct formset *fs = test_forms();
	for (int f = 0; f < NFORMATS; f++) {
		char text[256];
		int n = snprintf(text, sizeof text, "%s\n# 日", headers[f]);
		memcpy(text + n, ft->bytes, ft->len);
		n += (int)ft->len;
		n += snprintf(text + n, sizeof text - (size_t)n, " x\n");
		ck_assert_msg(!read_as(f, text, (size_t)n, fs), "%s accepted it", names[f]);
		ck_assert_str_eq(d.file, "t");
		ck_assert_msg(d.line == 2 && d.col == 5, "%s: at %d:%d (%s)", names[f], d.line,
		              d.col, d.msg);
		ck_assert_msg(strcmp(d.msg, ft->msg) == 0, "%s: \"%s\", want \"%s\"", names[f],
		              d.msg, ft->msg);
	}
	formset_free(&fs);
}
END_TEST

START_TEST(same_header_messages)
{
	struct formset *fs = test_forms();
	for (int f = 0; f < NFORMATS; f++) {
		char text[128], want[160];
		snprintf(text, sizeof text, "%s 9\n", names[f]);
		ck_assert(!read_as(f, text, strlen(text), fs));
		snprintf(want, sizeof want, "%s 9 is newer than this todoke reads (%s 1)",
		         names[f], names[f]);
		ck_assert_str_eq(d.msg, want);
		ck_assert_int_eq(d.line, 1);
		snprintf(text, sizeof text, "todoke %s\n", names[f]);
		ck_assert(!read_as(f, text, strlen(text), fs));
		snprintf(want, sizeof want, "not a %s file: the first line must be \"%s 1\"",
		         names[f], names[f]);
		ck_assert_str_eq(d.msg, want);
		ck_assert(!read_as(f, "", 0, fs));
		snprintf(want, sizeof want, "empty file: the first line must be \"%s 1\"",
		         names[f]);
		ck_assert_str_eq(d.msg, want);
		ck_assert_int_eq(d.line, 0);
	}
	formset_free(&fs);
}
END_TEST

/* C1 controls (U+009B is CSI to a terminal): refused in every format, the
 * incident files and the profile too (the wizard drops them as typed, so
 * what it saves reads back). */
START_TEST(c1_by_format)
{
	struct formset *fs = test_forms();
	for (int f = F_FORM; f <= F_CALENDAR; f++) {
		char text[128];
		snprintf(text, sizeof text, "%s\n# 日\xc2\x85\n", headers[f]);
		ck_assert(!read_as(f, text, strlen(text), fs));
		ck_assert_str_eq(d.msg, "control character U+0085: not text, remove it");
		ck_assert_int_eq(d.line, 2);
		ck_assert_int_eq(d.col, 5);
	}
	static const char inc[] = "todoke-incident 1\n[incident]\nform: ipa-access 3.5\n"
	                          "title: a\xc2\x85\n[answers]\n[end]\n";
	ck_assert(!read_as(F_INCIDENT, inc, sizeof inc - 1, fs));
	ck_assert_str_eq(d.msg, "control character U+0085: not text, remove it");
	ck_assert_int_eq(d.line, 4);
	ck_assert_int_eq(d.col, 9);
	static const char prof[] = "todoke-profile 1\nreporter.name: a\xc2\x9b\n";
	ck_assert(!read_as(F_PROFILE, prof, sizeof prof - 1, fs));
	ck_assert_str_eq(d.msg, "control character U+009B: not text, remove it");
	ck_assert_int_eq(d.line, 2);
	ck_assert_int_eq(d.col, 17);
	formset_free(&fs);
}
END_TEST

/* CRLF line ends are read in every format. */
START_TEST(crlf_by_format)
{
	static const char *const crlf[NFORMATS] = {
		"todoke-form 1\r\n# c\r\nid x\r\nversion 1\r\ntitle t\r\n|a\r\n",
		"todoke-notice 1\r\ntype x\r\norder m\r\nblock m\r\n|a\r\nend\r\n",
		"todoke-calendar 1\r\nfixed 01-01 元日 1949.. # c\r\n",
		"todoke-incident 1\r\n[incident]\r\nform: ipa-access 3.5\r\n[answers]\r\n[end]\r\n",
		"todoke-profile 1\r\nreporter.name: 山田\r\n",
	};
	struct formset *fs = test_forms();
	for (int f = 0; f < NFORMATS; f++)
		ck_assert_msg(read_as(f, crlf[f], strlen(crlf[f]), fs), "%s: %d:%d: %s", names[f],
		              d.line, d.col, d.msg);
	formset_free(&fs);
}
END_TEST

/* Tabs: text in incident files and the profile (and field separators in
 * the calendar), refused in forms and templates with one message. */
START_TEST(tabs_by_format)
{
	struct formset *fs = test_forms();
	for (int f = F_FORM; f <= F_NOTICE; f++) {
		char text[128];
		snprintf(text, sizeof text, "%s\n#\tx\n", headers[f]);
		ck_assert(!read_as(f, text, strlen(text), fs));
		ck_assert_str_eq(d.msg, "tab character: use spaces");
		ck_assert_int_eq(d.line, 2);
		ck_assert_int_eq(d.col, 2);
	}
	static const char inc[] = "todoke-incident 1\n#\tx\n[incident]\nform: ipa-access 3.5\n"
	                          "title: a\tb\n[answers]\n[end]\n";
	ck_assert_msg(read_as(F_INCIDENT, inc, sizeof inc - 1, fs), "%s", d.msg);
	static const char prof[] = "todoke-profile 1\n#\tx\nreporter.name: a\tb\n";
	ck_assert_msg(read_as(F_PROFILE, prof, sizeof prof - 1, fs), "%s", d.msg);
	formset_free(&fs);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("lexer");
	TCase *tc = tcase_create("lexer");
	tcase_add_test(tc, lines_are_numbered_and_lose_their_ends);
	tcase_add_test(tc, trim_drops_spaces_around);
	tcase_add_test(tc, bad_characters_are_located);
	tcase_add_test(tc, find_control);
	tcase_add_test(tc, blank_lines);
	tcase_add_test(tc, words);
	tcase_add_test(tc, ids);
	tcase_add_loop_test(tc, id_option_lists, 0, sizeof opts_cases / sizeof opts_cases[0]);
	tcase_add_test(tc, key_value);
	tcase_add_test(tc, header_lines);
	tcase_add_test(tc, content_lines);
	tcase_add_test(tc, read_all_lines);
	tcase_add_test(tc, twice);
	tcase_add_test(tc, dispatch);
	tcase_add_test(tc, diag_columns_and_visible_controls);
	suite_add_tcase(s, tc);
	TCase *all = tcase_create("formats");
	tcase_add_checked_fixture(all, tmp_setup, tmp_teardown);
	tcase_add_loop_test(all, same_fault_same_message, 0, sizeof faults / sizeof faults[0]);
	tcase_add_test(all, same_header_messages);
	tcase_add_test(all, tabs_by_format);
	tcase_add_test(all, c1_by_format);
	tcase_add_test(all, crlf_by_format);
	suite_add_tcase(s, all);
	return s;
}
