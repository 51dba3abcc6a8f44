/* review — the list of pages, what is still open, the preview of the IPA
 * document exactly as it will be written, and export to a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "submit.h"
#include "todoke/check.h"
#include "todoke/encode.h"
#include "todoke/export.h"
#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"
#include "todoke/textwidth.h"

/* Page list with each page's progress; Enter jumps there. */
enum action screen_index(struct app *a)
{
	size_t cur = a->page;
	for (;;) {
		int bh = app_body_height();
		int top = (int)cur - bh + 1 > 0 ? (int)cur - bh + 1 : 0;
		app_frame(a, _("Pages"), _("↑↓ choose  Enter go  ^R review  Esc back"));
		for (int i = 0; i < bh && top + i < (int)a->wiz->npages; i++) {
			const struct page *p = &a->wiz->pages[top + i];
			size_t done, total;
			page_progress(p, a->inc->answers, &done, &total);
			char buf[512];
			snprintf(buf, sizeof buf, "%2d. %s", top + i + 1, p->title);
			attr_t at = (size_t)(top + i) == cur ? term_attr(C_FOCUS) : A_NORMAL;
			if (at != A_NORMAL) {
				attrset(at);
				mvhline(app_body_top() + i, 0, ' ', COLS);
			}
			draw_text(app_body_top() + i, 1, buf, COLS - 14, at);
			snprintf(buf, sizeof buf, "%zu/%zu", done, total);
			draw_text(app_body_top() + i, COLS - 10, buf, 9, at);
		}
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit)
			return ACT_QUIT;
		if (rc == OK && (ch == 27 || ch == 'q'))
			return ACT_NONE;
		if (rc == OK && (ch == '\r' || ch == '\n')) {
			a->goto_page = cur;
			return ACT_GOTO;
		}
		if (rc == OK && ch == ('r' & 0x1f))
			return ACT_REVIEW;
		if (rc != KEY_CODE_YES)
			continue;
		if (ch == KEY_UP && cur > 0)
			cur--;
		else if (ch == KEY_DOWN && cur + 1 < a->wiz->npages)
			cur++;
		else if (ch == KEY_HOME)
			cur = 0;
		else if (ch == KEY_END)
			cur = a->wiz->npages - 1;
	}
}

/* The documents the review previews and exports. */
struct document {
	bool (*export)(const struct app *, struct strbuf *, struct diag *);
	const char *suffix;      /* NAME-ipa.txt beside NAME.incident */
	const char *preview;
	const char *prompt;
	bool utf8_only;          /* HTML: UTF-8 by its standard, no choice */
	const struct document *alt; /* exported with 'h' from the preview */
};

static bool ipa_export(const struct app *a, struct strbuf *out, struct diag *d)
{
	return export_document(a->inc, NULL, DOC_IPA, out, NULL, d);
}

static bool ppc_export(const struct app *a, struct strbuf *out, struct diag *d)
{
	return export_document(a->inc, NULL, DOC_PPC, out, NULL, d);
}

static bool notice_export(const struct app *a, struct strbuf *out, struct diag *d,
                          enum notice_format fmt)
{
	if (!a->notices) {
		diag_set(d, "", 0, "%s", a->notices_err);
		return false;
	}
	return export_document(a->inc, a->notices, fmt == NOTICE_HTML ? DOC_NOTICE_HTML : DOC_NOTICE,
	                       out, NULL, d);
}

static bool notice_text_export(const struct app *a, struct strbuf *out, struct diag *d)
{
	return notice_export(a, out, d, NOTICE_TEXT);
}

static bool notice_html_export(const struct app *a, struct strbuf *out, struct diag *d)
{
	return notice_export(a, out, d, NOTICE_HTML);
}

static const struct document ipa_doc = {
	ipa_export, "-ipa.txt", N_("Preview: the IPA form as it will be written"),
	N_("Write the IPA form to:"), false, NULL,
};
static const struct document ppc_doc = {
	ppc_export, "-ppc.txt", N_("Preview: the PPC report, its decision and deadlines"),
	N_("Write the PPC report to:"), false, NULL,
};
static const struct document notice_html_doc = {
	notice_html_export, "-notice.html", NULL,
	N_("Write the notice web page (HTML) to:"), true, NULL,
};
static const struct document notice_doc = {
	notice_text_export, "-notice.txt",
	N_("Preview: the notice to customers (お詫びとお知らせ)"),
	N_("Write the notice (text) to:"), false, &notice_html_doc,
};

static char *default_export_path(const struct app *a, const struct document *doc)
{
	struct strbuf sb;
	sb_init(&sb);
	size_t n = strlen(a->path);
	if (n > 9 && strcmp(a->path + n - 9, ".incident") == 0)
		n -= 9;
	sb_addn(&sb, a->path, n);
	sb_add(&sb, doc->suffix);
	return sb_detach(&sb);
}

static const struct {
	wint_t key;
	const char *name;
	bool crlf;
} encodings[] = {
	{ '1', "utf-8", false }, { '2', "cp932", true }, { '3', "shift_jis", false },
	{ '4', "iso-2022-jp", false }, { '5', "euc-jp", false },
};

/* Which encoding to write: a key, or Esc.  CP932 is for Windows: CR LF. */
static int choose_encoding(struct app *a)
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
		for (size_t i = 0; rc == OK && i < sizeof encodings / sizeof encodings[0]; i++)
			if (ch == encodings[i].key)
				return (int)i;
	}
}

/* The characters that will not convert, where they are, and what the
 * user may do: stand-ins, another encoding, or nothing. */
static wint_t explain(struct app *a, const struct enc_report *rep, const char *enc)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, _("%zu character(s) cannot be written in %s:\n\n"), rep->n,
	        encode_iconv_name(enc));
	for (size_t i = 0; i < rep->n; i++) {
		describe_unconvertible(a->inc, &rep->v[i], &sb);
		if (rep->v[i].subst)
			sb_addf(&sb, _(" — stand-in 「%s」"), rep->v[i].subst);
		else
			sb_add(&sb, _(" — no stand-in"));
		sb_addc(&sb, '\n');
	}
	sb_add(&sb, _("\nNothing has been written.  s: write with the stand-ins   "
	              "e: choose another encoding   Esc: cancel\n"));
	wint_t key = dialog_text_keys(a, _("Characters that will not convert"), sb.buf, "se",
	                              _("s stand-ins  e encoding"));
	sb_release(&sb);
	return key;
}

/* Exports a document after asking where and how; false when a signal
 * ends the session meanwhile (nothing is written then). */
static bool do_export(struct app *a, const struct document *which)
{
	struct strbuf doc;
	struct diag d;
	diag_clear(&d);
	sb_init(&doc);
	if (!which->export(a, &doc, &d)) {
		char buf[2048];
		app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
		sb_release(&doc);
		return true;
	}
	char *def = default_export_path(a, which);
	char *path = dialog_input(a, _(which->prompt), def);
	free(def);
	/* The same rules as `export -o` (fileio.h): refused at once when the
	 * name is a directory, someone else's FIFO…; asked before replacing a
	 * file; a device or FIFO of one's own is written, not replaced. */
	enum file_target kind = FILE_TARGET_NEW;
	if (path && *path && !file_output_target(path, &kind, &d)) {
		char buf[2048];
		app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
		free(path);
		path = NULL;
	} else if (path && *path && kind == FILE_TARGET_REGULAR) {
		char q[1200];
		snprintf(q, sizeof q, _("%s exists. Replace it?"), path);
		enum confirm c = dialog_confirm(a, q);
		if (c == CONFIRM_INTERRUPTED) {
			/* Not a yes: the file stays as it is. */
			free(path);
			sb_release(&doc);
			return false;
		}
		if (c == CONFIRM_NO) {
			free(path);
			path = NULL;
			app_msg(a, C_OK, "%s", _("Not exported."));
		}
	}
	/* The encoding, and what to do with characters it lacks: the file is
	 * written whole in the end, or not at all. */
	struct strbuf out;
	sb_init(&out);
	bool ready = false, substitute = false;
	int e = -1;
	while (path && *path && !ready) {
		if (which->utf8_only)
			e = 0;
		else if (!substitute && (e = choose_encoding(a)) < 0)
			break;
		struct enc_report rep;
		out.len = 0;
		if (encode_document(doc.buf, doc.len, encodings[e].name, encodings[e].crlf,
		                    substitute, &out, &rep, &d)) {
			ready = true;
			break;
		}
		if (!rep.n) {
			app_msg(a, C_ERROR, "%s", d.msg);
			break;
		}
		/* After stand-ins, what is left has none: only another encoding. */
		wint_t key = explain(a, &rep, encodings[e].name);
		enc_report_release(&rep);
		if (key == 's' && !substitute)
			substitute = true;
		else if (key == 's')
			substitute = false;
		else if (key == 'e')
			substitute = false;
		else
			break;
	}
	if (ready) {
		if (file_write_output(path, out.buf, out.len, 0600, &d)) {
			app_msg(a, C_OK, _("Written: %s (%s)"), path, encode_iconv_name(encodings[e].name));
			/* 「提出済みにする」: the document's id is its suffix's word. */
			char id[32], opts[128];
			snprintf(id, sizeof id, "%.*s", (int)strcspn(which->suffix + 1, "."),
			         which->suffix + 1);
			snprintf(opts, sizeof opts, "--encoding=%s%s%s%s", encodings[e].name,
			         encodings[e].crlf ? " --crlf" : "", substitute ? " --substitute" : "",
			         which->utf8_only ? " --format=html" : "");
			submit_written(a, id, path, out.buf, out.len, opts);
		} else {
			char buf[1200];
			app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
		}
	} else if (path && *path && !a->msg[0]) {
		app_msg(a, C_OK, "%s", _("Not exported."));
	}
	sb_release(&out);
	free(path);
	sb_release(&doc);
	return !term_quit_signal && !term_hangup;
}

/* False when a signal ends the session meanwhile. */
static bool preview(struct app *a, const struct document *which)
{
	struct strbuf doc;
	struct diag d;
	sb_init(&doc);
	diag_clear(&d);
	wint_t key = 0;
	if (which->export(a, &doc, &d))
		key = which->alt ? dialog_text_keys(a, _(which->preview), doc.buf, "eh",
		                                    _("e export text  h export HTML"))
		                 : dialog_text_keys(a, _(which->preview), doc.buf, "e", _("e export"));
	else {
		char buf[2048];
		app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
	}
	sb_release(&doc);
	if (key == 'e')
		return do_export(a, which);
	if (key == 'h' && which->alt)
		return do_export(a, which->alt);
	return !term_quit_signal && !term_hangup;
}

static void put_answer_lines(struct strbuf *sb, const char *indent, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n");
		sb_addf(sb, "%s%.*s\n", indent, (int)n, text);
		text += n + (text[n] == '\n');
	}
}

/* Every question of every page with its answer, or what is still empty. */
static void answers_text(const struct app *a, struct strbuf *sb)
{
	const struct model *m = a->inc->answers;
	for (size_t k = 0; k < a->wiz->npages; k++) {
		const struct page *p = &a->wiz->pages[k];
		bool any_box = false, ticked = false;
		sb_addf(sb, "%s%s\n", k ? "\n" : "", p->title);
		for (size_t i = 0; i < p->nrows; i++) {
			const struct row *r = &p->rows[i];
			char buf[64];
			if (!row_visible(r, m))
				continue;  /* not asked (`when`) */
			switch (r->kind) {
			case ROW_BOX:
				any_box = true;
				if (model_checked(m, r->q->id)) {
					ticked = true;
					const char *note = model_text(m, r->q->id);
					sb_addf(sb, "  ■ %s%s%s\n", r->q->label, *note ? ": " : "", note);
				}
				break;
			case ROW_RADIO:
				if (r->opt == 0) {
					const char *v = model_text(m, r->q->id);
					int o = *v ? question_option(r->q, v) : -1;
					sb_addf(sb, "  %s: %s\n", r->q->label,
					        o >= 0 ? r->q->opts[o].label : _("(not chosen)"));
				}
				break;
			case ROW_FIELD:
			case ROW_DATE: {
				const struct value *v = model_get(m, r->q->id);
				const char *t = v && v->text ? v->text : "";
				if (v && v->type == Q_DATE) {
					date_format_ymd_ja(v->date, buf, sizeof buf);
					t = buf;
				}
				sb_addf(sb, "  %s: %s\n", r->q->label, *t ? t : _("(empty)"));
				break;
			}
			case ROW_PARA: {
				const char *t = model_text(m, r->q->id);
				if (*t)
					put_answer_lines(sb, "  ", t);
				else
					sb_addf(sb, "  %s\n", _("(empty)"));
				break;
			}
			case ROW_REPEAT: {
				size_t n = model_entry_count(m, r->q->id);
				if (!n)
					sb_addf(sb, "  %s\n", _("(no entries)"));
				for (size_t e = 0; e < n; e++) {
					const struct model *em = model_entry(m, r->q->id, e);
					struct date d;
					if (model_date(em, r->q->fields[0].id, &d)) {
						date_format_ymd_ja(d, buf, sizeof buf);
						sb_addf(sb, "  %zu. %s\n", e + 1, buf);
					} else {
						sb_addf(sb, "  %zu.\n", e + 1);
					}
					for (size_t f = 0; f < r->q->nfields; f++)
						if (r->q->fields[f].type == Q_LINES)
							put_answer_lines(sb, "     ",
							                 model_text(em, r->q->fields[f].id));
				}
				break;
			}
			default:
				break;
			}
		}
		if (any_box && !ticked)
			sb_addf(sb, "  %s\n", _("(nothing ticked)"));
	}
}

/* Every page with its answers counted, then every problem `check` finds. */
enum action screen_review(struct app *a)
{
	size_t cur = 0;
	int top = 0;
	for (;;) {
		struct problems p;
		check_incident(a->inc, a->today, &p);
		check_notice(a->inc, a->notices, &p);
		size_t nitems = a->wiz->npages + p.n;
		int bh = app_body_height();
		if (cur >= nitems)
			cur = nitems ? nitems - 1 : 0;
		if ((int)cur < top)
			top = (int)cur;
		if ((int)cur >= top + bh)
			top = (int)cur - bh + 1;
		char where[128];
		snprintf(where, sizeof where, _("Review: %zu problem(s)"), p.n);
		submit_review_title(a, where, sizeof where);
		app_frame(a, where, incident_form(a->inc, "notice")
		          ? _("Enter go  a answers  p IPA  r PPC  n notice  e export  Esc back")
		          : incident_form(a->inc, "ppc-report")
		          ? _("Enter go  a answers  p IPA form  r PPC report  e export  Esc back")
		          : _("Enter go to page  a all answers  p preview  e export  Esc back"));
		for (int i = 0; i < bh && top + i < (int)nitems; i++) {
			size_t k = (size_t)(top + i);
			char buf[1200];
			attr_t at = k == cur ? term_attr(C_FOCUS) : A_NORMAL;
			if (k < a->wiz->npages) {
				size_t done, total;
				page_progress(&a->wiz->pages[k], a->inc->answers, &done, &total);
				snprintf(buf, sizeof buf, "%s%s  (%zu/%zu)", done ? "  " : "□ ",
				         a->wiz->pages[k].title, done, total);
			} else {
				const struct problem *pr = &p.v[k - a->wiz->npages];
				snprintf(buf, sizeof buf, "%s %s",
				         pr->sev == SEV_ERROR ? _("error:") : _("missing:"), pr->msg);
				if (k != cur)
					at = term_attr(pr->sev == SEV_ERROR ? C_ERROR : C_HELP);
			}
			draw_text(app_body_top() + i, 1, buf, COLS - 2, at);
		}
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit) {
			problems_release(&p);
			return ACT_QUIT;
		}
		enum action act = ACT_NONE;
		if (rc == OK && (ch == 27 || ch == 'q'))
			act = ACT_PREV;
		else if (rc == OK && (ch == '\r' || ch == '\n')) {
			/* A problem leads to the page of its question. */
			size_t target = cur;
			if (cur >= a->wiz->npages) {
				const char *id = p.v[cur - a->wiz->npages].id;
				const struct form *f = NULL;
				const struct question *q = incident_question(a->inc, id, &f);
				target = 0;
				for (size_t i = 0; q && i < a->wiz->npages; i++)
					if (a->wiz->pages[i].form == f &&
					    a->wiz->pages[i].section == q->section)
						target = i;
			}
			a->goto_page = target;
			act = ACT_GOTO;
		} else if (rc == OK && ch == 'a') {
			struct strbuf sb;
			sb_init(&sb);
			answers_text(a, &sb);
			dialog_text(a, _("All answers"), sb.buf);
			sb_release(&sb);
		} else if (rc == OK && ch == 'p') {
			if (!preview(a, &ipa_doc))
				act = ACT_QUIT;
		} else if (rc == OK && ch == 'r' && incident_form(a->inc, "ppc-report")) {
			if (!preview(a, &ppc_doc))
				act = ACT_QUIT;
		} else if (rc == OK && ch == 'n' && incident_form(a->inc, "notice")) {
			if (!preview(a, &notice_doc))
				act = ACT_QUIT;
		} else if (rc == OK && ch == 'e') {
			if (!do_export(a, &ipa_doc))
				act = ACT_QUIT;
		} else if (rc == OK && ch == 's')
			submit_review(a);
		else if (rc == OK && ch == 'm')
			submit_mark(a);
		else if (rc == KEY_CODE_YES && ch == KEY_UP && cur > 0)
			cur--;
		else if (rc == KEY_CODE_YES && ch == KEY_DOWN)
			cur++;
		else if (rc == KEY_CODE_YES && ch == KEY_NPAGE)
			cur += (size_t)bh;
		else if (rc == KEY_CODE_YES && ch == KEY_PPAGE)
			cur = cur > (size_t)bh ? cur - (size_t)bh : 0;
		problems_release(&p);
		if (act != ACT_NONE)
			return act;
	}
}
