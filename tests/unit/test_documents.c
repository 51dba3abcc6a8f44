/* The registry of documents (forms/documents, src/form/documents.c): what
 * an entry says, the refusals with their lines, when a document applies,
 * and the installed registry against the installed forms and templates. */
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/document.h"
#include "todoke/form.h"
#include "todoke/model.h"

static const char good[] =
	"todoke-documents 1\n"
	"# a comment\n"
	"\n"
	"document   a\n"
	"title      文書A\n"
	"form       form-a\n"
	"begins\n"
	"render     layout+decision\n"
	"suffix     -a\n"
	"mail-to    form\n"
	"changes-into a.other\n"
	"follow-up-lead\n"
	"kinds      a.kind first:速報:a.first.date last:確報:a.last.date\n"
	"send       assist eml text:cp932\n"
	"\n"
	"document   b\n"
	"title      文書 B の手紙\n"
	"form       form-b\n"
	"adopt-with form-a\n"
	"render     template\n"
	"template   other by x.type\n"
	"formats    text html\n"
	"suffix     -b\n"
	"encodings  cp932 utf-8\n"
	"mail-to    x.email\n"
	"mail-from  x.from reporter.email\n"
	"duties     一 四\n"
	"dated      x.date\n"
	"part       部B\n"
	"purpose    文書 B の目的です。\n"
	"purpose-en What B is for.\n"
	"recipient  B の宛先\n"
	"needed     ppc-duty\n"
	"applies    x.kind=p,q !x.no=yes x.box\n"
	"send       html text\n";

START_TEST(entries)
{
	struct docset s;
	struct diag d;
	diag_clear(&d);
	ck_assert_msg(docset_parse(good, sizeof good - 1, "documents", &s, &d), "%d: %s",
	              d.line, d.msg);
	ck_assert_uint_eq(s.n, 2);
	const struct document *a = docset_find(&s, "a"), *b = docset_find(&s, "b");
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_null(docset_find(&s, "c"));
	ck_assert_str_eq(a->changes_into, "a.other");
	ck_assert(a->followup_lead);
	ck_assert_ptr_null(b->changes_into);
	ck_assert(!b->followup_lead);
	/* kinds: in the order given, found by name. */
	ck_assert_str_eq(a->kind_q, "a.kind");
	ck_assert_uint_eq(a->nkinds, 2);
	ck_assert_str_eq(a->kinds[0].opt, "first");
	ck_assert_str_eq(a->kinds[0].name, "速報");
	ck_assert_str_eq(a->kinds[0].date_q, "a.first.date");
	ck_assert_ptr_eq(document_kind(a, "確報"), &a->kinds[1]);
	ck_assert_str_eq(document_kind(a, "確報")->date_q, "a.last.date");
	ck_assert_ptr_null(document_kind(a, "第1報"));
	ck_assert_ptr_null(b->kind_q);
	ck_assert_uint_eq(b->nkinds, 0);
	ck_assert_ptr_null(document_kind(b, "速報"));
	ck_assert(docset_reporting_answer(&s, "a.kind"));
	ck_assert(docset_reporting_answer(&s, "a.last.date"));
	ck_assert(!docset_reporting_answer(&s, "a.other"));
	ck_assert_ptr_null(a->dated);
	ck_assert_str_eq(b->dated, "x.date");
	ck_assert(docset_reporting_answer(&s, "x.date"));
	ck_assert_str_eq(a->title, "文書A");
	ck_assert_str_eq(a->form, "form-a");
	ck_assert(a->begins && !b->begins);
	ck_assert_int_eq(a->render, RENDER_DECISION);
	ck_assert_int_eq(a->mailto, MAILTO_FORM);
	ck_assert(!a->html);
	ck_assert_int_eq(a->line, 4);
	/* Left out: every encoding, From: the reporter. */
	ck_assert_uint_eq(a->nencodings, 5);
	ck_assert_str_eq(a->encodings[0], "utf-8");
	ck_assert_uint_eq(a->nmail_from, 1);
	ck_assert_str_eq(a->mail_from[0], "reporter.email");
	ck_assert_uint_eq(a->napplies, 0);
	/* What the export screen writes, in the entry's order. */
	ck_assert(a->assist && !b->assist);
	ck_assert_uint_eq(a->nsend, 2);
	ck_assert_int_eq(a->send[0].kind, SEND_EML);
	ck_assert_ptr_null(a->send[0].encoding);
	ck_assert_int_eq(a->send[1].kind, SEND_TEXT);
	ck_assert_str_eq(a->send[1].encoding, "cp932");
	ck_assert_uint_eq(b->nsend, 2);
	ck_assert_int_eq(b->send[0].kind, SEND_HTML);
	ck_assert_int_eq(b->send[1].kind, SEND_TEXT);
	ck_assert_ptr_null(b->send[1].encoding);

	ck_assert_str_eq(b->title, "文書 B の手紙");
	ck_assert_str_eq(b->adopt_with, "form-a");
	ck_assert_int_eq(b->render, RENDER_TEMPLATE);
	ck_assert_str_eq(b->tmpl, "other");
	ck_assert_str_eq(b->tmpl_by, "x.type");
	ck_assert(b->html);
	ck_assert_uint_eq(b->nencodings, 2);
	ck_assert_str_eq(b->encodings[0], "cp932");
	ck_assert_int_eq(b->mailto, MAILTO_ANSWER);
	ck_assert_str_eq(b->mailto_id, "x.email");
	ck_assert_uint_eq(b->nmail_from, 2);
	ck_assert_uint_eq(b->nduties, 2);
	ck_assert_str_eq(b->duties[1], "四");
	ck_assert_uint_eq(b->napplies, 3);
	ck_assert(!b->applies[0].negate && b->applies[0].nopts == 2);
	ck_assert(b->applies[1].negate);
	ck_assert_uint_eq(b->applies[2].nopts, 0);
	char *ids = docset_ids(&s, ", ");
	ck_assert_str_eq(ids, "a, b");
	free(ids);
	docset_release(&s);
}
END_TEST

/* The heading of a document's part: Japanese, or English where given. */
START_TEST(part_texts)
{
	struct docset s;
	struct diag d;
	ck_assert(docset_parse(good, sizeof good - 1, "documents", &s, &d));
	const struct document *a = docset_find(&s, "a"), *b = docset_find(&s, "b");
	ck_assert_str_eq(document_text(a, DOC_PART, false), "文書A");   /* the title */
	ck_assert_str_eq(document_text(a, DOC_PURPOSE, true), "");
	ck_assert(!a->needs_ppc_duty);
	ck_assert_str_eq(document_text(b, DOC_PART, false), "部B");
	ck_assert_str_eq(document_text(b, DOC_PART, true), "部B");
	ck_assert_str_eq(document_text(b, DOC_PURPOSE, false), "文書 B の目的です。");
	ck_assert_str_eq(document_text(b, DOC_PURPOSE, true), "What B is for.");
	ck_assert_str_eq(document_text(b, DOC_RECIPIENT, true), "B の宛先");
	ck_assert(b->needs_ppc_duty);
	docset_release(&s);
}
END_TEST

START_TEST(applies)
{
	struct docset s;
	struct diag d;
	ck_assert(docset_parse(good, sizeof good - 1, "documents", &s, &d));
	const struct document *b = docset_find(&s, "b");
	struct model *m = model_new();
	const struct doc_cond *why = NULL;
	/* x.kind unanswered: the first condition fails. */
	ck_assert(!document_applies(b, m, &why));
	ck_assert_str_eq(why->id, "x.kind");
	model_set_text(m, "x.kind", Q_CHOICE, "q");
	ck_assert(!document_applies(b, m, &why));
	ck_assert_str_eq(why->id, "x.box");      /* !x.no holds while unanswered */
	/* A box with its note but not ticked is not ticked. */
	model_set_check(m, "x.box", false, "メモ");
	ck_assert(!document_applies(b, m, &why));
	model_set_check(m, "x.box", true, NULL);
	ck_assert(document_applies(b, m, NULL));
	model_set_text(m, "x.no", Q_CHOICE, "yes");
	ck_assert(!document_applies(b, m, &why));
	ck_assert_str_eq(why->id, "x.no");
	model_set_text(m, "x.no", Q_CHOICE, "no");
	model_set_text(m, "x.kind", Q_CHOICE, "r");
	ck_assert(!document_applies(b, m, &why));
	ck_assert_str_eq(why->id, "x.kind");
	/* No conditions: always. */
	ck_assert(document_applies(docset_find(&s, "a"), m, NULL));
	model_free(&m);
	docset_release(&s);
}
END_TEST

/* Each refusal names its line, and nothing is kept; the faults every
 * line format shares have the lexer's messages. */
static const struct {
	const char *text;
	int line;
	const char *msg;
} bad[] = {
	{ "todoke-documents 2\n", 1, "todoke-documents 2 is newer than this todoke reads" },
	{ "", 0, "the first line must be \"todoke-documents 1\"" },
	{ "todoke-documents 1\ntitle x\n", 2, "\"title\" before the first document line" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\ndocument a\n", 6,
	  "document a is defined twice (first on line 2)" },
	{ "todoke-documents 1\ndocument A!\n", 2, "bad form id \"A!\"" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\ncolour red\n", 6,
	  "unknown directive \"colour\" (known: document title" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nform g\nsuffix -a\n", 5,
	  "\"form\" is given twice" },
	{ "todoke-documents 1\ndocument a\ntitle T\nsuffix -a\n", 2, "document a has no form line" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nrender pdf\n", 6,
	  "render: \"pdf\" is none of layout, layout+decision, template" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nrender template\n", 2,
	  "document a has no template line" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nformats html\n", 2,
	  "template and formats html are for render template" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nformats pdf\n", 6,
	  "formats: \"pdf\" is neither text nor html" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\napplies x=\n", 6,
	  "\"x=\" needs at least one option" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nchanges-into\n", 6,
	  "\"changes-into\" wants one question id" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nfollow-up-lead x\n", 6,
	  "\"follow-up-lead\" takes no word" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nkinds a.kind\n", 6,
	  "use \"kinds QUESTION OPTION:NAME:DATE-QUESTION ...\"" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nkinds a.kind p:速報\n", 6,
	  "kinds: \"p:速報\" is not OPTION:NAME:DATE-QUESTION" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nkinds a.kind p::a.d\n", 6,
	  "kinds: \"p::a.d\" is not OPTION:NAME:DATE-QUESTION" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\n"
	  "kinds a.kind p:速報:a.d q:速報:a.e\n", 6, "kinds: \"速報\" is given twice" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\n"
	  "kinds a.kind p:速報:A!\n", 6, "bad question id \"A!\"" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\n"
	  "kinds a.kind p:速報:a.d\nkinds a.kind q:確報:a.e\n", 7, "\"kinds\" is given twice" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\ndated a.d a.e\n", 6,
	  "\"dated\" wants one word" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nsend pdf\n", 6,
	  "send: \"pdf\" is none of text, text:ENCODING, html, eml" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nsend text:klingon\n", 6,
	  "send: unknown encoding \"klingon\"" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nsend eml:cp932\n", 6,
	  "an e-mail draft is iso-2022-jp or utf-8, not \"cp932\"" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nsend html\n", 2,
	  "document a: send html needs formats text html" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nsend\n", 6,
	  "send wants text, html or eml" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\npurpose\n", 6,
	  "\"purpose\" wants a text" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\npart P\npart Q\n", 7,
	  "\"part\" is given twice" },
	{ "todoke-documents 1\ndocument a\ntitle T\nform f\nsuffix -a\nneeded sometimes\n", 6,
	  "use \"needed always\" or \"needed ppc-duty\"" },
	{ "todoke-documents 1\ndocument a\ntitle\tT\n", 3, "tab character: use spaces" },
	{ "todoke-documents 1\ndocument a\ntitle \xff\n", 3, "not valid UTF-8" },
};

START_TEST(refused)
{
	struct docset s;
	struct diag d;
	diag_clear(&d);
	ck_assert(!docset_parse(bad[_i].text, strlen(bad[_i].text), "reg", &s, &d));
	ck_assert_msg(strstr(d.msg, bad[_i].msg) != NULL, "%s: got \"%s\"", bad[_i].text, d.msg);
	ck_assert_int_eq(d.line, bad[_i].line);
	ck_assert_str_eq(d.file, "reg");
	ck_assert_uint_eq(s.n, 0);
	ck_assert_ptr_null(s.v);
}
END_TEST

/* The installed registry: each document's form is installed, the first
 * begins every incident, its conditions name real questions and options. */
START_TEST(installed)
{
	struct formset *fs = test_forms();
	const struct docset *s = formset_documents(fs);
	ck_assert_uint_ge(s->n, 5);
	ck_assert(s->v[0].begins);
	for (size_t i = 0; i < s->n; i++) {
		const struct document *doc = &s->v[i];
		ck_assert_msg(formset_latest(fs, doc->form) != NULL, "%s: form %s not installed",
		              doc->id, doc->form);
		if (doc->adopt_with)
			ck_assert_msg(formset_latest(fs, doc->adopt_with) != NULL, "%s: adopt-with %s",
			              doc->id, doc->adopt_with);
		/* Every part's heading says what it is for and who receives it,
		 * in both languages. */
		for (int t = DOC_PURPOSE; t <= DOC_RECIPIENT; t++)
			for (int en = 0; en < 2; en++)
				ck_assert_msg(*document_text(doc, (enum doc_text)t, en) &&
				              (!en || (t == DOC_PURPOSE ? doc->purpose_en : doc->recipient_en)),
				              "%s: no %s text%s", doc->id, t == DOC_PURPOSE ? "purpose"
				              : "recipient", en ? " in English" : "");
		/* A follow-up's changes go into a question of the document's form. */
		if (doc->changes_into)
			ck_assert_msg(form_question(formset_latest(fs, doc->form), doc->changes_into),
			              "%s: changes-into %s is no question of %s", doc->id,
			              doc->changes_into, doc->form);
		/* The kinds are an answer of the document's form, its options,
		 * and the days are questions of that form. */
		const struct form *own = formset_latest(fs, doc->form);
		if (doc->kind_q) {
			const struct question *kq = form_question(own, doc->kind_q);
			ck_assert_msg(kq != NULL, "%s: kinds %s is no question of %s", doc->id,
			              doc->kind_q, doc->form);
			for (size_t k = 0; k < doc->nkinds; k++) {
				ck_assert_msg(question_option(kq, doc->kinds[k].opt) >= 0,
				              "%s: %s has no option %s", doc->id, doc->kind_q,
				              doc->kinds[k].opt);
				ck_assert_msg(form_question(own, doc->kinds[k].date_q) != NULL,
				              "%s: kinds: %s is no question of %s", doc->id,
				              doc->kinds[k].date_q, doc->form);
			}
		}
		if (doc->dated)
			ck_assert_msg(form_question(own, doc->dated) != NULL,
			              "%s: dated %s is no question of %s", doc->id, doc->dated, doc->form);
		/* Each condition names a question some installed form asks, and
		 * its options are that question's. */
		for (size_t k = 0; k < doc->napplies; k++) {
			const struct doc_cond *c = &doc->applies[k];
			const struct question *q = NULL;
			for (size_t f = 0; !q && f < formset_count(fs); f++)
				q = form_question(formset_at(fs, f), c->id);
			ck_assert_msg(q != NULL, "%s: applies names no question %s", doc->id, c->id);
			for (size_t o = 0; o < c->nopts; o++)
				ck_assert_msg(question_option(q, c->opts[o]) >= 0, "%s: %s has no option %s",
				              doc->id, c->id, c->opts[o]);
		}
	}
	formset_free(&fs);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("documents");
	TCase *tc = tcase_create("registry");
	tcase_add_test(tc, entries);
	tcase_add_test(tc, part_texts);
	tcase_add_test(tc, applies);
	tcase_add_loop_test(tc, refused, 0, (int)(sizeof bad / sizeof bad[0]));
	tcase_add_test(tc, installed);
	suite_add_tcase(s, tc);
	return s;
}
