/* todoke — command line: the wizard, batch export and checks. */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "followups.h"
#include "todoke/check.h"
#include "todoke/document.h"
#include "todoke/encode.h"
#include "todoke/export.h"
#include "todoke/fileid.h"
#include "todoke/fileio.h"
#include "todoke/form.h"
#include "todoke/history.h"
#include "todoke/i18n.h"
#include "todoke/incident.h"
#include "todoke/locale.h"
#include "todoke/lexer.h"
#include "todoke/mail.h"
#include "todoke/notice.h"
#include "todoke/ppc.h"
#include "todoke/profile.h"
#include "todoke/send.h"
#include "todoke/tui.h"
#include "todoke/utf8.h"

/* Exit status: 0 all well, 1 problems found (check), 2 usage or bad input,
 * 3 no UTF-8 locale, or the wizard in a locale that is not UTF-8. */
enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_BAD = 2, EXIT_LOCALE = 3 };

static const char *progname = "todoke";

/* Long options without a short one, beyond any character. */
enum { OPT_DIR = 0x100 };

static void usage(FILE *fp)
{
	fprintf(fp, _(
"Usage: %s [OPTION]... [INCIDENT]     (the wizard)\n"
"       %s new [--title TEXT] INCIDENT\n"
"       %s export DOCUMENT INCIDENT [-o FILE]\n"
"       %s deadlines INCIDENT\n"
"       %s check [--all] INCIDENT\n"
"       %s forms\n"
"       %s submit DOCUMENT INCIDENT [--date D] [--kind K] [--file SENT]\n"
"       %s submissions|history|diff INCIDENT\n"
"       %s whoami [--name NAME]\n"
"\n"
"Prepare the reports due after a cyber incident: the IPA 「コンピュータ不正\n"
"アクセス届出様式」, filled in from one set of answers kept in INCIDENT.\n"
"\n"
"Commands:\n"
"  new INCIDENT         create an empty incident file (mode 0600)\n"
"  export DOCUMENT INCIDENT\n"
"                       write a document (to standard output by default),\n"
"                       one of those listed below\n"
"  deadlines INCIDENT   whether the PPC report is mandatory, why, and the days\n"
"                       left for 速報 and 確報; exit 1 if one was missed\n"
"  check INCIDENT       list what is missing or inconsistent; exit 1 if any\n"
"  forms                list the installed forms and their versions, then\n"
"                       the documents (export ID, form, formats, title)\n"
"  submit DOCUMENT INCIDENT\n"
"                       record the document as sent (exported now with the\n"
"                       export options, or --file): the bytes, the answers,\n"
"                       the date; for the PPC report its 速報/確報 date\n"
"  submissions INCIDENT list what was recorded as sent\n"
"  diff INCIDENT        the answers changed since each document was last\n"
"                       sent, by section; --document DOC: the document's\n"
"                       text against what was sent\n"
"  history INCIDENT [QUESTION]\n"
"                       who changed which answer, when, old → new\n"
"  whoami               the login and 氏名 the history records as yours;\n"
"                       --name NAME sets the 氏名 (kept in the profile)\n"
"\n"
"Options:\n"
"  -o, --output=FILE    write the document to FILE (created 0600, replaced\n"
"                       atomically; one's own FIFO or device is written to)\n"
"                       instead of standard output\n"
"  -e, --encoding=ENC   export: utf-8 (default), cp932, shift_jis,\n"
"                       iso-2022-jp or euc-jp; characters that will not\n"
"                       convert are listed and nothing is written\n"
"      --substitute     export: replace those with documented stand-ins\n"
"                       (①→(1), ㈱→(株), 髙→高, 﨑→崎, ～→〜 …)\n"
"      --crlf           export: end lines with CR LF (Windows)\n"
"      --eml            export: an e-mail draft (RFC 5322) to the document's\n"
"                       recipient, ISO-2022-JP unless --encoding=utf-8\n"
"      --attach=FILE    with --eml: attach FILE (e.g. the network diagram)\n"
"      --format=FMT     export: text (default) or html (one page), for the\n"
"                       documents that offer it (text,html below)\n"
"  -a, --all            check: also list every question not answered yet\n"
"  -t, --title=TEXT     new: the incident's name\n"
"      --date=DATE      submit: the day it was sent (default today)\n"
"      --kind=KIND      submit: 速報, 確報, 第2報… (default: the next one)\n"
"      --file=SENT      submit: the file that was sent, kept as it is\n"
"      --since=N        diff: since submission N (see submissions)\n"
"      --document=DOC   diff: the document as text against what was sent\n"
"      --changes        export ppc: add what changed since it was last sent\n"
"                       to 九 その他\n"
"      --today=DATE     take DATE (2022-10-27) as today's date\n"
"      --dir=DIR        the wizard: the incidents of the team directory DIR\n"
"                       (setgid, mode 2770; or $TODOKE_DIR)\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n"
"\n"
"Exit status: 0 if all is well; 1 if check found problems, a PPC deadline\n"
"has passed with no report recorded or a report was recorded late,\n"
"characters would not convert, or the wizard could not save the answers or\n"
"open the incident named; 2 on bad usage, unreadable input, or a file that\n"
"cannot be written; 3 without a UTF-8 locale (see LC_CTYPE in todoke(1)).\n"
"\n"
"Forms are read from $TODOKE_DATADIR/forms, else from\n"
"%s/forms.\n"
"See todoke(1), todoke-documents(5), todoke-incident(5), todoke-form(5),\n"
"todoke-notice(5), todoke-calendar(5), todoke-law(7).\n"),
	        progname, progname, progname, progname, progname, progname, progname, progname, progname,
	        TODOKE_PKGDATADIR);
	/* The documents are the registry's (forms/documents), not this text's. */
	struct diag d;
	struct formset *fs = formset_load(todoke_datadir(), &d);
	const struct docset *docs = fs ? formset_documents(fs) : NULL;
	if (docs && docs->n) {
		fprintf(fp, "\n%s\n", _("Documents (export DOCUMENT):"));
		for (size_t i = 0; i < docs->n; i++)
			fprintf(fp, "  %-10s %-9s %s\n", docs->v[i].id,
			        docs->v[i].html ? "text,html" : "text", docs->v[i].title);
	}
	formset_free(&fs);
}

static void errmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void errmsg(const char *fmt, ...)
{
	va_list ap;
	char raw[4096], shown[8192];
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s\n", progname, diag_visible(shown, sizeof shown, raw));
}

/* A line of a report on standard output: what it quotes from a file (the
 * file's name, labels, answers) shown by diag_visible. */
static void outline(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void outline(const char *fmt, ...)
{
	va_list ap;
	char raw[4096], shown[8192];
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	printf("%s\n", diag_visible(shown, sizeof shown, raw));
}

static void print_diag(const struct diag *d)
{
	char buf[2048];
	errmsg("%s", diag_format(d, buf, sizeof buf));
}

struct opts {
	const char *output;
	const char *encoding;
	bool crlf, substitute, eml;
	const char *attach[16];
	size_t nattach;
	const char *title;
	bool all;
	bool html;
	const char *date, *file, *since, *kind;  /* submit, diff */
	const char *document;                    /* diff: as text */
	bool changes;                            /* export ppc: 九 its changes */
	const char *name;                        /* whoami --name */
	struct strbuf *capture;  /* submit: the document's bytes also here */
};

static struct formset *load_forms(void)
{
	struct diag d;
	diag_clear(&d);
	struct formset *fs = formset_load(todoke_datadir(), &d);
	if (!fs)
		print_diag(&d);
	return fs;
}

/* What the reading commands need: the forms, the incident (read whole or
 * not at all), and today's date when `today` is asked for.  On a problem:
 * a message naming file and line, false, nothing left to free. */
static bool open_incident(const char *path, struct formset **fs,
                          struct incident **inc, struct date *today)
{
	const char *why;
	struct diag d;
	*fs = NULL;
	*inc = NULL;
	if (today && !date_today(today, &why)) {
		errmsg(_("TODOKE_TODAY: %s"), why);
		return false;
	}
	if (!(*fs = load_forms()))
		return false;
	diag_clear(&d);
	if (!incident_load(path, *fs, inc, &d)) {
		print_diag(&d);
		formset_free(fs);
		return false;
	}
	incident_adopt_documents(*inc, *fs);
	if (formset_error(*fs)) {
		/* A form it adopts does not read: refused, as at load. */
		print_diag(formset_error(*fs));
		incident_free(inc);
		formset_free(fs);
		return false;
	}
	return true;
}

/* The wording of the notice: forms/notice/TYPE.notice. */
static struct notice_set *load_notices(void)
{
	struct diag d;
	diag_clear(&d);
	char *own = notice_own_dir();
	struct notice_set *s = notice_set_load_own(todoke_datadir(), own, &d);
	free(own);
	if (!s)
		print_diag(&d);
	return s;
}

/* Documents hold personal data: 0600, atomic, like the incident itself;
 * onto one's own device or FIFO in place, as cp does (fileio.h). */
static int write_output(const struct opts *o, const struct strbuf *doc)
{
	struct diag d;
	diag_clear(&d);
	if (o->capture) {
		/* todoke submit: kept as sent; written too only when -o asks. */
		sb_addn(o->capture, doc->buf, doc->len);
		if (!o->output)
			return EXIT_OK;
	}
	if (!o->output || strcmp(o->output, "-") == 0) {
		if (fwrite(doc->buf, 1, doc->len, stdout) != doc->len || fflush(stdout) != 0) {
			errmsg(_("cannot write to standard output: %s"), strerror(errno));
			return EXIT_BAD;
		}
		return EXIT_OK;
	}
	if (!file_write_output(o->output, doc->buf, doc->len, 0600, &d)) {
		print_diag(&d);
		return EXIT_BAD;
	}
	return EXIT_OK;
}

/* The document in the encoding asked for, or a list of every character
 * that will not convert, with its line, field and substitution. */
static bool encode_or_explain(const struct opts *o, const struct incident *inc,
                              const struct document *which, const char *path,
                              struct strbuf *doc)
{
	if (!o->encoding && !o->crlf)
		return true;
	const char *enc = o->encoding ? o->encoding : "utf-8";
	struct strbuf out;
	struct enc_report rep;
	struct diag d;
	sb_init(&out);
	diag_clear(&d);
	if (encode_document(doc->buf, doc->len, enc, o->crlf, o->substitute, &out, &rep, &d)) {
		sb_release(doc);
		*doc = out;
		return true;
	}
	sb_release(&out);
	if (!rep.n) {
		errmsg("%s", d.msg);
		return false;
	}
	errmsg(_("%s: %zu character(s) of %s cannot be written in %s; nothing was written:"),
	       path, rep.n, which->title, encode_iconv_name(enc));
	for (size_t i = 0; i < rep.n; i++) {
		struct strbuf line;
		sb_init(&line);
		describe_unconvertible(inc, &rep.v[i], &line);
		fprintf(stderr, "  %s", line.buf);
		if (rep.v[i].subst)
			fprintf(stderr, _(" — --substitute writes 「%s」"), rep.v[i].subst);
		fputc('\n', stderr);
		sb_release(&line);
	}
	/* Another encoding that would take them all, if there is one. */
	static const char *const others[] = { "cp932", "euc-jp", "shift_jis", "iso-2022-jp", "utf-8" };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		/* Not the one that just failed: it is no alternative. */
		if (strcmp(encode_iconv_name(others[i]), encode_iconv_name(enc)) == 0)
			continue;
		struct enc_report r2;
		struct strbuf tmp;
		sb_init(&tmp);
		bool ok = encode_document(doc->buf, doc->len, others[i], false, false, &tmp, &r2, &d);
		enc_report_release(&r2);
		sb_release(&tmp);
		if (ok) {
			fprintf(stderr, _("  %s can write every character.\n"), others[i]);
			break;
		}
	}
	bool any_subst = false;
	for (size_t i = 0; i < rep.n; i++)
		any_subst |= rep.v[i].subst != NULL;
	if (any_subst && !o->substitute)
		fprintf(stderr, "%s\n", _("  --substitute writes the stand-ins shown."));
	enc_report_release(&rep);
	return false;
}

/* --eml: the document as an e-mail draft (send.h).  To: and From: as the
 * registry says (IPA's window and the reporter for the IPA form; nobody
 * yet and the inquiry window for the notice); the body ISO-2022-JP unless
 * --encoding=utf-8; the files of --attach (the network diagram of 2-3). */
static int write_mail(const struct opts *o, const struct incident *inc,
                      const struct document *which, const char *path, struct strbuf *doc,
                      const char *title)
{
	struct strbuf msg, warnings;
	struct diag d;
	const char *attach[17];
	const char *check_enc = o->encoding ? o->encoding : "iso-2022-jp";
	/* The same list of unconvertible characters as a plain export (with
	 * --substitute: those without a stand-in). */
	struct opts test = *o;
	struct strbuf copy;
	test.encoding = check_enc;
	sb_init(&copy);
	sb_addn(&copy, doc->buf, doc->len);
	bool convertible = encode_or_explain(&test, inc, which, path, &copy);
	sb_release(&copy);
	if (!convertible)
		return EXIT_PROBLEMS;
	for (size_t i = 0; i < o->nattach; i++)
		attach[i] = o->attach[i];
	attach[o->nattach] = NULL;
	sb_init(&msg);
	sb_init(&warnings);
	diag_clear(&d);
	int rc = EXIT_BAD;
	bool ok = send_mail(which, inc, doc->buf, title, check_enc, o->substitute, attach,
	                    send_now(), &msg, &warnings, &d);
	/* A header holds a plain address or nothing; never a mangled one. */
	for (char *w = warnings.buf, *nl; *w; w = nl + 1) {
		nl = strchr(w, '\n');
		errmsg("%s: %.*s", path, (int)(nl - w), w);
	}
	if (ok)
		rc = write_output(o, &msg);
	else {
		if (!d.file[0])
			snprintf(d.file, sizeof d.file, "%s", path);
		print_diag(&d);
	}
	sb_release(&warnings);
	sb_release(&msg);
	return rc;
}

/* The documents that offer HTML, for a message: "notice, …". */
static char *html_documents(const struct docset *s)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].html)
			sb_addf(&sb, "%s%s", sb.len ? ", " : "", s->v[i].id);
	return sb_detach(&sb);
}

static int cmd_export(const struct opts *o, int argc, char **argv)
{
	if (argc != 2) {
		errmsg(_("usage: export DOCUMENT INCIDENT [-o FILE]"));
		return EXIT_BAD;
	}
	struct formset *fs;
	struct incident *inc;
	struct notice_set *set = NULL;
	struct diag d;
	if (!(fs = load_forms()))
		return EXIT_BAD;
	const struct docset *docs = formset_documents(fs);
	const struct document *which = docset_find(docs, argv[0]);
	if (!which) {
		char *known = docset_ids(docs, ", ");
		if (docs->n)
			errmsg(_("unknown document \"%s\" (known: %s)"), argv[0], known);
		else
			errmsg(_("unknown document \"%s\": %s/forms/documents names none"), argv[0],
			       todoke_datadir());
		free(known);
		formset_free(&fs);
		return EXIT_BAD;
	}
	if (o->html && !which->html) {
		char *html = html_documents(docs);
		errmsg(_("--format=html: the %s document is plain text (HTML: %s)"), argv[0], html);
		free(html);
		formset_free(&fs);
		return EXIT_BAD;
	}
	formset_free(&fs);
	/* An HTML5 page is UTF-8 by its standard; --eml sends the text. */
	if (o->html && ((o->encoding && strcmp(encode_iconv_name(o->encoding), "UTF-8") != 0) ||
	                o->eml)) {
		errmsg("%s", o->eml ? _("--eml sends the document as text: leave out --format=html")
		                    : _("--format=html is always UTF-8: leave out --encoding"));
		return EXIT_BAD;
	}
	if (!open_incident(argv[1], &fs, &inc, NULL))
		return EXIT_BAD;
	which = docset_find(formset_documents(fs), argv[0]);
	if (which->render == RENDER_TEMPLATE && !(set = load_notices())) {
		incident_free(&inc);
		formset_free(&fs);
		return EXIT_BAD;
	}
	/* Written when asked for, but said: the user may not need to file it. */
	struct strbuf why;
	sb_init(&why);
	if (document_form(which, inc) && !document_applies_to(which, inc, &why))
		errmsg(_("%s: note: %s does not apply to this incident: %s"), argv[1], which->title,
		       why.buf);
	sb_release(&why);
	int rc = EXIT_BAD;
	struct strbuf doc;
	sb_init(&doc);
	diag_clear(&d);
	char *title = NULL;
	/* A report sent before carries its follow-up parts (send.h). */
	bool ok = send_text(fs, set, which, argv[1], inc, o->html ? NOTICE_HTML : NOTICE_TEXT,
	                    o->changes, o->eml, &doc, &title, &d);
	if (!ok) {
		if (!d.file[0])
			snprintf(d.file, sizeof d.file, "%s", argv[1]);
		print_diag(&d);
	} else if (o->eml) {
		rc = write_mail(o, inc, which, argv[1], &doc, title);
	} else {
		rc = encode_or_explain(o, inc, which, argv[1], &doc) ? write_output(o, &doc)
		                                                   : EXIT_PROBLEMS;
	}
	free(title);
	sb_release(&doc);
	notice_set_free(&set);
	incident_free(&inc);
	formset_free(&fs);
	return rc;
}

/* Whether a document of the incident is worded by a template. */
static bool uses_templates(const struct incident *inc)
{
	const struct docset *s = formset_documents(inc->fs);
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].render == RENDER_TEMPLATE && document_form(&s->v[i], inc))
			return true;
	return false;
}

static int cmd_check(const struct opts *o, int argc, char **argv)
{
	if (argc != 1) {
		errmsg(_("usage: check [--all] INCIDENT"));
		return EXIT_BAD;
	}
	struct date today;
	struct formset *fs;
	struct incident *inc;
	if (!open_incident(argv[0], &fs, &inc, &today))
		return EXIT_BAD;
	struct problems p;
	check_incident(inc, today, &p);
	if (uses_templates(inc)) {
		struct notice_set *set = load_notices();
		if (!set) {
			problems_release(&p);
			incident_free(&inc);
			formset_free(&fs);
			return EXIT_BAD;
		}
		check_documents(inc, set, &p);
		notice_set_free(&set);
	}
	for (size_t i = 0; i < p.n; i++) {
		const char *sev = p.v[i].sev == SEV_ERROR ? _("error")
		                : p.v[i].sev == SEV_WORDING ? _("wording") : _("missing");
		if (p.v[i].line)
			outline("%s:%d: %s: %s", argv[0], p.v[i].line, sev, p.v[i].msg);
		else
			outline("%s: %s: %s", argv[0], sev, p.v[i].msg);
	}
	if (o->all) {
		for (size_t k = 0; k < inc->nforms; k++) {
			const struct form *f = inc->forms[k];
			/* What the count counts (form.h): a group of boxes once,
			 * by its section; hidden ones (`when`) are not asked, nor
			 * those of a document not needed (the notice of a 委託先
			 * that told its 委託元) unless another needs them. */
			bool needed = document_form_needed(inc, f);
			for (size_t i = 0; i < f->nqs;) {
				struct q_unit u = question_unit(f->qs, f->nqs, i);
				const struct form *owner = NULL;
				i += u.n;
				incident_question(inc, u.q->id, &owner);
				/* A draft still a copy reads as its source: not open. */
				if (owner != f || unit_answered(u, inc->answers) ||
				    !unit_shown(u, inc->answers) || draft_is_copy(inc, u.q) ||
				    !(needed || document_question_needed(inc, u.q->id)))
					continue;
				char *pl = u.n > 1 && u.q->section >= 0
				           ? xstrdup(f->sections[u.q->section].title)
				           : question_place(inc, u.q->id);
				outline("%s: %s: %s", argv[0], _("unanswered"), pl);
				free(pl);
			}
		}
	}
	char sum[4096];
	snprintf(sum, sizeof sum, _("%s: %zu problem(s); %zu of %zu questions answered\n"),
	         argv[0], p.n, p.answered, p.total);
	sum[strcspn(sum, "\n")] = '\0';
	outline("%s", sum);
	int rc = p.n ? EXIT_PROBLEMS : EXIT_OK;
	problems_release(&p);
	incident_free(&inc);
	formset_free(&fs);
	return rc;
}

static int cmd_deadlines(int argc, char **argv)
{
	if (argc != 1) {
		errmsg(_("usage: deadlines INCIDENT"));
		return EXIT_BAD;
	}
	struct date today;
	struct formset *fs;
	struct incident *inc;
	int rc = EXIT_BAD;
	if (!open_incident(argv[0], &fs, &inc, &today))
		return EXIT_BAD;
	if (!incident_decision_document(inc)) {
		errmsg(_("%s: this incident has no PPC report: no document of it is rendered "
		         "with the decision (render layout+decision)"), argv[0]);
		incident_free(&inc);
	} else {
		struct ppc_decision dec;
		struct strbuf sb;
		char buf[16];
		ppc_decide(inc->answers, &dec);
		sb_init(&sb);
		date_format_iso(today, buf, sizeof buf);
		sb_addf(&sb, _("Today: %s\n"), buf);
		ppc_report_deadlines(&dec, today, &sb);
		fputs(sb.buf, stdout);
		sb_release(&sb);
		rc = ppc_overdue(&dec, today) || ppc_late(&dec) ? EXIT_PROBLEMS : EXIT_OK;
		if (ppc_overdue(&dec, today))
			printf("%s\n", _("A deadline has passed with no report recorded "
			                  "(ppc.prelim.date / ppc.final.date)."));
		else if (ppc_late(&dec))
			printf("%s\n", _("A report was recorded after its deadline "
			                  "(ppc.prelim.date / ppc.final.date)."));
		if (*dec.calendar_error) {
			errmsg(_("the holiday calendar cannot be read: %s"), dec.calendar_error);
			rc = EXIT_BAD;
		}
		incident_free(&inc);
	}
	formset_free(&fs);
	return rc;
}

static int cmd_new(const struct opts *o, int argc, char **argv)
{
	if (argc != 1) {
		errmsg(_("usage: new [--title TEXT] INCIDENT"));
		return EXIT_BAD;
	}
	struct stat st;
	if (lstat(argv[0], &st) == 0) {
		errmsg(_("%s already exists; not overwriting it"), argv[0]);
		return EXIT_BAD;
	}
	/* The file must read back: no control character (ESC, U+009B…) and
	 * no bad UTF-8 in the title, as in any answer. */
	size_t bad;
	if (o->title && !utf8_valid(o->title, strlen(o->title), &bad)) {
		errmsg(_("--title: not valid UTF-8 (byte 0x%02X)"), (unsigned char)o->title[bad]);
		return EXIT_BAD;
	}
	const char *ctl = o->title ? lex_find_control(o->title, strlen(o->title), LEX_TABS) : NULL;
	if (ctl) {
		unsigned cp = (unsigned char)*ctl == 0xC2 ? (unsigned char)ctl[1] : (unsigned char)*ctl;
		errmsg(_("--title: control character U+%04X: not text, remove it"), cp);
		return EXIT_BAD;
	}
	struct formset *fs = load_forms();
	if (!fs)
		return EXIT_BAD;
	int rc = EXIT_BAD;
	struct diag d;
	diag_clear(&d);
	struct incident *inc = incident_create(fs, o->title, &d);
	/* Still nothing there when written: a file made meanwhile is kept. */
	struct file_id none = { .known = true, .exists = false };
	enum history_save_result r = inc ? history_save_checked(inc, argv[0], true, &none, &d)
	                                 : HS_FAILED;
	if (r == HS_OK || r == HS_UNRECORDED)
		rc = EXIT_OK;
	if (r != HS_OK)
		print_diag(&d);
	incident_free(&inc);
	formset_free(&fs);
	return rc;
}

/* Whether the registry names the document; says so when not, with the
 * ones it names.  *suffix (when asked) gets its file suffix, malloc'd. */
static bool known_document(const char *id, char **suffix)
{
	struct formset *fs = load_forms();
	if (!fs)
		return false;
	const struct docset *docs = formset_documents(fs);
	const struct document *doc = docset_find(docs, id);
	if (!doc) {
		char *known = docset_ids(docs, ", ");
		errmsg(_("unknown document \"%s\" (known: %s)"), id, known);
		free(known);
	} else if (suffix)
		*suffix = xstrdup(doc->suffix ? doc->suffix : "");
	formset_free(&fs);
	return doc != NULL;
}

/* todoke submit DOC INCIDENT: the document exported now as `export`
 * would write it (same options), or the file given as sent. */
static int cmd_submit(const struct opts *o, int argc, char **argv)
{
	if (argc != 2) {
		errmsg(_("usage: submit DOCUMENT INCIDENT [--date DATE] [--kind KIND] [--file SENT]"));
		return EXIT_BAD;
	}
	char *suffix = NULL;
	if (!known_document(argv[0], &suffix))
		return EXIT_BAD;
	struct strbuf sent, options, name;
	sb_init(&sent);
	sb_init(&options);
	sb_init(&name);
	int rc = EXIT_BAD;
	if (o->file) {
		struct diag d;
		char *data;
		size_t len;
		diag_clear(&d);
		if (!file_read_all(o->file, &data, &len, &d)) {
			print_diag(&d);
			goto out;
		}
		sb_addn(&sent, data, len);
		free(data);
		sb_add(&name, o->file);
	} else {
		struct opts e = *o;
		e.capture = &sent;
		if ((rc = cmd_export(&e, 2, argv)) != EXIT_OK)
			goto out;
		rc = EXIT_BAD;
		/* How it was made, to make it again for `diff --document`. */
		if (o->encoding)
			sb_addf(&options, " --encoding=%s", o->encoding);
		if (o->crlf)
			sb_add(&options, " --crlf");
		if (o->substitute)
			sb_add(&options, " --substitute");
		if (o->eml)
			sb_add(&options, " --eml");
		if (o->html)
			sb_add(&options, " --format=html");
		const char *base = strrchr(argv[1], '/');
		base = base ? base + 1 : argv[1];
		size_t stem = strlen(base);
		if (stem > 9 && strcmp(base + stem - 9, ".incident") == 0)
			stem -= 9;
		sb_addf(&name, "%.*s%s.%s", (int)stem, base, suffix,
		        o->eml ? "eml" : o->html ? "html" : "txt");
	}
	struct formset *fs = load_forms();
	if (fs) {
		rc = followups_submit(fs, argv[0], argv[1], o->kind, o->date, name.buf,
		                      options.len ? options.buf + 1 : "", sent.buf, sent.len);
		formset_free(&fs);
	}
out:
	free(suffix);
	sb_release(&sent);
	sb_release(&options);
	sb_release(&name);
	return rc;
}

/* todoke diff INCIDENT --document DOC: the document as sent (its last
 * submission, or --since) against the same document exported now with the
 * options it was exported with then. */
static int cmd_text_diff(const struct opts *o, const char *path)
{
	struct submissions s;
	struct diag d;
	diag_clear(&d);
	if (!known_document(o->document, NULL))
		return EXIT_BAD;
	if (!submissions_list(path, &s, &d)) {
		print_diag(&d);
		return EXIT_BAD;
	}
	int rc = EXIT_BAD;
	const struct submission *sub = o->since ? followups_find(&s, path, o->since)
	                                        : submissions_last(&s, o->document);
	char *sent = NULL;
	size_t sent_len = 0;
	struct strbuf now, out;
	sb_init(&now);
	sb_init(&out);
	if (!sub) {
		if (!o->since)
			errmsg(_("%s: no %s recorded as submitted"), path, o->document);
		goto out;
	}
	if (strcmp(sub->document, o->document) != 0) {
		errmsg(_("%s: submission %u is of %s, not %s"), path, sub->number, sub->document,
		       o->document);
		goto out;
	}
	struct opts e = { .capture = &now };
	/* The options recorded, as written by cmd_submit. */
	struct send_options so;
	char opt[256];
	send_options_parse(sub->options, &so, opt, sizeof opt);
	e.encoding = so.encoding;
	e.crlf = so.crlf;
	e.substitute = so.substitute;
	e.eml = so.eml;
	e.html = so.html;
	if (e.eml) {
		errmsg(_("%s: %s was sent as an e-mail draft: export it again without --eml to "
		         "compare its text"), path, sub->file);
		goto out;
	}
	char *args[2] = { (char *)(uintptr_t)o->document, (char *)(uintptr_t)path };
	if (!submission_read(path, sub, NULL, NULL, &sent, &sent_len, &d)) {
		print_diag(&d);
	} else if (cmd_export(&e, 2, args) == EXIT_OK) {
		struct strbuf a, b;
		sb_init(&a);
		sb_init(&b);
		sb_addf(&a, "%s (%s %s)", sub->file, sub->document, sub->kind);
		sb_addf(&b, _("%s now"), o->document);
		if (history_text_diff(sent, sent_len, now.buf, now.len,
		                      e.encoding ? encode_iconv_name(e.encoding) : NULL, a.buf,
		                      b.buf, &out, &d)) {
			if (!out.len)
				printf(_("%s: %s is as it was sent\n"), path, o->document);
			fputs(out.buf, stdout);
			rc = EXIT_OK;
		} else
			print_diag(&d);
		sb_release(&a);
		sb_release(&b);
	}
out:
	free(sent);
	sb_release(&now);
	sb_release(&out);
	submissions_release(&s);
	return rc;
}

static int cmd_followup(const char *cmd, const struct opts *o, int argc, char **argv)
{
	bool hist = strcmp(cmd, "history") == 0;
	if (argc != 1 && !(hist && argc == 2)) {
		errmsg(hist ? _("usage: history INCIDENT [QUESTION]")
		       : strcmp(cmd, "diff") == 0 ? _("usage: diff INCIDENT [--since SUBMISSION]")
		       : _("usage: submissions INCIDENT"));
		return EXIT_BAD;
	}
	/* An incident that is not there is said so, not "no history". */
	struct diag d;
	char *data;
	size_t len;
	diag_clear(&d);
	if (!file_read_all(argv[0], &data, &len, &d)) {
		print_diag(&d);
		return EXIT_BAD;
	}
	free(data);
	if (strcmp(cmd, "submissions") == 0)
		return followups_submissions(argv[0]);
	if (!hist && o->document)
		return cmd_text_diff(o, argv[0]);
	struct formset *fs = load_forms();
	if (!fs)
		return EXIT_BAD;
	int rc = hist ? followups_history(fs, argv[0], argc == 2 ? argv[1] : NULL)
	              : followups_diff(fs, argv[0], o->since);
	formset_free(&fs);
	return rc;
}

static int cmd_forms(void)
{
	struct formset *fs = load_forms();
	if (!fs)
		return EXIT_BAD;
	/* Every form read: the first that does not read stops it. */
	for (size_t i = 0; i < formset_count(fs); i++)
		if (!formset_at(fs, i)) {
			print_diag(formset_error(fs));
			formset_free(&fs);
			return EXIT_BAD;
		}
	for (size_t i = 0; i < formset_count(fs); i++) {
		const struct form *f = formset_at(fs, i);
		printf("%s\t%s\t%s\t%s\n", f->id, f->version,
		       f->released ? f->released : "-", f->title);
	}
	/* The documents: what `export` takes (the completion reads these). */
	const struct docset *docs = formset_documents(fs);
	for (size_t i = 0; i < docs->n; i++)
		printf("export\t%s\t%s\t%s\t%s\n", docs->v[i].id, docs->v[i].form,
		       docs->v[i].html ? "text,html" : "text", docs->v[i].title);
	formset_free(&fs);
	return EXIT_OK;
}

/* Where the message catalogues are: $TODOKE_LOCALEDIR, else the installed
 * ones, else BIN/../share/locale (installed elsewhere than configured),
 * else build/locale beside the running binary (build/todoke). */
static const char *locale_dir(void)
{
	static char buf[4096];
	const char *env = getenv("TODOKE_LOCALEDIR");
	struct stat st;
	if (env && *env)
		return env;
	if (stat(TODOKE_LOCALEDIR "/ja/LC_MESSAGES/todoke.mo", &st) == 0)
		return TODOKE_LOCALEDIR;
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 64);
	char *slash = n > 0 ? (buf[n] = '\0', strrchr(buf, '/')) : NULL;
	if (!slash)
		return TODOKE_LOCALEDIR;
	char probe[4160];
	strcpy(slash, "/../share/locale");
	snprintf(probe, sizeof probe, "%s/ja/LC_MESSAGES/todoke.mo", buf);
	if (stat(probe, &st) == 0)
		return buf;
	strcpy(slash, "/locale");
	return buf;
}

/* A core dump would hold the answers (personal data) in a file anyone
 * with access to the folder or the crash collector can read: none, unless
 * TODOKE_CORE_DUMPS=1 asks for them (todoke(1), ENVIRONMENT). */
static void no_core_dumps(void)
{
	const char *want = getenv("TODOKE_CORE_DUMPS");
	if (want && strcmp(want, "1") == 0)
		return;
	struct rlimit rl;
	if (getrlimit(RLIMIT_CORE, &rl) == 0) {
		rl.rlim_cur = 0;
		setrlimit(RLIMIT_CORE, &rl);
	}
}

/* ---- the commands: one table, looked up by name ------------------------ */

static int run_export(const struct opts *o, int argc, char **argv)
{
	locale_document_stdout();  /* the document's bytes, in --encoding */
	return cmd_export(o, argc, argv);
}

static int run_forms(const struct opts *o, int argc, char **argv)
{
	(void)o, (void)argc, (void)argv;
	return cmd_forms();
}

static int run_deadlines(const struct opts *o, int argc, char **argv)
{
	(void)o;
	return cmd_deadlines(argc, argv);
}

static int run_history(const struct opts *o, int argc, char **argv)
{
	return cmd_followup("history", o, argc, argv);
}

static int run_submissions(const struct opts *o, int argc, char **argv)
{
	return cmd_followup("submissions", o, argc, argv);
}

static int run_diff(const struct opts *o, int argc, char **argv)
{
	return cmd_followup("diff", o, argc, argv);
}

static int run_whoami(const struct opts *o, int argc, char **argv)
{
	(void)argv;
	if (argc != 0) {
		errmsg("%s", _("usage: whoami [--name NAME]"));
		return EXIT_BAD;
	}
	return followups_whoami(o->name);
}

/* Each takes the options and the words after the command's name. */
static const struct command {
	const char *name;
	int (*run)(const struct opts *o, int argc, char **argv);
} commands[] = {
	{ "new", cmd_new },
	{ "export", run_export },
	{ "check", cmd_check },
	{ "forms", run_forms },
	{ "deadlines", run_deadlines },
	{ "submit", cmd_submit },
	{ "history", run_history },
	{ "submissions", run_submissions },
	{ "diff", run_diff },
	{ "whoami", run_whoami },
};

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "all", no_argument, NULL, 'a' },
		{ "title", required_argument, NULL, 't' },
		{ "today", required_argument, NULL, 'T' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "crlf", no_argument, NULL, 'C' },
		{ "substitute", no_argument, NULL, 'S' },
		{ "eml", no_argument, NULL, 'M' },
		{ "attach", required_argument, NULL, 'A' },
		{ "format", required_argument, NULL, 'F' },
		{ "date", required_argument, NULL, 'D' },
		{ "file", required_argument, NULL, 'f' },
		{ "since", required_argument, NULL, 's' },
		{ "kind", required_argument, NULL, 'k' },
		{ "document", required_argument, NULL, 'W' },
		{ "changes", no_argument, NULL, 'G' },
		{ "name", required_argument, NULL, 'N' },
		{ "dir", required_argument, NULL, OPT_DIR },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o = { 0 };
	int c;

	no_core_dumps();
	/* Over the file size limit (ulimit -f) a write fails with EFBIG and
	 * is reported like a full disk, the old file intact, instead of
	 * killing todoke with a temporary file left behind. */
	signal(SIGXFSZ, SIG_IGN);
	/* UTF-8 character handling whatever the locale (todoke/locale.h). */
	if (!locale_start("todoke", locale_dir()))
		return EXIT_LOCALE;
	if (argv[0] && strrchr(argv[0], '/'))
		progname = strrchr(argv[0], '/') + 1;
	else if (argv[0])
		progname = argv[0];

	while ((c = getopt_long(argc, argv, "o:at:e:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o.output = optarg; break;
		case 'e':
			if (!encode_iconv_name(optarg)) {
				errmsg(_("--encoding: unknown encoding \"%s\" (known: utf-8, cp932, "
				         "shift_jis, iso-2022-jp, euc-jp)"), optarg);
				return EXIT_BAD;
			}
			o.encoding = optarg;
			break;
		case 'C': o.crlf = true; break;
		case 'S': o.substitute = true; break;
		case 'M': o.eml = true; break;
		case 'A':
			if (o.nattach == sizeof o.attach / sizeof o.attach[0]) {
				errmsg(_("--attach: at most %zu files"), sizeof o.attach / sizeof o.attach[0]);
				return EXIT_BAD;
			}
			o.attach[o.nattach++] = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "html") != 0 && strcmp(optarg, "text") != 0) {
				errmsg(_("--format: \"%s\" is neither text nor html"), optarg);
				return EXIT_BAD;
			}
			o.html = strcmp(optarg, "html") == 0;
			break;
		case 'a': o.all = true; break;
		case 'D': o.date = optarg; break;
		case 'f': o.file = optarg; break;
		case 's': o.since = optarg; break;
		case 'k': o.kind = optarg; break;
		case 'W': o.document = optarg; break;
		case 'G': o.changes = true; break;
		case 'N': o.name = optarg; break;
		case 't': o.title = optarg; break;
		case 'T': {
			struct date d;
			const char *why;
			if (!date_parse(optarg, &d, &why)) {
				errmsg(_("--today: %s"), why);
				return EXIT_BAD;
			}
			date_set_today(&d);
			break;
		}
		case OPT_DIR:
			/* The team directory takes precedence over the personal store. */
			if (!*optarg) {
				errmsg("%s", _("--dir: empty directory name"));
				return EXIT_BAD;
			}
			setenv("TODOKE_DIR", optarg, 1);
			break;
		case 'h': usage(stdout); return EXIT_OK;
		case 'V':
			printf("todoke %s\n", TODOKE_VERSION);
			return EXIT_OK;
		default:
			fprintf(stderr, _("Try '%s --help' for more information.\n"), progname);
			return EXIT_BAD;
		}
	}
	argc -= optind;
	argv += optind;
	const struct command *command = argc > 0 ? find_command(argv[0]) : NULL;
	if (argc == 0 || (argc == 1 && !command)) {
		/* The wizard: the start screen, or the incident named. */
		if (!locale_wizard_ok())
			return EXIT_LOCALE;
		struct formset *fs = load_forms();
		if (!fs)
			return EXIT_BAD;
		int rc = tui_run(fs, argc ? argv[0] : NULL);
		formset_free(&fs);
		return rc;
	}
	const char *cmd = argv[0];
	if (command)
		return command->run(&o, argc - 1, argv + 1);
	errmsg(_("unknown command \"%s\""), cmd);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), progname);
	return EXIT_BAD;
}
