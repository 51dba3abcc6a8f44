/* The customer apology notice (お詫びとお知らせ): the template language
 * (src/notice/template.c), its evaluation against an incident (build.c),
 * the plain-text and HTML writers (text.c, html.c), the real templates of
 * forms/notice and check_notice (src/check/notice.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suite.h"
#include "todoke/check.h"
#include "todoke/document.h"
#include "todoke/notice.h"
#include "todoke/utf8.h"

/* The items 規則第10条 requires of a notice when the PPC report is
 * mandatory: 一 二 四 五 九 of 規則第8条第1項 (the registry's `duties`). */
#define NOTICE_DUTY_ITEMS ((1u << 1) | (1u << 2) | (1u << 4) | (1u << 5) | (1u << 9))

/* The notice of the incident's type, as the registry's entry picks it. */
static bool notice_build(const struct notice_set *s, const struct incident *inc,
                         struct notice *out, struct diag *err)
{
	const char *type = model_text(inc->answers, "notice.type");
	return notice_build_type(s, inc, *type ? type : "other", out, err);
}

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static struct formset *fs;
static char ndir[1024];         /* $TODOKE_DATADIR/forms/notice */

static void setup(void)
{
	fs = test_forms();
	snprintf(ndir, sizeof ndir, "%s/forms/notice", todoke_datadir());
}

static void teardown(void)
{
	formset_free(&fs);
}

/* ---- helpers ----------------------------------------------------------- */

/* An incident of the three forms; ANSWERS are lines of [answers]. */
#define IHEAD                                                                  \
	"todoke-incident 1\n[incident]\nform: ipa-access 3.5\nform: ppc-report 2024\n" \
	"form: notice 1\n[answers]\n"
#define ITAIL "[end]\n"

static struct incident *inc_of(const char *answers)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s%s%s", IHEAD, answers, ITAIL);
	struct incident *inc = NULL;
	struct diag d;
	diag_clear(&d);
	ck_assert_msg(incident_parse(sb.buf, sb.len, "t.incident", fs, &inc, &d),
	              "incident line %d: %s", d.line, d.msg);
	sb_release(&sb);
	return inc;
}

/* A one-block template of type "other" (the type of an incident that does
 * not answer notice.type): header on line 1, the body from line 5 on. */
#define T(body) "todoke-notice 1\ntype other\norder main\nblock main\n" body "end\n"

static struct notice_set *tmpl_ok(const char *text)
{
	struct diag d;
	diag_clear(&d);
	struct notice_set *s = notice_set_parse(text, strlen(text), "t.notice", ndir, &d);
	ck_assert_msg(s != NULL, "template: %s:%d: %s", d.file, d.line, d.msg);
	return s;
}

/* The template does not parse: the error names file:line and says msg. */
static void tmpl_err_at(const char *text, size_t len, const char *dir, const char *file,
                        int line, const char *msg)
{
	struct diag d;
	diag_clear(&d);
	struct notice_set *s = notice_set_parse(text, len, "t.notice", dir, &d);
	if (s)
		notice_set_free(&s);
	ck_assert_msg(s == NULL, "parsed, but should fail with \"%s\"", msg);
	size_t fl = strlen(file), dl = strlen(d.file);
	ck_assert_msg(dl >= fl && strcmp(d.file + dl - fl, file) == 0 &&
	                      (dl == fl || d.file[dl - fl - 1] == '/'),
	              "error in file \"%s\", want \"%s\" (%s)", d.file, file, d.msg);
	ck_assert_msg(d.line == line, "error at line %d, want %d (%s)", d.line, line, d.msg);
	ck_assert_msg(strstr(d.msg, msg) != NULL, "message \"%s\" lacks \"%s\"", d.msg, msg);
}

static void tmpl_err(const char *text, int line, const char *msg)
{
	tmpl_err_at(text, strlen(text), ndir, "t.notice", line, msg);
}

/* Builds the template against the answers; fails the test if it fails. */
static void build_ok(const char *tmpl, const char *answers, struct notice *n)
{
	struct notice_set *s = tmpl_ok(tmpl);
	struct incident *inc = inc_of(answers);
	struct diag d;
	diag_clear(&d);
	bool ok = notice_build(s, inc, n, &d);
	incident_free(&inc);
	notice_set_free(&s);
	ck_assert_msg(ok, "build: %s:%d: %s", d.file, d.line, d.msg);
}

/* The notice as lines "K[number]:text": T title, R right, C center,
 * S section, U sub, P paragraph, I item, L line. */
static char *dump(const struct notice *n)
{
	static const char kinds[] = { [NB_TITLE] = 'T', [NB_RIGHT] = 'R', [NB_CENTER] = 'C',
		                      [NB_SECTION] = 'S', [NB_SUB] = 'U', [NB_PARA] = 'P',
		                      [NB_ITEM] = 'I', [NB_LINE] = 'L' };
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n->n; i++)
		sb_addf(&sb, "%c%s:%s\n", kinds[n->v[i].kind], n->v[i].number, n->v[i].text);
	return sb_detach(&sb);
}

/* dump() of the template built against the answers. */
static char *built(const char *tmpl, const char *answers)
{
	struct notice n;
	build_ok(tmpl, answers, &n);
	char *s = dump(&n);
	notice_release(&n);
	return s;
}

#define ck_assert_built(tmpl, answers, want)                                   \
	do {                                                                   \
		char *got_ = built(tmpl, answers);                             \
		ck_assert_str_eq(got_, want);                                  \
		free(got_);                                                    \
	} while (0)

static char *text_of(const struct notice *n, int width)
{
	struct strbuf sb;
	sb_init(&sb);
	notice_text(n, width, &sb);
	return sb_detach(&sb);
}

static char *html_of(const struct notice *n)
{
	struct strbuf sb;
	sb_init(&sb);
	notice_html(n, &sb);
	return sb_detach(&sb);
}

/* The number of times needle occurs in hay. */
static int count(const char *hay, const char *needle)
{
	int c = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + strlen(needle), needle))
		c++;
	return c;
}

/* ==== parser ============================================================ */

START_TEST(parse_minimal)
{
	struct notice_set *s = tmpl_ok("todoke-notice 1\n"
	                               "# a comment\n"
	                               "\n"
	                               "type  other\n"
	                               "label その他\n"
	                               "order main\n"
	                               "block main\n"
	                               "|本文\n"
	                               "end\n");
	ck_assert_uint_eq(notice_set_count(s), 1);
	ck_assert_str_eq(notice_set_type(s, 0), "other");
	ck_assert_ptr_null(notice_set_type(s, 1));
	notice_set_free(&s);
	ck_assert_ptr_null(s);
	notice_set_free(&s);                 /* twice: harmless */

	/* CR LF line ends; leading spaces are indentation. */
	s = tmpl_ok("todoke-notice 1\r\ntype other\r\norder main\r\n  block main\r\n"
	            "  |本文\r\nend\r\n");
	ck_assert_uint_eq(notice_set_count(s), 1);
	notice_set_free(&s);
}
END_TEST

/* Trailing spaces are invisible in an editor: never significant (the
 * parser's own rule).  A bare | followed by spaces still ends a paragraph. */
START_TEST(parse_trailing_spaces)
{
	struct notice_set *s = tmpl_ok("todoke-notice 1  \ntype other \norder main\n"
	                               "block main   \n|本文  \nend \n");
	ck_assert_uint_eq(notice_set_count(s), 1);
	notice_set_free(&s);
	s = tmpl_ok("todoke-notice 1\r\ntype other  \r\norder main\r\nblock main\r\n"
	            "|本文\r\nend\r\n");
	notice_set_free(&s);
	ck_assert_built(T("|一つ目\n|   \n|二つ目\n"), "", "P:一つ目\nP:二つ目\n");
}
END_TEST

START_TEST(parse_load_real)
{
	static const char *const types[] = { "insider", "intrusion", "missent", "other",
		                             "ransomware", "skimming", "takeover" };
	struct diag d;
	diag_clear(&d);
	struct notice_set *s = notice_set_load(todoke_datadir(), &d);
	ck_assert_msg(s != NULL, "%s:%d: %s", d.file, d.line, d.msg);
	/* Every type of notice.type has its template (common.notice says no
	 * `type`: it is only included)... */
	struct formset *forms = test_forms();
	const struct question *q = form_question(formset_latest(forms, "notice"), "notice.type");
	ck_assert_ptr_nonnull(q);
	ck_assert_uint_eq(q->nopts, N(types));
	for (int i = 0; i < N(types); i++) {
		ck_assert_int_ge(question_option(q, types[i]), 0);
		bool found = false;
		for (size_t k = 0; k < notice_set_count(s); k++)
			found |= strcmp(notice_set_type(s, k), types[i]) == 0;
		ck_assert_msg(found, "no template for the notice type %s", types[i]);
	}
	/* ...and every other template is a letter the registry names. */
	const struct docset *docs = formset_documents(forms);
	for (size_t k = 0; k < notice_set_count(s); k++) {
		const char *t = notice_set_type(s, k);
		bool known = question_option(q, t) >= 0;
		for (size_t i = 0; i < docs->n; i++)
			known |= docs->v[i].tmpl && strcmp(docs->v[i].tmpl, t) == 0 && !docs->v[i].tmpl_by;
		ck_assert_msg(known, "template %s is neither a notice type nor a document's", t);
	}
	formset_free(&forms);
	notice_set_free(&s);

	diag_clear(&d);
	ck_assert_ptr_null(notice_set_load("/nonexistent-todoke", &d));
	ck_assert_ptr_nonnull(strstr(d.file, "forms/notice"));
}
END_TEST

/* Leading spaces are not significant (todoke-notice(5)): a file whose
 * `type` line is indented is a template all the same, not skipped. */
START_TEST(parse_load_indented_type)
{
	char dir[] = "/tmp/todoke-notice-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char forms[1100], ndir2[1100], path[1200];
	snprintf(forms, sizeof forms, "%s/forms", dir);
	snprintf(ndir2, sizeof ndir2, "%s/forms/notice", dir);
	snprintf(path, sizeof path, "%s/a.notice", ndir2);
	ck_assert_int_eq(mkdir(forms, 0700), 0);
	ck_assert_int_eq(mkdir(ndir2, 0700), 0);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("todoke-notice 1\n  type other\n  order m\nblock m\n  |x\nend\n", f);
	fclose(f);
	struct diag d;
	diag_clear(&d);
	struct notice_set *s = notice_set_load(dir, &d);
	unlink(path);
	rmdir(ndir2);
	rmdir(forms);
	rmdir(dir);
	ck_assert_msg(s != NULL, "%s:%d: %s", d.file, d.line, d.msg);
	ck_assert_uint_eq(notice_set_count(s), 1);
	ck_assert_str_eq(notice_set_type(s, 0), "other");
	notice_set_free(&s);
}
END_TEST

/* A shared file (no `type`) that the reader refuses is reported, at its
 * line and column, rather than passed over; a good one is only included. */
START_TEST(parse_load_broken_shared_file)
{
	char dir[] = "/tmp/todoke-notice-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char forms[1100], ndir2[1100], a[1200], b[1200];
	snprintf(forms, sizeof forms, "%s/forms", dir);
	snprintf(ndir2, sizeof ndir2, "%s/forms/notice", dir);
	snprintf(a, sizeof a, "%s/a.notice", ndir2);
	snprintf(b, sizeof b, "%s/shared.notice", ndir2);
	ck_assert_int_eq(mkdir(forms, 0700), 0);
	ck_assert_int_eq(mkdir(ndir2, 0700), 0);
	FILE *f = fopen(a, "w");
	ck_assert_ptr_nonnull(f);
	fputs("todoke-notice 1\ntype other\norder m\nblock m\n|x\nend\n", f);
	fclose(f);
	f = fopen(b, "w");
	ck_assert_ptr_nonnull(f);
	fputs("todoke-notice 1\nset we 当社\nset x a\x1b[2Jb\n", f);
	fclose(f);
	struct diag d;
	diag_clear(&d);
	struct notice_set *s = notice_set_load(dir, &d);
	ck_assert_ptr_null(s);
	ck_assert_str_eq(d.file, b);
	ck_assert_int_eq(d.line, 3);
	ck_assert_int_eq(d.col, 8);
	ck_assert_str_eq(d.msg, "control character U+001B: not text, remove it");
	/* Mended, it is only a shared file again. */
	f = fopen(b, "w");
	ck_assert_ptr_nonnull(f);
	fputs("todoke-notice 1\nset we 当社\n", f);
	fclose(f);
	s = notice_set_load(dir, &d);
	unlink(a);
	unlink(b);
	rmdir(ndir2);
	rmdir(forms);
	rmdir(dir);
	ck_assert_msg(s != NULL, "%s:%d: %s", d.file, d.line, d.msg);
	ck_assert_uint_eq(notice_set_count(s), 1);
	notice_set_free(&s);
}
END_TEST

START_TEST(parse_errors)
{
	/* Missing header: on the first line that is not blank or a comment. */
	tmpl_err("type other\norder main\n", 1, "todoke-notice 1");
	tmpl_err("# comment\n\ntodoke-notice 2\ntype other\n", 3, "todoke-notice 1");
	tmpl_err("", 0, "empty");
	/* Unknown directive, unknown statement, text outside a block. */
	tmpl_err("todoke-notice 1\ntype other\nfrobnicate x\n", 3,
	         "unknown directive \"frobnicate\"");
	tmpl_err(T("|a\npara b\n"), 6, "unknown statement \"para\"");
	tmpl_err("todoke-notice 1\ntype other\n|text\n", 3, "outside");
	/* A block not ended: at its `block` line. */
	tmpl_err("todoke-notice 1\ntype other\norder main\nblock main\n|a\nif cause\n|b\nend\n",
	         4, "not closed with \"end\"");
	/* else outside if, twice in one if, in a for. */
	tmpl_err(T("|a\nelse\n"), 6, "\"else\" outside \"if\"");
	tmpl_err(T("if cause\n|a\nelse\n|b\nelse\n|c\nend\n"), 9, "\"else\" outside \"if\"");
	tmpl_err(T("for timeline\nelse\nend\n"), 6, "\"else\" outside \"if\"");
	tmpl_err(T("end\nend\n"), 6, "unknown directive \"end\"");
	tmpl_err(T("end junk\n"), 5, "nothing may follow");
	/* Inline text. */
	tmpl_err(T("|a\n|b {cause\n"), 6, "\"{\" not closed");
	tmpl_err(T("title {cause|x\n"), 5, "not closed");
	tmpl_err(T("|a {else} b\n"), 5, "{else} without {if}");
	tmpl_err(T("|a {end} b\n"), 5, "{end} without {if}");
	tmpl_err(T("\n|a {if cause}b\n"), 6, "{if} without {end}");
	tmpl_err(T("|a {if cause}b{else}c\n"), 5, "{if} without {end}");
	tmpl_err(T("|a } b\n"), 5, "}}");
	/* Bad names. */
	tmpl_err(T("|{a b}\n"), 5, "bad name \"a b\"");
	tmpl_err(T("|{}\n"), 5, "bad name");
	tmpl_err(T("|{a/b}\n"), 5, "bad name");
	tmpl_err(T("if a/b\nend\n"), 5, "bad name \"a/b\"");
	tmpl_err(T("items a b\n"), 5, "\"items\" needs a name");
	tmpl_err(T("for\nend\n"), 5, "\"for\" needs");
	tmpl_err("todoke-notice 1\ntype .x\n", 2, "type NAME");
	tmpl_err("todoke-notice 1\ntype other\nset @x y\n", 3, "set NAME");
	tmpl_err("todoke-notice 1\ntype other\nblock a b\n", 3, "block NAME");
	/* Conditions. */
	tmpl_err(T("if\nend\n"), 5, "empty condition");
	tmpl_err(T("if cause=\nend\n"), 5, "needs at least one option");
	tmpl_err(T("if shown\nend\n"), 5, "\"shown\" needs a question id");
	tmpl_err(T("if any ppc.groups\nend\n"), 5, "any LIST .FIELD");
	tmpl_err(T("if any ppc.groups items\nend\n"), 5, "any LIST .FIELD");
	/* covers: items 一〜九 (or 1〜9) of 規則第8条第1項 only. */
	tmpl_err(T("|a\ncovers 一 十\n"), 6, "\"十\" is not an item");
	tmpl_err(T("covers 0\n"), 5, "\"0\" is not an item");
	tmpl_err(T("covers\n"), 5, "\"covers\" needs");
	/* 15 ifs within a block are fine, 16 too many. */
	{
		struct strbuf sb;
		sb_init(&sb);
		sb_add(&sb, "todoke-notice 1\ntype other\norder main\nblock main\n");
		for (int i = 0; i < 15; i++)
			sb_add(&sb, "if cause\n");
		sb_add(&sb, "|深い\n");
		for (int i = 0; i < 15; i++)
			sb_add(&sb, "end\n");
		sb_add(&sb, "end\n");
		struct notice_set *s = tmpl_ok(sb.buf);
		notice_set_free(&s);
		sb_release(&sb);
		sb_init(&sb);
		sb_add(&sb, "todoke-notice 1\ntype other\norder main\nblock main\n");
		for (int i = 0; i < 16; i++)
			sb_add(&sb, "for timeline\n");
		tmpl_err(sb.buf, 20, "too deeply nested");
		sb_release(&sb);
	}
	/* A text statement needs its text. */
	tmpl_err(T("title\n"), 5, "\"title\" needs a text");
	/* duty ITEM NAME ID… */
	tmpl_err("todoke-notice 1\ntype other\nduty 十 x y\n", 3, "duty ITEM");
	tmpl_err("todoke-notice 1\ntype other\nduty 四 原因\n", 3, "duty ITEM");
	/* use of an unknown block: at the `use`. */
	tmpl_err(T("|a\nuse nosuch\n"), 6, "no block \"nosuch\"");
	tmpl_err("todoke-notice 1\ntype other\norder main\nblock main\nuse main\nend\n", 5,
	         "loop");
	/* include of a missing file: at the include, naming the file. */
	tmpl_err("todoke-notice 1\ninclude nosuch.notice\ntype other\n", 2, "nosuch.notice");
	tmpl_err("todoke-notice 1\ninclude ../common.notice\n", 2, "same directory");
	/* Tab characters, anywhere (even in a comment). */
	tmpl_err(T("|a\n|b\tc\n"), 6, "tab");
	tmpl_err("todoke-notice 1\n# a\tcomment\n", 2, "tab");
	/* No type, no order. */
	tmpl_err("todoke-notice 1\norder main\nblock main\n|a\nend\n", 0, "type NAME");
	tmpl_err("todoke-notice 1\ntype other\nblock main\n|a\nend\n", 0, "order BLOCK");
}
END_TEST

START_TEST(parse_error_invalid_utf8)
{
	static const char bad[] = "todoke-notice 1\ntype other\norder main\nblock main\n"
	                          "|正しい\n|\xe3\x81\n|x\nend\n";
	tmpl_err_at(bad, sizeof bad - 1, ndir, "t.notice", 6, "UTF-8");
	static const char lone[] = "todoke-notice 1\n\xff\n";
	tmpl_err_at(lone, sizeof lone - 1, ndir, "t.notice", 2, "UTF-8");
	static const char nul[] = "todoke-notice 1\ntype o\0ther\n";
	tmpl_err_at(nul, sizeof nul - 1, ndir, "t.notice", 2, "NUL");
}
END_TEST

/* `order` names a block that no file defines: the error is at the line of
 * that `order` directive. */
START_TEST(parse_error_order)
{
	tmpl_err("todoke-notice 1\ntype other\norder main missing\nblock main\n|a\nend\n", 3,
	         "\"missing\"");
}
END_TEST

/* An error inside an included file names that file and its line. */
START_TEST(parse_error_in_include)
{
	char dir[] = "/tmp/todoke-notice-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[1200];
	snprintf(path, sizeof path, "%s/part.notice", dir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("todoke-notice 1\n# shared\nblock x\n|ok\nbogus statement\nend\n", f);
	fclose(f);
	static const char main_text[] = "todoke-notice 1\ntype other\ninclude part.notice\n";
	struct diag d;
	diag_clear(&d);
	struct notice_set *s =
		notice_set_parse(main_text, sizeof main_text - 1, "t.notice", dir, &d);
	ck_assert_ptr_null(s);
	ck_assert_str_eq(d.file, path);
	ck_assert_int_eq(d.line, 5);
	ck_assert_ptr_nonnull(strstr(d.msg, "unknown statement \"bogus\""));

	/* A block the included file leaves open: at its `block` line there. */
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("todoke-notice 1\n\nblock x\n|ok\n", f);
	fclose(f);
	diag_clear(&d);
	s = notice_set_parse(main_text, sizeof main_text - 1, "t.notice", dir, &d);
	ck_assert_ptr_null(s);
	ck_assert_str_eq(d.file, path);
	ck_assert_int_eq(d.line, 3);

	/* An include that includes itself is stopped. */
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("todoke-notice 1\ninclude part.notice\n", f);
	fclose(f);
	diag_clear(&d);
	s = notice_set_parse(main_text, sizeof main_text - 1, "t.notice", dir, &d);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(d.msg, "include"));

	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* Later `set` and `block` replace earlier ones, the included ones too. */
START_TEST(parse_override)
{
	ck_assert_built("todoke-notice 1\ntype other\norder main\n"
	                "set p 初め\nblock main\n|一つ目{p}\nend\n"
	                "set p 後\nblock main\n|二つ目{p}\nend\n",
	                "", "P:二つ目後\n");

	/* Include the shared wording, then change a phrase and a block. */
	struct notice n;
	build_ok("todoke-notice 1\ninclude common.notice\ntype other\n"
	         "set we 私ども\n"
	         "block closing\n|おわりに{we}より。\nend\n",
	         "notice.site: 店\n", &n);
	char *t = dump(&n);
	ck_assert_int_ge(count(t, "私ども"), 2);
	ck_assert_ptr_null(strstr(t, "弊社"));
	ck_assert_ptr_nonnull(strstr(t, "P:おわりに私どもより。\n"));
	ck_assert_ptr_null(strstr(t, "改めて深くお詫び申し上げます"));
	ck_assert_ptr_null(strstr(t, "R:以上"));      /* the old closing is gone */
	free(t);
	notice_release(&n);

	/* A later order replaces the earlier. */
	ck_assert_built("todoke-notice 1\ntype other\norder a b\norder b\n"
	                "block a\n|A\nend\nblock b\n|B\nend\n",
	                "", "P:B\n");
	/* label: what @type prints; by default the type. */
	ck_assert_built("todoke-notice 1\ntype other\nlabel 一つ目\nlabel その他の事案\norder m\n"
	                "block m\n|{@type}\nend\n",
	                "", "P:その他の事案\n");
	ck_assert_built(T("|{@type}\n"), "", "P:other\n");
}
END_TEST

/* ==== build ============================================================= */

/* A template built against answers, and the notice it makes: the rows
 * "build_…" of notice_cases (below); the cases that check more here. */

START_TEST(build_covers)
{
	struct notice n;
	build_ok(T("covers 一 四\nif cause\ncovers 9\nend\nif !cause\ncovers 三\nend\n"
	           "for ppc.groups\ncovers 二\nend\n"),
	         "cause: x\n", &n);
	ck_assert_uint_eq(n.covers, (1u << 1) | (1u << 4) | (1u << 9));
	ck_assert_uint_eq(n.n, 0);
	ck_assert_str_eq(n.type, "other");
	notice_release(&n);

	build_ok(T("for ppc.groups\ncovers 二\nend\n"), "ppc.groups[1].name: a\n", &n);
	ck_assert_uint_eq(n.covers, 1u << 2);
	notice_release(&n);

	/* duty: the item's name and questions, as the template gives them. */
	build_ok("todoke-notice 1\ntype other\nduty 四 原因 cause\nduty 九 窓口 a.b  c.d\n"
	         "order m\nblock m\n|x\nend\n",
	         "", &n);
	ck_assert_str_eq(n.duty_name[4], "原因");
	ck_assert_str_eq(n.duty_ids[4], "cause");
	ck_assert_str_eq(n.duty_name[9], "窓口");
	ck_assert_ptr_nonnull(strstr(n.duty_ids[9], "a.b"));
	ck_assert_ptr_nonnull(strstr(n.duty_ids[9], "c.d"));
	ck_assert_ptr_null(n.duty_name[1]);
	notice_release(&n);
}
END_TEST

/* notice_build fails at the template's file:line. */
static void build_err(const char *tmpl, const char *answers, int line, const char *msg)
{
	struct notice_set *s = tmpl_ok(tmpl);
	struct incident *inc = inc_of(answers);
	struct notice n;
	struct diag d;
	diag_clear(&d);
	bool ok = notice_build(s, inc, &n, &d);
	if (ok)
		notice_release(&n);
	incident_free(&inc);
	notice_set_free(&s);
	ck_assert_msg(!ok, "built, but should fail with \"%s\"", msg);
	ck_assert_str_eq(d.file, "t.notice");
	/* line < 0: any line from 3 to -line (the phrases' `set` lines). */
	if (line < 0)
		ck_assert_msg(d.line >= 3 && d.line <= -line, "error at line %d (%s)", d.line, d.msg);
	else
		ck_assert_msg(d.line == line, "error at line %d, want %d (%s)", d.line, line, d.msg);
	ck_assert_msg(strstr(d.msg, msg) != NULL, "message \"%s\" lacks \"%s\"", d.msg, msg);
	/* Nothing is left to release. */
	ck_assert_uint_eq(n.n, 0);
	ck_assert_ptr_null(n.v);
}

START_TEST(build_errors)
{
	build_err(T("|a\n|b {no.such} c\n"), "", 6, "no.such");
	build_err(T("|a\n\nif no.such\n|x\nend\n"), "", 7, "no.such");
	build_err(T("title x\nitems no.such\n"), "", 6, "no.such");
	build_err(T("|a\nfor no.such\nend\n"), "", 6, "no.such");
	build_err(T("for cause\nend\n"), "", 5, "not a list");
	build_err(T("|{.name}\n"), "", 5, ".name");
	build_err(T("for ppc.groups\n|{.nosuch}\nend\n"), "ppc.groups[1].name: a\n", 6, ".nosuch");
	build_err(T("|{@nosuch}\n"), "", 5, "@nosuch");
	/* An unknown id in a branch these answers do not take is found too,
	 * before anything is built: a typo must not wait for another
	 * incident to show.  So are an option no choice has, and a field. */
	build_err(T("if cause\n|{no.such}\nend\n|ok\n"), "", 6, "no.such");
	build_err(T("if cause\nif ppc.secondary=maybe\n|x\nend\nend\n"), "", 6, "no option \"maybe\"");
	build_err(T("if any ppc.groups .nosuch\n|x\nend\n"), "", 5, "field \"nosuch\"");
	/* A phrase that uses itself, directly or through another. */
	build_err("todoke-notice 1\ntype other\nset a 甲{b}\nset b 乙{a}\norder m\nblock m\n|{a}\nend\n",
	          "", -4, "uses itself");
	build_err("todoke-notice 1\ntype other\nset a 甲{a}\norder m\nblock m\n|{a}\nend\n", "", 3,
	          "phrase \"a\" uses itself");
}
END_TEST

START_TEST(build_no_template)
{
	struct notice_set *s = tmpl_ok(T("|x\n"));
	struct incident *inc = inc_of("notice.type: takeover\n");
	struct notice n;
	struct diag d;
	diag_clear(&d);
	ck_assert(!notice_build(s, inc, &n, &d));
	ck_assert_ptr_nonnull(strstr(d.msg, "takeover"));
	incident_free(&inc);
	notice_set_free(&s);
}
END_TEST

/* ==== text ============================================================== */

/* A notice of every kind of block, at width 70. */

/* The lines a title is printed in at width w, without their centring. */
static char *title_lines(const char *title, int w)
{
	struct notice n;
	char ans[512];
	snprintf(ans, sizeof ans, "notice.title: %s\n", title);
	build_ok(T("title {notice.title}\n"), ans, &n);
	char *t = text_of(&n, w);
	notice_release(&n);
	struct strbuf sb;
	sb_init(&sb);
	for (char *l = t; *l;) {
		char *nl = strchr(l, '\n');
		*nl = '\0';
		sb_addf(&sb, "%s\n", l + strspn(l, " "));
		l = nl + 1;
	}
	free(t);
	return sb_detach(&sb);
}

static bool kanji_or_katakana(unsigned long c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC ||
	       c == 0x3005;
}

/* Titles break between phrases: after への, に関する, における, の, between
 * 」 and a word; never inside a run of kanji or katakana. */
START_TEST(text_title_phrases)
{
	char *t = title_lines("「ほしぞらブックス会員サイト」への不正ログインに関するお詫びとお知らせ", 40);
	ck_assert_str_eq(t, "「ほしぞらブックス会員サイト」への\n不正ログインに関するお詫びとお知らせ\n");
	free(t);
	t = title_lines("「さくら堂オンラインショップ」への不正アクセスによる個人情報漏えいに関するお詫びとお知らせ", 70);
	ck_assert_str_eq(t, "「さくら堂オンラインショップ」への不正アクセスによる\n"
	                    "個人情報漏えいに関するお詫びとお知らせ\n");
	free(t);
	/* Between 」 and the word after it. */
	t = title_lines("「ねこのて予約サイト」「ねこのて通販サイト」不正アクセスに関するお詫び", 50);
	ck_assert_str_eq(t, "「ねこのて予約サイト」「ねこのて通販サイト」\n不正アクセスに関するお詫び\n");
	free(t);
	/* A phrase longer than the line: broken anywhere 禁則 allows. */
	t = title_lines("情報処理推進機構情報セキュリティセンター届出受付窓口に関するお知らせ", 20);
	ck_assert_ptr_nonnull(strchr(t, '\n'));
	free(t);

	/* Every width: no break inside a run of kanji or katakana (the phrases
	 * fit), and the text is all there. */
	static const char *const titles[] = {
		"「ほしぞらブックス会員サイト」への不正ログインに関するお詫びとお知らせ",
		"従業者による個人情報の不正な持ち出しに関するお詫びとお知らせ",
		"ランサムウェア被害による個人情報漏えいのおそれに関するお詫びとお知らせ",
		"当社ウェブサイトにおける不正アクセスによる個人情報漏えいについてのご報告とお詫び",
	};
	for (size_t k = 0; k < sizeof titles / sizeof titles[0]; k++)
		for (int w = 36; w <= 70; w++) {   /* the longest phrase: 36 columns */
			t = title_lines(titles[k], w);
			struct strbuf joined;
			sb_init(&joined);
			for (char *l = t; *l;) {
				char *nl = strchr(l, '\n');
				sb_addn(&joined, l, (size_t)(nl - l));
				if (nl[1]) {
					/* The last character of this line, the first of the next. */
					const char *b = nl - 1;
					while (((unsigned char)*b & 0xC0) == 0x80)
						b--;
					unsigned long a = utf8_decode((const unsigned char *)b, (size_t)(nl - b));
					unsigned long c = utf8_decode((const unsigned char *)nl + 1,
					                              utf8_seqlen((const unsigned char *)nl + 1, 4));
					ck_assert_msg(!(kanji_or_katakana(a) && kanji_or_katakana(c)),
					              "「%s」 at %d: broken inside a word:\n%s", titles[k], w, t);
				}
				l = nl + 1;
			}
			ck_assert_str_eq(joined.buf, titles[k]);
			sb_release(&joined);
			free(t);
		}
}
END_TEST

START_TEST(text_layout)
{
	struct notice n;
	build_ok(T("right {ppc.publish.date}\n"
	           "right 株式会社テスト\n"
	           "title お詫びとお知らせ\n"
	           "|このたびは、\n|ご迷惑をおかけしました。\n"
	           "|\n|二つ目の段落です。\n"
	           "center 記\n"
	           "section 経緯\n"
	           "|本文です。\n"
	           "sub 原因\n"
	           "|{cause}\n"
	           "sub 項目\n"
	           "|次のとおりです。\n"
	           "item 氏名\n"
	           "items ppc.items\n"
	           "|以上の項目です。\n"
	           "section 窓口\n"
	           "line 【窓口】\n"
	           "line 電話番号:03-0000-0000\n"
	           "right 以上\n"),
	         "ppc.publish.date: 2022-06-30\n"
	         "cause:\n| 脆弱性\n| 設定の誤り\n"
	         "ppc.items:\n| 住所\n| 電話番号\n",
	         &n);
	struct strbuf want;
	sb_init(&want);
	sb_addspaces(&want, 70 - 13);
	sb_add(&want, "2022年6月30日\n");
	sb_addspaces(&want, 70 - 14);
	sb_add(&want, "株式会社テスト\n");
	sb_add(&want, "\n");
	sb_addspaces(&want, (70 - 16) / 2);
	sb_add(&want, "お詫びとお知らせ\n"
	              "\n"
	              "　このたびは、ご迷惑をおかけしました。\n"
	              "\n"
	              "　二つ目の段落です。\n"
	              "\n");
	sb_addspaces(&want, 34);
	sb_add(&want, "記\n"
	              "\n"
	              "1. 経緯\n"
	              "　本文です。\n"
	              "\n"
	              "(1) 原因\n"
	              "　脆弱性\n"
	              "　設定の誤り\n"
	              "\n"
	              "(2) 項目\n"
	              "　次のとおりです。\n"
	              "・氏名\n"
	              "・住所\n"
	              "・電話番号\n"
	              "\n"
	              "　以上の項目です。\n"
	              "\n"
	              "2. 窓口\n"
	              "【窓口】\n"
	              "電話番号:03-0000-0000\n"
	              "\n");
	sb_addspaces(&want, 66);
	sb_add(&want, "以上\n");
	char *got = text_of(&n, 70);
	ck_assert_str_eq(got, want.buf);
	free(got);
	/* Width 0: not wrapped, aligned as at 70. */
	got = text_of(&n, 0);
	ck_assert_str_eq(got, want.buf);
	free(got);
	sb_release(&want);
	notice_release(&n);
}
END_TEST

/* Items wrap with a full-width space under the ・; paragraphs with none. */
START_TEST(text_wrap_indent)
{
	struct notice n;
	build_ok(T("section あいうえおかきくけこさしすせそ\n"
	           "|あいうえおかきくけこさしすせそ\n"
	           "item あいうえおかきくけこさしすせそ\n"),
	         "", &n);
	char *got = text_of(&n, 20);
	ck_assert_str_eq(got, "1. あいうえおかきく\n"
	                      "けこさしすせそ\n"
	                      "　あいうえおかきくけ\n"
	                      "こさしすせそ\n"
	                      "・あいうえおかきくけ\n"
	                      "　こさしすせそ\n");
	free(got);
	notice_release(&n);
}
END_TEST

/* The character that starts each line after the first, decoded. */
static void check_lines(const char *out, int width, const char *text)
{
	static const char *const no_start[] = { "、", "。", "」", "）", "ー", "っ", "ﾞ", "ﾟ",
		                                "\xcc\x81", NULL };
	static const char *const no_end[] = { "「", "（", "『", NULL };
	const char *l = out;
	int nl = 0;
	while (*l) {
		size_t len = strcspn(l, "\n");
		char *line = strndup(l, len);
		for (int i = 0; no_start[i]; i++)
			ck_assert_msg(nl == 0 || strncmp(line, no_start[i], strlen(no_start[i])) != 0,
			              "width %d: line %d starts with %s:\n%s\n(%s)", width, nl + 1,
			              no_start[i], out, text);
		for (int i = 0; no_end[i]; i++) {
			size_t e = strlen(no_end[i]);
			ck_assert_msg(len < e || strcmp(line + len - e, no_end[i]) != 0,
			              "width %d: line %d ends with %s:\n%s", width, nl + 1, no_end[i],
			              out);
		}
		/* Never a broken UTF-8 sequence. */
		ck_assert_msg(len == 0 || ((unsigned char)line[0] & 0xc0) != 0x80,
		              "width %d: line %d starts inside a character:\n%s", width, nl + 1, out);
		free(line);
		nl++;
		l += len + (l[len] == '\n');
	}
}

/* The text without its spaces (a break drops the space it replaces). */
static char *no_spaces(const char *s)
{
	struct strbuf sb;
	sb_init(&sb);
	for (; *s; s++)
		if (*s != ' ')
			sb_addc(&sb, *s);
	return sb_detach(&sb);
}

/* The paragraph's text is the lines joined, without their indents and
 * without spaces. */
static char *unwrap(const char *out)
{
	struct strbuf sb;
	sb_init(&sb);
	for (const char *l = out; *l;) {
		size_t len = strcspn(l, "\n");
		const char *s = l;
		if (strncmp(s, "　", 3) == 0)
			s += 3;
		for (; s < l + len; s++)
			if (*s != ' ')
				sb_addc(&sb, *s);
		l += len + (l[len] == '\n');
	}
	return sb_detach(&sb);
}

/* At every width from 6 to 40: 禁則 holds, nothing is lost or split. */
static void check_wrapping(const char *const *texts, int ntexts)
{
	for (int i = 0; i < ntexts; i++) {
		char tmpl[2048];
		snprintf(tmpl, sizeof tmpl, T("|%s\n"), texts[i]);
		struct notice n;
		build_ok(tmpl, "", &n);
		for (int w = 6; w <= 40; w++) {
			char *got = text_of(&n, w);
			check_lines(got, w, texts[i]);
			char *back = unwrap(got), *want = no_spaces(texts[i]);
			ck_assert_msg(strcmp(back, want) == 0, "width %d: %s", w, got);
			free(want);
			free(back);
			free(got);
		}
		notice_release(&n);
	}
}

START_TEST(text_wrap_kinsoku)
{
	static const char *const texts[] = {
		"本件について、ご迷惑をおかけしました。「重要」なお知らせです。（詳細）は「別紙」をご覧ください。",
		"あいうえお、かきくけこ。さしすせそ」たちつてと「なにぬねの」はひふへほ。",
		"cafe\xcc\x81 cafe\xcc\x81 e\xcc\x81" "e\xcc\x81" "e\xcc\x81 あ\xcc\x81い\xcc\x81う\xcc\x81え\xcc\x81",
		"ちょっと、ショッピング。ちょっとサーバー。",
		"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
	};
	check_wrapping(texts, N(texts));
}
END_TEST

/* ｶﾞ is ガ in half-width kana: the voiced sound mark ﾞ (U+FF9E) and the
 * semi-voiced ﾟ (U+FF9F) belong to the kana before them and may not begin
 * a line (Unicode line-break class NS). */
START_TEST(text_wrap_halfwidth_voiced)
{
	static const char *const texts[] = {
		"ｶﾞｷﾞｸﾞｹﾞｺﾞｻﾞｼﾞｽﾞｾﾞｿﾞﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ",
	};
	check_wrapping(texts, N(texts));
}
END_TEST

START_TEST(text_wrap_exact)
{
	struct notice n;
	/* 、 。 」 hang at the line's end rather than start the next. */
	build_ok(T("|あいうえ、かきくけ。さし「すせ」たち\n"), "", &n);
	char *got = text_of(&n, 10);
	ck_assert_str_eq(got, "　あいうえ、\n"
	                      "かきくけ。\n"
	                      "さし「すせ」\n"
	                      "たち\n");
	free(got);
	notice_release(&n);

	/* 「 goes down with what it opens. */
	build_ok(T("|あいう「えお」かきくけこ\n"), "", &n);
	got = text_of(&n, 10);
	ck_assert_str_eq(got, "　あいう\n"
	                      "「えお」か\n"
	                      "きくけこ\n");
	free(got);
	notice_release(&n);
	build_ok(T("|あいう「「えお\n"), "", &n);
	got = text_of(&n, 10);
	ck_assert_str_eq(got, "　あいう\n"
	                      "「「えお\n");
	free(got);
	notice_release(&n);

	/* An ASCII word (a URL, an address) is not split when it fits on a
	 * line; the space where it breaks is dropped. */
	build_ok(T("|詳細はhttps://example.jp/a/bを参照 mail me@example.jp ok\n"), "", &n);
	got = text_of(&n, 26);
	ck_assert_str_eq(got, "　詳細は\n"
	                      "https://example.jp/a/bを参\n"
	                      "照 mail me@example.jp ok\n");
	free(got);
	notice_release(&n);

	/* A word longer than the line stays whole on its own line. */
	build_ok(T("|あhttps://example.jp/very/long/path/ok\n"), "", &n);
	got = text_of(&n, 12);
	ck_assert_str_eq(got, "　あ\nhttps://example.jp/very/long/path/ok\n");
	free(got);
	notice_release(&n);
}
END_TEST

/* Right-aligned at 70: the padding shows the columns the text takes. */
static void check_cols(const char *s, int cols)
{
	char tmpl[512];
	snprintf(tmpl, sizeof tmpl, T("right %s\n"), s);
	struct notice n;
	build_ok(tmpl, "", &n);
	char *got = text_of(&n, 70);
	size_t pad = strspn(got, " ");
	ck_assert_msg((int)pad == 70 - cols, "\"%s\": %zu spaces before, want %d", s, pad,
	              70 - cols);
	ck_assert_uint_eq(strlen(got + pad), strlen(s) + 1);
	ck_assert(strncmp(got + pad, s, strlen(s)) == 0);
	ck_assert_str_eq(got + pad + strlen(s), "\n");
	free(got);
	notice_release(&n);
}

START_TEST(text_widths)
{
	check_cols("abc", 3);
	check_cols("漢字かなカナ", 12);
	check_cols("ｶﾞ", 2);                 /* ｶ + ﾞ: one column each */
	check_cols("ｱｲｳ", 3);
	check_cols("e\xcc\x81", 2);           /* e + U+0301: written é (NFC), as é */
	check_cols("が", 2);                  /* か + U+3099 */
	check_cols("😀", 2);
	check_cols("①※■○", 8);
	check_cols("Ａ１（）", 8);
	check_cols("a\u200bb", 2);            /* ZERO WIDTH SPACE */
	check_cols("\u2764\ufe0f", 2);       /* VS16 takes no column */
	/* The document rule (textwidth.h): East Asian Ambiguous characters
	 * are full-width in Japanese fonts, marks and jamo vowels take none. */
	check_cols("é", 2);
	check_cols("×°§±", 8);
	check_cols("αβЖя", 8);
	check_cols("\u042f\u0483", 2);      /* Я + COMBINING CYRILLIC TITLO */
	check_cols("a\u1ab0b", 2);           /* a COMBINING DOUBLED CIRCUMFLEX b */
	check_cols("\u1100\u1161\u11a8", 2); /* 각 in jamo */
	check_cols("a\u200eb\ufeffc", 3);    /* LRM, ZWNBSP */
	check_cols("\U0001d400", 1);         /* MATHEMATICAL BOLD CAPITAL A */
	check_cols("\u20a9", 1);             /* ₩ */
	check_cols("\U0001f468\u200d\U0001f469\u200d\U0001f467", 6);
}
END_TEST

/* × counts 2 when the notice wraps: 4 after the indentation at width 10. */
START_TEST(text_wrap_ambiguous)
{
	struct notice n;
	build_ok(T("|×××××××××××××\n"), "", &n);
	char *got = text_of(&n, 10);
	ck_assert_str_eq(got, "　××××\n×××××\n××××\n");
	free(got);
	notice_release(&n);
	/* A mark after an ASCII word stays with it. */
	build_ok(T("|caf\u00e9 cafe\u0301 abcdef\u0301\n"), "", &n);
	got = text_of(&n, 8);
	ck_assert_str_eq(got, "　caf\u00e9\ncafe\u0301\nabcdef\u0301\n");
	free(got);
	notice_release(&n);
}
END_TEST

/* ==== HTML ============================================================== */

START_TEST(html_escaping)
{
	struct strbuf sb;
	sb_init(&sb);
	html_escape(&sb, "a<b>c&d\"e'f　日本");
	ck_assert_str_eq(sb.buf, "a&lt;b&gt;c&amp;d&quot;e&#39;f　日本");
	sb_release(&sb);
	sb_init(&sb);
	html_escape(&sb, "");
	ck_assert_uint_eq(sb.len, 0);
	sb_release(&sb);
}
END_TEST

/* ==== the real templates ================================================ */

static const struct {
	const char *type;
	const char *title;      /* in the title */
	const char *opening;    /* in the opening: the type's wording */
	bool card, reissue, password, delete;
} real[] = {
	{ "skimming", "不正アクセス", "クレジットカード情報を含む個人情報", true, true, false, false },
	{ "takeover", "不正ログイン", "IDとパスワードを用いた不正ログイン", false, false, true, false },
	{ "intrusion", "不正アクセス", "サーバが第三者による不正アクセスを受け", true, false, true,
	  false },
	{ "ransomware", "ランサムウェア", "ランサムウェア(身代金要求型ウイルス)", true, false, true,
	  false },
	{ "missent", "誤送信", "作業上の誤りにより", false, false, false, true },
	{ "insider", "持ち出し", "業務上取り扱っていた情報を不正に持ち出し", true, false, false,
	  false },
	{ "other", "不正アクセス", "第三者による不正アクセスを受け", true, true, true, false },
};

/* Every answer the notice uses; discovered 2022-10-24. */
static char *rich(const char *type, const char *publish, const char *extra)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb,
	        "reporter.org: 株式会社テスト\n"
	        "discovery.date: 2022-10-24\n"
	        "timeline[1].date: 2022-10-24\n"
	        "timeline[1].text:\n| 決済を停止。\n"
	        "timeline[2].date: 2022-11-10\n"
	        "timeline[2].text:\n| 調査結果を受領。\n"
	        "reported.police: [x]\n"
	        "cause:\n| ソフトウェアの脆弱性。\n"
	        "measures.prevention:\n| 更新とWAFの導入。\n"
	        "ppc.prelim.date: 2022-10-27\n"
	        "ppc.summary:\n| 不正アクセスを受けた。\n"
	        "ppc.items:\n| 氏名\n| 住所\n"
	        "ppc.groups[1].name: 顧客\n"
	        "ppc.groups[1].count: 1180\n"
	        "ppc.groups[1].bound: exact\n"
	        "ppc.groups[2].name: 会員\n"
	        "ppc.groups[2].count: 35\n"
	        "ppc.groups[2].bound: atmost\n"
	        "ppc.secondary: no\n"
	        "ppc.notice: done\n"
	        "ppc.notice.method: 電子メール\n"
	        "ppc.publish: done\n"
	        "ppc.publish.date: %s\n"
	        "ppc.involved: yes\n"
	        "ppc.unlawful: access\n"
	        "notice.type: %s\n"
	        "notice.site: テスト商店\n"
	        "notice.contact.name: カスタマーセンター\n"
	        "notice.contact.tel: 0120-000-000\n"
	        "notice.contact.email: support@example.jp\n"
	        "notice.delay.reason: 調査に時間を要したため。\n"
	        "notice.ask.card: [x]\n"
	        "notice.ask.reissue: [x]\n"
	        "notice.ask.password: [x]\n"
	        "notice.ask.phishing: [x]\n"
	        "notice.ask.delete: [x]\n"
	        "%s",
	        publish, type, extra);
	return sb_detach(&sb);
}

static struct notice_set *real_set(void)
{
	struct diag d;
	diag_clear(&d);
	struct notice_set *s = notice_set_load(todoke_datadir(), &d);
	ck_assert_msg(s != NULL, "%s:%d: %s", d.file, d.line, d.msg);
	return s;
}

static void build_real(const struct notice_set *s, const char *answers, struct notice *n)
{
	struct incident *inc = inc_of(answers);
	struct diag d;
	diag_clear(&d);
	bool ok = notice_build(s, inc, n, &d);
	incident_free(&inc);
	ck_assert_msg(ok, "build: %s:%d: %s", d.file, d.line, d.msg);
}

static const char *title_of(const struct notice *n)
{
	for (size_t i = 0; i < n->n; i++)
		if (n->v[i].kind == NB_TITLE)
			return n->v[i].text;
	return NULL;
}

/* The number of the section whose heading starts with head; 0: none.
 * The sections are numbered 1, 2, … without a gap. */
static int section_number(const struct notice *n, const char *head)
{
	int sec = 0, found = 0;
	for (size_t i = 0; i < n->n; i++)
		if (n->v[i].kind == NB_SECTION) {
			char want[16];
			snprintf(want, sizeof want, "%d.", ++sec);
			ck_assert_str_eq(n->v[i].number, want);
			if (!found && strncmp(n->v[i].text, head, strlen(head)) == 0)
				found = sec;
		}
	return found;
}

START_TEST(real_types)
{
	struct notice_set *s = real_set();
	char *answers = rich(real[_i].type, "2022-11-18", "");
	struct notice n;
	build_real(s, answers, &n);
	ck_assert_str_eq(n.type, real[_i].type);
	const char *title = title_of(&n);
	ck_assert_ptr_nonnull(title);
	ck_assert_msg(strstr(title, real[_i].title), "%s: title %s", real[_i].type, title);
	ck_assert_msg(strstr(title, "お詫び"), "%s: title %s", real[_i].type, title);
	/* No other type's word in it. */
	static const char *const words[] = { "不正ログイン", "誤送信", "ランサムウェア", "持ち出し" };
	for (int i = 0; i < N(words); i++)
		ck_assert_msg(!strstr(title, words[i]) || strcmp(words[i], real[_i].title) == 0,
		              "%s: title %s", real[_i].type, title);
	char *t = dump(&n);
	ck_assert_msg(strstr(t, real[_i].opening), "%s: no \"%s\" in\n%s", real[_i].type,
	              real[_i].opening, t);
	/* Every item 規則第10条 requires. */
	ck_assert_msg((n.covers & NOTICE_DUTY_ITEMS) == NOTICE_DUTY_ITEMS, "%s: covers %#x",
	              real[_i].type, n.covers);
	ck_assert_str_eq(n.duty_name[4], "原因");
	ck_assert_str_eq(n.duty_ids[4], "cause");
	/* The answers used, no gap, the default wording: notice_cases. */
	/* The sections are numbered from 1 without a gap. */
	int sec = 0;
	for (size_t i = 0; i < n.n; i++)
		if (n.v[i].kind == NB_SECTION) {
			char want[16];
			snprintf(want, sizeof want, "%d.", ++sec);
			ck_assert_str_eq(n.v[i].number, want);
		}
	ck_assert_int_ge(sec, 4);
	/* The requests the type's `when` lets in, and only those. */
	ck_assert_msg(!strstr(t, "ご利用明細") == !real[_i].card, "%s: card", real[_i].type);
	ck_assert_msg(!strstr(t, "再発行") == !real[_i].reissue, "%s: reissue", real[_i].type);
	ck_assert_msg(!strstr(t, "パスワードを変更") == !real[_i].password, "%s: password",
	              real[_i].type);
	ck_assert_msg(!strstr(t, "削除") == !real[_i].delete, "%s: delete", real[_i].type);
	/* Text and HTML of the real thing. */
	char *txt = text_of(&n, 70);
	ck_assert_ptr_nonnull(strstr(txt, "\n1. 経緯\n"));
	check_lines(txt, 70, real[_i].type);
	free(txt);
	char *h = html_of(&n);
	ck_assert_ptr_nonnull(strstr(h, "<title>"));
	ck_assert_ptr_nonnull(strstr(h, title));
	free(h);
	free(t);
	notice_release(&n);
	free(answers);

	notice_set_free(&s);
}
END_TEST

/* No request ticked: no section of requests, and the sections after it
 * move up a number. */
START_TEST(real_no_requests)
{
	struct notice_set *s = real_set();
	struct notice n;
	char *answers = rich("other", "2022-11-18", "");
	build_real(s, answers, &n);
	int asks = section_number(&n, "お客様へのお願い");
	int prevention = section_number(&n, "再発防止策");
	ck_assert_int_gt(asks, 0);
	ck_assert_int_gt(prevention, asks);
	notice_release(&n);
	free(answers);
	struct strbuf sb;
	sb_init(&sb);
	answers = rich("other", "2022-11-18", "");
	for (char *l = answers; *l;) {
		size_t len = strcspn(l, "\n");
		if (strncmp(l, "notice.ask.", 11) != 0)
			sb_addn(&sb, l, len + 1);
		l += len + (l[len] == '\n');
	}
	build_real(s, sb.buf, &n);
	char *t = dump(&n);
	ck_assert_ptr_null(strstr(t, "へのお願い"));
	free(t);
	ck_assert_int_eq(section_number(&n, "再発防止策"), prevention - 1);
	notice_release(&n);
	free(answers);
	sb_release(&sb);
	notice_set_free(&s);
}
END_TEST

/* ==== answers in, phrases out =========================================== */

/* What one build must write: a template (NULL: the installed ones), the
 * answers as lines of an incident file — with `rich`, after rich()'s
 * answers, once for every type of real[] — and what the output (dump()'s
 * "K:text" lines, the text at width 70, or the HTML page) is exactly, or
 * must and must not contain.  The output is searched after a "\n", so that
 * "\nT:x\n" is a whole line.  A case that needs more is a test of its own. */
enum case_out { OUT_DUMP, OUT_TEXT, OUT_HTML };
#define CASE_MAX 12
struct notice_case {
	const char *name;
	const char *tmpl;
	bool rich;
	const char *publish;       /* rich: ppc.publish.date */
	const char *answers;
	enum case_out out;
	const char *exact;         /* the whole output, or NULL */
	const char *must[CASE_MAX];
	const char *must_not[CASE_MAX];
	struct { const char *s; int n; } counts[3];  /* s occurs exactly n times */
	const char *ends;          /* the output ends with it, or NULL */
	const char *title;         /* the title is exactly this, or NULL */
	bool covered;              /* n.covers & NOTICE_DUTY_ITEMS is covers */
	unsigned covers;
};

/* The templates more than one case builds. */
static const char build_inline_if_t[] =
	T("|a{if cause}原因は{cause}{else}原因不明{end}。"
	  "{if ppc.secondary=yes,unknown}要注意{end}"
	  "{if !ppc.secondary=yes}安全{else}危険{end}\n");
static const char build_block_if_t[] =
	T("if ppc.secondary=yes,unknown\n|有か不明\nelse\n|無か未回答\nend\n"
	  "|\n"
	  "if !cause\n|原因なし\n|\nend\n"
	  "if cause ppc.items\n|両方\n|\nend\n"
	  "if !ppc.secondary=no\n|無ではない\nend\n");
static const char build_block_if_box[] =
	T("if reported.police\n|届出\nelse\n|未届\nend\n");
static const char build_shown_t[] =
	T("if shown notice.delay.reason\n|遅延{notice.delay.reason|}\n"
	  "else\n|遅延なし\nend\n"
	  "if shown notice.ask.phishing\n|常に\nend\n"
	  "if !shown notice.ask.delete\n|削除は問わない\nend\n");
static const char build_shown_m[] =
	"todoke-notice 1\ntype missent\norder m\nblock m\n"
	  "if shown notice.ask.delete\n|削除\nelse\n|なし\nend\nend\n";
static const char build_shown_k[] =
	"todoke-notice 1\ntype skimming\norder m\nblock m\n"
	  "if shown notice.ask.delete\n|削除\nelse\n|なし\nend\nend\n";
static const char build_any_mandatory_persons_t[] =
	T("if any ppc.groups .items\n|項目あり\nelse\n|項目なし\nend\n"
	  "|\nif @mandatory\n|義務\nelse\n|義務なし\nend\n"
	  "|\nif @persons\n|{@persons}名\nelse\n|{@persons}/{@persons|不明}\n"
	  "end\n");
static const char build_for_t[] =
	T("for ppc.groups\n"
	  "|{.name}:{if .bound=atmost}最大{end}{.count|〔人数〕}名"
	  "{if .from}({.from}〜{.to|現在}){end}\n"
	  "items .items\n"
	  "|\n"
	  "end\n");
static const char build_numbering_t[] =
	T("title 表題\n"
	  "section 一つ目\n|a\n"
	  "section 空の見出し\nif cause\n|原因\nend\n"
	  "section 二つ目\n"
	  "sub 小一\n|b\n"
	  "sub 空の小見出し\nif cause\n|原因\nend\n"
	  "sub 小二\nitem c\n"
	  "sub 末尾の空\n"
	  "section 三つ目\n"
	  "sub 小だけ空\n"
	  "sub 空2\nif ppc.items\n|x\nend\n"
	  "section 四つ目\n"
	  "sub 小\nline d\n"
	  "section 最後の空\n"
	  "right 以上\n"
	  "section 本当に最後の空\n");
static const char build_numbering_parts[] =
	"todoke-notice 1\ntype other\norder a b\n"
	  "block a\nsection 報告\nif cause\n|原因\nend\nend\n"
	  "block b\n|結び\nend\n";

static const struct notice_case cases[] = {
	/* ---- build_paragraphs */
	/* Consecutive | lines are one paragraph; a bare | ends it; so does a
	 * heading or any line of its own; the end of a block too. */
	{ .name = "build_paragraphs 1",
	  .tmpl = T("|一行目、\n|二行目。\n|\n|次の段落。\n|\n|三つ目\nitem 項目\n|四つ目\n"),
	  .answers = "",
	  .exact = "P:一行目、二行目。\nP:次の段落。\nP:三つ目\nI:項目\nP:四つ目\n" },
	/* Several bare | make no empty paragraph. */
	{ .name = "build_paragraphs 2",
	  .tmpl = T("|\n|\n|a\n|\n|\n|\n|b\n|\n"),
	  .answers = "",
	  .exact = "P:a\nP:b\n" },
	/* A paragraph runs through an if. */
	{ .name = "build_paragraphs 3",
	  .tmpl = T("|前、\nif cause\n|原因あり、\nend\n|後。\n"),
	  .answers = "cause: x\n",
	  .exact = "P:前、原因あり、後。\n" },
	{ .name = "build_paragraphs 4",
	  .tmpl = "todoke-notice 1\ntype other\norder a b\n"
	          "block a\n|A\nend\nblock b\n|B\nend\n",
	  .answers = "",
	  .exact = "P:A\nP:B\n" },
	/* ---- build_values */
	/* Dates, choice labels, checkbox notes, text. */
	{ .name = "build_values 1",
	  .tmpl = T("|{discovery.date}/{ppc.publish.date}\n"
	          "|\n|{ppc.secondary}/{notice.we}\n"
	          "|\n|{ppc.fin.other}\n"
	          "|\n|{notice.site}\n"),
	  .answers = "discovery.date: 2022-06-30\n"
	             "ppc.publish.date: 2023-01-05\n"
	             "ppc.secondary: yes\n"
	             "notice.we: tousha\n"
	             "ppc.fin.other: [x] 口座情報\n"
	             "notice.site: テスト<店>\n",
	  .exact = "P:2022年6月30日/2023年1月5日\nP:有り/当社\nP:口座情報\nP:テスト<店>\n" },
	/* A ticked box without a note: its label. */
	{ .name = "build_values 2",
	  .tmpl = T("|{ppc.fin.other}\n"),
	  .answers = "ppc.fin.other: [x]\n",
	  .exact = "P:その他の財産的被害\n" },
	/* An unticked box is unanswered. */
	{ .name = "build_values 3",
	  .tmpl = T("|{ppc.fin.card|なし}\n"),
	  .answers = "ppc.fin.card: [ ]\n",
	  .exact = "P:なし\n" },
	/* Numbers with thousands separators; a list gives its count. */
	{ .name = "build_values 4",
	  .tmpl = T("for ppc.groups\n|{.count}名\n|\nend\n|{ppc.groups}件\n"),
	  .answers = "ppc.groups[1].count: 1234\n"
	             "ppc.groups[2].count: 7\n"
	             "ppc.groups[3].count: 1234567\n",
	  .exact = "P:1,234名\nP:7名\nP:1,234,567名\nP:3件\n" },
	/* ---- build_multiline */
	/* Inner newlines stay, trailing blank lines go; an empty line starts
	 * a paragraph of its own. */
	{ .name = "build_multiline 1",
	  .tmpl = T("|原因:{cause}です。\n"),
	  .answers = "cause:\n| 一行目\n|\n| 三行目\n|\n|\n",
	  .exact = "P:原因:一行目\nP:三行目です。\n" },
	{ .name = "build_multiline 2",
	  .tmpl = T("|{cause}\n"),
	  .answers = "cause:\n| 一行目\n|\n|\n| 四行目\n",
	  .exact = "P:一行目\nP:四行目\n" },
	{ .name = "build_multiline 3",
	  .tmpl = T("|{cause}\n"),
	  .answers = "cause:\n| 一行目\n| 二行目   \n|\n",
	  .exact = "P:一行目\n二行目\n" },
	/* ---- build_trailing_fullwidth_blank */
	/* A trailing line of only full-width spaces is a blank line too: it goes
	 * like one of ASCII spaces (it is not an item either, see build_items). */
	{ .name = "build_trailing_fullwidth_blank 1",
	  .tmpl = T("|{cause}です。\n"),
	  .answers = "cause:\n| 一行目\n|   \n",
	  .exact = "P:一行目です。\n" },
	{ .name = "build_trailing_fullwidth_blank 2",
	  .tmpl = T("|{cause}です。\n"),
	  .answers = "cause:\n| 一行目\n| 　\n",
	  .exact = "P:一行目です。\n" },
	/* ---- build_unanswered */
	/* 〔label〕 for what is unanswered; the fallback when there is one. */
	{ .name = "build_unanswered 1",
	  .tmpl = T("|{cause}\n|\n|{cause|不明}\n|\n|{notice.date|{ppc.publish.date}}\n"
	          "|\n|{notice.date|{{なし}}}\n"),
	  .answers = "ppc.publish.date: 2022-11-18\n",
	  .exact = "P:〔原因〕\nP:不明\nP:2022年11月18日\nP:{なし}\n" },
	{ .name = "build_unanswered 2",
	  .tmpl = T("|{cause|不明}\n"),
	  .answers = "cause: 脆弱性\n",
	  .exact = "P:脆弱性\n" },
	/* Answers of only spaces are unanswered. */
	{ .name = "build_unanswered 3",
	  .tmpl = T("|{notice.site|名称なし}\n"),
	  .answers = "notice.site:    \n",
	  .exact = "P:名称なし\n" },
	/* An empty fallback prints nothing, and a paragraph of nothing goes. */
	{ .name = "build_unanswered 4",
	  .tmpl = T("|{cause|}\nsection 見\n|x\n"),
	  .answers = "",
	  .exact = "S1.:見\nP:x\n" },
	/* {{ and }} are braces. */
	{ .name = "build_unanswered 5",
	  .tmpl = T("|{{a}} {{{cause}}}\n"),
	  .answers = "cause: c\n",
	  .exact = "P:{a} {c}\n" },
	/* ---- build_inline_if */
	{ .name = "build_inline_if 1",
	  .tmpl = build_inline_if_t,
	  .answers = "",
	  .exact = "P:a原因不明。安全\n" },
	{ .name = "build_inline_if 2",
	  .tmpl = build_inline_if_t,
	  .answers = "cause: X\nppc.secondary: yes\n",
	  .exact = "P:a原因はX。要注意危険\n" },
	{ .name = "build_inline_if 3",
	  .tmpl = build_inline_if_t,
	  .answers = "ppc.secondary: unknown\n",
	  .exact = "P:a原因不明。要注意安全\n" },
	{ .name = "build_inline_if 4",
	  .tmpl = build_inline_if_t,
	  .answers = "ppc.secondary: no\n",
	  .exact = "P:a原因不明。安全\n" },
	/* Nested. */
	{ .name = "build_inline_if 5",
	  .tmpl = T("|{if cause}{if ppc.items}両方{else}原因のみ{end}{else}なし{end}\n"),
	  .answers = "cause: x\n",
	  .exact = "P:原因のみ\n" },
	/* ---- build_block_if */
	{ .name = "build_block_if 1",
	  .tmpl = build_block_if_t,
	  .answers = "",
	  .exact = "P:無か未回答\nP:原因なし\nP:無ではない\n" },
	{ .name = "build_block_if 2",
	  .tmpl = build_block_if_t,
	  .answers = "ppc.secondary: yes\ncause: x\n",
	  .exact = "P:有か不明\nP:無ではない\n" },
	{ .name = "build_block_if 3",
	  .tmpl = build_block_if_t,
	  .answers = "ppc.secondary: unknown\ncause: x\nppc.items: y\n",
	  .exact = "P:有か不明\nP:両方\nP:無ではない\n" },
	{ .name = "build_block_if 4",
	  .tmpl = build_block_if_t,
	  .answers = "ppc.secondary: no\nppc.items: y\n",
	  .exact = "P:無か未回答\nP:原因なし\n" },
	/* A ticked box is answered, an unticked one is not. */
	{ .name = "build_block_if 5",
	  .tmpl = build_block_if_box,
	  .answers = "reported.police: [x]\n",
	  .exact = "P:届出\n" },
	{ .name = "build_block_if 6",
	  .tmpl = build_block_if_box,
	  .answers = "reported.police: [ ]\n",
	  .exact = "P:未届\n" },
	{ .name = "build_block_if 7",
	  .tmpl = build_block_if_box,
	  .answers = "",
	  .exact = "P:未届\n" },
	/* ---- build_shown */
	/* `shown ID`: the question's `when` conditions hold (forms/notice-1.form:
	 * notice.delay.reason when the publication is more than 30 days after
	 * the discovery; notice.ask.delete when notice.type=missent). */
	{ .name = "build_shown 1",
	  .tmpl = build_shown_t,
	  .answers = "",
	  .exact = "P:遅延なし常に削除は問わない\n" },
	{ .name = "build_shown 2",
	  .tmpl = build_shown_t,
	  .answers = "discovery.date: 2022-10-24\nppc.publish.date: 2022-11-24\n"
	             "notice.delay.reason: 調査のため\n",
	  .exact = "P:遅延調査のため常に削除は問わない\n" },
	/* Exactly 30 days is not more than 30. */
	{ .name = "build_shown 3",
	  .tmpl = build_shown_t,
	  .answers = "discovery.date: 2022-10-24\nppc.publish.date: 2022-11-23\n"
	             "notice.delay.reason: 調査のため\n",
	  .exact = "P:遅延なし常に削除は問わない\n" },
	/* A choice-conditioned question, with a template of that type. */
	{ .name = "build_shown 4",
	  .tmpl = build_shown_m,
	  .answers = "notice.type: missent\n",
	  .exact = "P:削除\n" },
	{ .name = "build_shown 5",
	  .tmpl = build_shown_k,
	  .answers = "notice.type: skimming\n",
	  .exact = "P:なし\n" },
	/* ---- build_any_mandatory_persons */
	{ .name = "build_any_mandatory_persons 1",
	  .tmpl = build_any_mandatory_persons_t,
	  .answers = "",
	  .exact = "P:項目なし\nP:義務なし\nP:〔人数〕/不明\n" },
	{ .name = "build_any_mandatory_persons 2",
	  .tmpl = build_any_mandatory_persons_t,
	  .answers = "discovery.date: 2024-05-01\nppc.involved: yes\n"
	             "ppc.groups[1].name: A\nppc.groups[1].count: 600\n"
	             "ppc.groups[2].name: B\nppc.groups[2].count: 500\n"
	             "ppc.groups[2].bound: atmost\nppc.groups[2].items: 氏名\n",
	  .exact = "P:項目あり\nP:義務\nP:最大1,100名\n" },
	/* Without the answer on personal data (or 知った日), nothing is due yet. */
	{ .name = "build_any_mandatory_persons 3",
	  .tmpl = build_any_mandatory_persons_t,
	  .answers = "discovery.date: 2024-05-01\n"
	             "ppc.groups[1].name: A\nppc.groups[1].count: 1100\n",
	  .exact = "P:項目なし\nP:義務なし\nP:1,100名\n" },
	/* A group without its count: the number of persons is not known. */
	{ .name = "build_any_mandatory_persons 4",
	  .tmpl = build_any_mandatory_persons_t,
	  .answers = "ppc.groups[1].name: A\nppc.groups[1].count: 10\n"
	             "ppc.groups[2].name: B\n",
	  .exact = "P:項目なし\nP:義務なし\nP:〔人数〕/不明\n" },
	/* Mandatory by 3号 (不正アクセス). */
	{ .name = "build_any_mandatory_persons 5",
	  .tmpl = build_any_mandatory_persons_t,
	  .answers = "discovery.date: 2024-05-01\nppc.involved: yes\nppc.unlawful: access\n",
	  .exact = "P:項目なし\nP:義務\nP:〔人数〕/不明\n" },
	{ .name = "build_any_mandatory_persons 6",
	  .tmpl = build_any_mandatory_persons_t,
	  .answers = "ppc.involved: no\nppc.unlawful: access\n",
	  .exact = "P:項目なし\nP:義務なし\nP:〔人数〕/不明\n" },
	/* ---- build_for */
	{ .name = "build_for 1",
	  .tmpl = build_for_t,
	  .answers = "",
	  .exact = "" },
	{ .name = "build_for 2",
	  .tmpl = build_for_t,
	  .answers = "ppc.groups[1].name: 会員\n"
	             "ppc.groups[1].count: 1180\n"
	             "ppc.groups[1].bound: atmost\n"
	             "ppc.groups[1].from: 2022-09-01\n"
	             "ppc.groups[1].to: 2022-10-24\n"
	             "ppc.groups[1].items:\n| 氏名\n| 住所\n"
	             "ppc.groups[2].name: 非会員\n"
	             "ppc.groups[2].from: 2022-09-01\n",
	  .exact = "P:会員:最大1,180名(2022年9月1日〜2022年10月24日)\n"
	           "I:氏名\nI:住所\n"
	           "P:非会員:〔人数〕名(2022年9月1日〜現在)\n"
	           "I:〔この対象で漏えいした(おそれのある)項目〕\n" },
	/* ---- build_items */
	/* The user's own bullets go; blank lines make no item. */
	{ .name = "build_items 1",
	  .tmpl = T("|次のとおり。\nitems ppc.items\n|後\n"),
	  .answers = "ppc.items:\n"
	             "| ・氏名\n"
	             "|\n"
	             "| - 住所\n"
	             "| * 電話番号\n"
	             "| 　メールアドレス\n"
	             "| ・ 生年月日\n"
	             "|   \n"
	             "| 　\n"
	             "| ・\n"
	             "| 　・　性別\n"
	             "| -1は残る\n"
	             "| 会員ID・パスワード\n",
	  .exact = "P:次のとおり。\n"
	           "I:氏名\nI:住所\nI:電話番号\nI:メールアドレス\nI:生年月日\nI:性別\n"
	           "I:-1は残る\nI:会員ID・パスワード\n"
	           "P:後\n" },
	/* Unanswered: one item, the gap to fill in. */
	{ .name = "build_items 2",
	  .tmpl = T("items ppc.items\n"),
	  .answers = "",
	  .exact = "I:〔個人データの項目〕\n" },
	/* item TEXT: one. */
	{ .name = "build_items 3",
	  .tmpl = T("item {cause|なし}\nitem 二\n"),
	  .answers = "",
	  .exact = "I:なし\nI:二\n" },
	/* ---- build_numbering */
	/* Sections 1. 2. …, subs (1) (2) … again in each section; a heading
	 * with nothing under it goes, and the numbers do not skip. */
	{ .name = "build_numbering 1",
	  .tmpl = build_numbering_t,
	  .answers = "",
	  .exact = "T:表題\n"
	           "S1.:一つ目\nP:a\n"
	           "S2.:二つ目\nU(1):小一\nP:b\nU(2):小二\nI:c\n"
	           "S3.:四つ目\nU(1):小\nL:d\n"
	           "R:以上\n" },
	{ .name = "build_numbering 2",
	  .tmpl = build_numbering_t,
	  .answers = "cause: C\n",
	  .exact = "T:表題\n"
	           "S1.:一つ目\nP:a\n"
	           "S2.:空の見出し\nP:原因\n"
	           "S3.:二つ目\nU(1):小一\nP:b\nU(2):空の小見出し\nP:原因\nU(3):小二\nI:c\n"
	           "S4.:四つ目\nU(1):小\nL:d\n"
	           "R:以上\n" },
	/* A heading whose text is empty is none. */
	{ .name = "build_numbering 3",
	  .tmpl = T("section {cause|}\n|a\nsection 次\n|b\n"),
	  .answers = "",
	  .exact = "P:a\nS1.:次\nP:b\n" },
	/* Nor does a heading head the text of the next block of the order:
	 * an empty 公的機関への報告 before the closing words goes. */
	{ .name = "build_numbering 4",
	  .tmpl = build_numbering_parts,
	  .answers = "",
	  .exact = "P:結び\n" },
	{ .name = "build_numbering 5",
	  .tmpl = build_numbering_parts,
	  .answers = "cause: C\n",
	  .exact = "S1.:報告\nP:原因\nP:結び\n" },
	/* ---- the installed templates */
	/* Every type, every answer the notice uses: each used, no gap left;
	 * 弊社 and お客様 by default; published 25 days after the discovery,
	 * so no delay section; the requests' closing lines. */
	{ .name = "rich answers", .rich = true, .publish = "2022-11-18", .answers = "",
	  .must = { "P:ソフトウェアの脆弱性。\n", "P:2022年11月10日、調査結果を受領。\n",
	            "I:氏名\nI:住所\n", "(最大1,215名分)", "L:電話番号:0120-000-000\n", "弊社",
	            "お客様", "不審なメールや電話", "へのお願い\n" },
	  .must_not = { "〔", "公表が遅れた経緯について", "当社", "お客さま" } },
	/* 当社 and お客さま when so answered. */
	{ .name = "notice.we and notice.you", .rich = true, .publish = "2022-11-18",
	  .answers = "notice.we: tousha\nnotice.you: sama2\n",
	  .must = { "当社", "お客さま" }, .must_not = { "弊社", "お客様" } },
	/* Published 31 days after: the delay section; 30 days: none. */
	{ .name = "published 31 days after", .rich = true, .publish = "2022-11-24", .answers = "",
	  .must = { "公表が遅れた経緯について\nP:調査に時間を要したため。\n" } },
	{ .name = "published 30 days after", .rich = true, .publish = "2022-11-23", .answers = "",
	  .must_not = { "公表が遅れた経緯について", "調査に時間を要したため" } },
	/* The title the user gives wins. */
	{ .name = "notice.title", .rich = true, .publish = "2022-11-18",
	  .answers = "notice.title: 重要なお知らせ\n", .title = "重要なお知らせ" },
	/* What supplies each item: without it, the item is not covered. */
	{ .name = "only the type", .answers = "notice.type: skimming\n",
	  .must = { "P:〔原因〕\n", "L:電話番号:〔窓口の電話番号〕\n" }, .covered = true, .covers = 0 },
	/* The items of a group count for 二 (and ppc.items is not repeated). */
	{ .name = "a group's items",
	  .answers = "notice.type: other\nppc.groups[1].name: a\nppc.groups[1].count: 3\n"
	             "ppc.groups[1].items: 氏名\nppc.items: 住所\n",
	  .must = { "I:氏名\n" }, .must_not = { "I:住所\n" }, .covered = true, .covers = 1u << 2 },
	{ .name = "secondary damage and e-mail",
	  .answers = "notice.type: other\nppc.secondary: unknown\nnotice.contact.email: a@b.jp\n",
	  .covered = true, .covers = (1u << 5) | (1u << 9) },
	/* ---- text */
	/* A tab in an answer is written, not refused. */
	{ .name = "tab in an answer", .tmpl = T("right {reporter.org}\n|{cause}\n"),
	  .answers = "reporter.org: A\tB\ncause: 原因\tです\n", .out = OUT_TEXT,
	  .must = { "原因", "A" } },
	/* A right-aligned line (or a centred one, or a title) whose text comes
	 * from a multi-line answer: written, not looped on forever. */
	{ .name = "newline in an aligned line", .tmpl = T("right {cause}\n"),
	  .answers = "cause:\n| 一行目\n| 二行目\n", .out = OUT_TEXT, .must = { "一行目", "二行目" } },
	/* ---- HTML */
	/* The inquiry window on a phone: telephone, e-mail and web address
	 * are links; long addresses break at / . @ - first. */
	{ .name = "links",
	  .tmpl = T("line 電話番号:{notice.contact.tel}\nline メール:{notice.contact.email}\n"
	            "line URL:{notice.url}\n|{notice.ask.more}\n"),
	  .answers = "notice.contact.tel: ０１２０-000-482\n"
	             "notice.contact.email: support@hoshizora-shobo.example.jp\n"
	             "notice.url: https://www.hoshizora-shobo.example.jp/member/\n"
	             "notice.ask.more: 詳しくは https://www.hoshizora-shobo.example.jp/faq/ をご覧ください。\n",
	  .out = OUT_HTML,
	  .must = { "電話番号:<a href=\"tel:0120-000-482\">０１２０-000-482</a>",
	            "<a href=\"mailto:support@hoshizora-shobo.example.jp\">"
	            "support<wbr>@hoshizora-<wbr>shobo<wbr>.example<wbr>.jp</a>",
	            "<a href=\"https://www.hoshizora-shobo.example.jp/member/\">"
	            "https://<wbr>www<wbr>.hoshizora-<wbr>shobo<wbr>.example<wbr>.jp/<wbr>member/</a>",
	            /* Elsewhere an address is not a link, but still breaks well. */
	            "詳しくは https://<wbr>www<wbr>.hoshizora-" },
	  .counts = { { "<a href", 3 } } },
	/* Not a number, not an address, markup: no link, shown as typed; a
	 * short token, a phone number: no <wbr>. */
	{ .name = "no links",
	  .tmpl = T("line {notice.contact.tel}\nline {notice.contact.email}\nline {notice.url}\n"),
	  .answers = "notice.contact.tel: 0120-000-482(平日のみ)\n"
	             "notice.contact.email: \"a\"@b.jp\"><script>\n"
	             "notice.url: javascript:alert(1)\n",
	  .out = OUT_HTML,
	  .must = { "&quot;a&quot;@b.jp&quot;&gt;&lt;script&gt;", "0120-000-482(平日のみ)" },
	  .must_not = { "<a " } },
	/* The page: markup typed in an answer is text; consecutive right
	 * lines are one <p class="right"> with <br> between; a line break in
	 * an answer is <br>; items are one list. */
	{ .name = "page",
	  .tmpl = T("right 2022年6月30日\nright {reporter.org}\n"
	            "title {notice.site}のお知らせ\n"
	            "|{cause}\n"
	            "section 項目\nitems ppc.items\n"
	            "sub 小見出し\n|本文\n"
	            "line 窓口\nline 電話\n"
	            "right 以上\n"),
	  .answers = "reporter.org: A&B\"社'\n"
	             "notice.site: <script>alert(1)</script>\n"
	             "cause:\n| <script>x</script>\n| 二行目\n"
	             "ppc.items:\n| 氏名\n| <b>住所</b>\n| 電話\n",
	  .out = OUT_HTML,
	  .must = { "&lt;script&gt;", "<title>&lt;script&gt;alert(1)&lt;/script&gt;のお知らせ</title>",
	            "<h1>&lt;script&gt;alert(1)&lt;/script&gt;のお知らせ</h1>",
	            "<!DOCTYPE html>\n<html lang=\"ja\">", "<meta charset=\"utf-8\">",
	            "<p class=\"right\">2022年6月30日<br>\nA&amp;B&quot;社&#39;</p>\n",
	            "<p class=\"right\">以上</p>",
	            "<p>&lt;script&gt;x&lt;/script&gt;<br>\n二行目</p>\n",
	            "<ul>\n<li>氏名</li>\n<li>&lt;b&gt;住所&lt;/b&gt;</li>\n<li>電話</li>\n</ul>\n",
	            "<h2>1. 項目</h2>\n", "<h3>(1) 小見出し</h3>\n",
	            "<p class=\"lines\">窓口<br>\n電話</p>\n" },
	  .must_not = { "<script", "<b>" },
	  .counts = { { "<p class=\"right\">", 2 }, { "<ul>", 1 }, { "</ul>", 1 } },
	  .ends = "</html>\n" },
	/* Without a title block: a generic title. */
	{ .name = "page without a title", .tmpl = T("|x\n"), .answers = "", .out = OUT_HTML,
	  .must = { "<title>お知らせ</title>" }, .must_not = { "<h1>" } },
	/* Two lists apart are two <ul>. */
	{ .name = "two lists", .tmpl = T("item a\nitem b\n|間\nitem c\n"), .answers = "",
	  .out = OUT_HTML,
	  .must = { "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>間</p>\n<ul>\n<li>c</li>\n</ul>\n" } },
};

/* One case, for one type when it is `rich`. */
static void run_case(const struct notice_case *c, const struct notice_set *s, const char *type)
{
	char *answers;
	if (c->rich)
		answers = rich(type, c->publish, c->answers);
	else
		answers = xstrdup(c->answers);
	const char *who = type ? type : "";
	struct notice n;
	build_real(s, answers, &n);
	free(answers);
	char *out = c->out == OUT_TEXT ? text_of(&n, 70) : c->out == OUT_HTML ? html_of(&n) : dump(&n);
	if (c->exact)
		ck_assert_msg(strcmp(out, c->exact) == 0, "%s: got\n%s\nwant\n%s", c->name, out,
		              c->exact);
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "\n%s", out);
	for (int i = 0; i < CASE_MAX && c->must[i]; i++)
		ck_assert_msg(strstr(sb.buf, c->must[i]), "%s %s: no \"%s\" in\n%s", c->name, who,
		              c->must[i], out);
	for (int i = 0; i < CASE_MAX && c->must_not[i]; i++)
		ck_assert_msg(!strstr(sb.buf, c->must_not[i]), "%s %s: \"%s\" in\n%s", c->name, who,
		              c->must_not[i], out);
	for (int i = 0; i < N(c->counts) && c->counts[i].s; i++)
		ck_assert_msg(count(out, c->counts[i].s) == c->counts[i].n,
		              "%s %s: \"%s\" %d times, want %d", c->name, who, c->counts[i].s,
		              count(out, c->counts[i].s), c->counts[i].n);
	if (c->ends) {
		size_t len = strlen(out), el = strlen(c->ends);
		ck_assert_msg(len >= el && strcmp(out + len - el, c->ends) == 0,
		              "%s %s: does not end with \"%s\"", c->name, who, c->ends);
	}
	if (c->title) {
		ck_assert_ptr_nonnull(title_of(&n));
		ck_assert_str_eq(title_of(&n), c->title);
	}
	if (c->covered)
		ck_assert_msg((n.covers & NOTICE_DUTY_ITEMS) == c->covers,
		              "%s %s: covers %#x, want %#x", c->name, who, n.covers & NOTICE_DUTY_ITEMS,
		              c->covers);
	sb_release(&sb);
	free(out);
	notice_release(&n);
}

START_TEST(notice_cases)
{
	const struct notice_case *c = &cases[_i];
	struct notice_set *s = c->tmpl ? tmpl_ok(c->tmpl) : real_set();
	if (c->rich)
		for (int t = 0; t < N(real); t++)
			run_case(c, s, real[t].type);
	else
		run_case(c, s, NULL);
	notice_set_free(&s);
}
END_TEST

/* ==== check_notice ====================================================== */

static const char mandatory_all[] =
	"discovery.date: 2024-05-01\n"
	"ppc.involved: yes\n"
	"ppc.unlawful: access\n"
	"ppc.summary: 概要\n"
	"ppc.items: 氏名\n"
	"ppc.secondary: no\n"
	"notice.contact.tel: 03-0000-0000\n";

static void notice_problems(const struct notice_set *s, const char *answers, struct problems *p)
{
	struct incident *inc = inc_of(answers);
	memset(p, 0, sizeof *p);
	check_documents(inc, s, p);
	incident_free(&inc);
}

/* The problem about item `kanji`, or NULL. */
static const struct problem *about_item(const struct problems *p, const char *kanji)
{
	char want[32];
	snprintf(want, sizeof want, "%s ", kanji);
	for (size_t i = 0; i < p->n; i++)
		if (strstr(p->v[i].msg, want) && strstr(p->v[i].msg, "10"))
			return &p->v[i];
	return NULL;
}

START_TEST(check_missing_cause)
{
	struct notice_set *s = real_set();
	struct problems p;
	notice_problems(s, mandatory_all, &p);
	ck_assert_msg(p.n == 1, "%zu problems, first: %s", p.n, p.n ? p.v[0].msg : "");
	const struct problem *q = about_item(&p, "四");
	ck_assert_ptr_nonnull(q);
	ck_assert_int_eq(q->sev, SEV_MISSING);
	ck_assert_str_eq(q->id, "cause");
	ck_assert_ptr_nonnull(strstr(q->msg, "原因"));
	problems_release(&p);

	/* Everything answered: nothing. */
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%scause: 脆弱性\n", mandatory_all);
	notice_problems(s, sb.buf, &p);
	ck_assert_msg(p.n == 0, "%zu problems, first: %s", p.n, p.n ? p.v[0].msg : "");
	problems_release(&p);
	sb_release(&sb);

	/* Each missing item of 一 二 四 五 九 named, leading to its question. */
	notice_problems(s, "discovery.date: 2024-05-01\nppc.involved: yes\nppc.unlawful: access\n", &p);
	ck_assert_uint_eq(p.n, 5);
	static const char *const items[] = { "一", "二", "四", "五", "九" };
	static const char *const ids[] = { "ppc.summary", "ppc.items", "cause", "ppc.secondary",
		                           "notice.contact.tel" };
	for (int i = 0; i < N(items); i++) {
		q = about_item(&p, items[i]);
		ck_assert_msg(q != NULL, "no problem for %s", items[i]);
		ck_assert_int_eq(q->sev, SEV_MISSING);
		ck_assert_str_eq(q->id, ids[i]);
	}
	problems_release(&p);
	notice_set_free(&s);
}
END_TEST

START_TEST(check_not_mandatory)
{
	struct notice_set *s = real_set();
	struct problems p;
	/* Not concerned, voluntary, undetermined: no problem. */
	notice_problems(s, "ppc.involved: no\nppc.unlawful: access\n", &p);
	ck_assert_uint_eq(p.n, 0);
	problems_release(&p);
	notice_problems(s,
	                "ppc.involved: yes\nppc.sensitive: no\nppc.financial: no\n"
	                "ppc.unlawful: none\nppc.groups[1].name: a\nppc.groups[1].count: 10\n",
	                &p);
	ck_assert_uint_eq(p.n, 0);
	problems_release(&p);
	notice_problems(s, "", &p);
	ck_assert_uint_eq(p.n, 0);
	problems_release(&p);
	/* No set, or an incident without the notice: nothing. */
	struct incident *inc = inc_of("ppc.involved: yes\nppc.unlawful: access\n");
	memset(&p, 0, sizeof p);
	check_documents(inc, NULL, &p);
	ck_assert_uint_eq(p.n, 0);
	incident_free(&inc);
	static const char noform[] = "todoke-incident 1\n[incident]\nform: ppc-report 2024\n"
	                             "[answers]\nppc.involved: yes\nppc.unlawful: access\n[end]\n";
	struct diag d;
	ck_assert_msg(incident_parse(noform, sizeof noform - 1, "t", fs, &inc, &d), "%s", d.msg);
	check_documents(inc, s, &p);
	ck_assert_uint_eq(p.n, 0);
	incident_free(&inc);
	notice_set_free(&s);
}
END_TEST

/* A template whose order leaves out the cause: 四 is missing even though
 * the cause is answered. */
START_TEST(check_template_without_cause)
{
	static const char t[] = "todoke-notice 1\ninclude common.notice\ntype other\n"
	                        "order header opening history ask closing\n";
	struct notice_set *s = tmpl_ok(t);
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%scause: 脆弱性\n", mandatory_all);
	struct problems p;
	notice_problems(s, sb.buf, &p);
	const struct problem *q = about_item(&p, "四");
	ck_assert_msg(q != NULL, "%zu problems", p.n);
	ck_assert_int_eq(q->sev, SEV_MISSING);
	ck_assert_ptr_nonnull(strstr(q->msg, "原因"));
	ck_assert_ptr_nonnull(about_item(&p, "二"));
	ck_assert_ptr_nonnull(about_item(&p, "五"));
	ck_assert_ptr_null(about_item(&p, "一"));
	ck_assert_ptr_null(about_item(&p, "九"));
	ck_assert_uint_eq(p.n, 3);
	problems_release(&p);
	sb_release(&sb);
	notice_set_free(&s);

	/* Without a duty line the problem names the template's type. */
	s = tmpl_ok(T("|x\ncovers 一 二 五 九\n"));
	notice_problems(s, mandatory_all, &p);
	ck_assert_uint_eq(p.n, 1);
	ck_assert_ptr_nonnull(strstr(p.v[0].msg, "四"));
	ck_assert_ptr_nonnull(strstr(p.v[0].msg, "other"));
	ck_assert_str_eq(p.v[0].id, "notice.type");
	problems_release(&p);
	notice_set_free(&s);

	/* A template that fails on these answers is an error. */
	s = tmpl_ok(T("|{no.such}\n"));
	notice_problems(s, mandatory_all, &p);
	ck_assert_uint_eq(p.n, 1);
	ck_assert_int_eq(p.v[0].sev, SEV_ERROR);
	ck_assert_ptr_nonnull(strstr(p.v[0].msg, "t.notice:5"));
	problems_release(&p);
	notice_set_free(&s);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("notice");
	TCase *tc = tcase_create("parse");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, parse_minimal);
	tcase_add_test(tc, parse_trailing_spaces);
	tcase_add_test(tc, parse_load_real);
	tcase_add_test(tc, parse_load_indented_type);
	tcase_add_test(tc, parse_load_broken_shared_file);
	tcase_add_test(tc, parse_errors);
	tcase_add_test(tc, parse_error_invalid_utf8);
	tcase_add_test(tc, parse_error_order);
	tcase_add_test(tc, parse_error_in_include);
	tcase_add_test(tc, parse_override);
	suite_add_tcase(s, tc);

	tc = tcase_create("build");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, build_covers);
	tcase_add_test(tc, build_errors);
	tcase_add_test(tc, build_no_template);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, text_layout);
	tcase_add_test(tc, text_title_phrases);
	tcase_add_test(tc, text_wrap_indent);
	tcase_add_test(tc, text_wrap_kinsoku);
	tcase_add_test(tc, text_wrap_halfwidth_voiced);
	tcase_add_test(tc, text_wrap_exact);
	tcase_add_test(tc, text_widths);
	tcase_add_test(tc, text_wrap_ambiguous);
	suite_add_tcase(s, tc);

	tc = tcase_create("html");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, html_escaping);
	suite_add_tcase(s, tc);

	tc = tcase_create("real");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, real_types, 0, N(real));
	tcase_add_test(tc, real_no_requests);
	suite_add_tcase(s, tc);

	/* Answers in, phrases out; an aligned line of several lines would
	 * loop forever: a short timeout. */
	tc = tcase_create("cases");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 5);
	tcase_add_loop_test(tc, notice_cases, 0, N(cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("check");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, check_missing_cause);
	tcase_add_test(tc, check_not_mandatory);
	tcase_add_test(tc, check_template_without_cause);
	suite_add_tcase(s, tc);
	return s;
}
