/* documents — the documents of the registry as the wizard offers them:
 * which apply (and why not), the preview exactly as it will be written,
 * and export to a file in an encoding the registry offers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "ppcassist.h"
#include "submit.h"
#include "writeout.h"
#include "todoke/check.h"
#include "todoke/document.h"
#include "todoke/encode.h"
#include "todoke/export.h"
#include "todoke/fileio.h"
#include "todoke/history.h"
#include "todoke/i18n.h"
#include "todoke/notice.h"
#include "todoke/send.h"
#include "todoke/strbuf.h"

/* The document as the CLI writes it (send.h: a letter sent before as
 * its next report); the templates are read on first use
 * (app_load_notices, by both ways in below). */
static bool render(const struct app *a, const struct document *doc, enum notice_format fmt,
                   struct strbuf *out, struct diag *d)
{
	if (doc->render == RENDER_TEMPLATE && !a->notices) {
		diag_set(d, "", 0, "%s", a->notices_err);
		return false;
	}
	return send_text(a->fs, a->notices, doc, a->path, a->inc, fmt, false, false, out, NULL, d);
}

/* Exports a document after asking where and how; false when a signal
 * ends the session meanwhile (nothing is written then). */
static bool do_export(struct app *a, const struct document *which, enum notice_format fmt)
{
	struct strbuf doc;
	struct diag d;
	diag_clear(&d);
	sb_init(&doc);
	if (!render(a, which, fmt, &doc, &d)) {
		char buf[2048];
		app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
		sb_release(&doc);
		return true;
	}
	/* The name the export screen proposes: the title, in the incident's
	 * folder (or ~/todoke when that is hidden, as the store is). */
	char *def = writeout_default_path(a, which, fmt == NOTICE_HTML ? "html" : "txt");
	char prompt[600];
	snprintf(prompt, sizeof prompt, fmt == NOTICE_HTML ? _("Write %s (HTML) to:")
	                                                   : _("Write %s to:"), which->title);
	char *path = dialog_input(a, prompt, def);
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
		if (fmt == NOTICE_HTML)  /* UTF-8 by its standard */
			e = 0;
		else if (!substitute && (e = writeout_choose_encoding(a, which)) < 0)
			break;
		struct enc_report rep;
		out.len = 0;
		if (encode_document(doc.buf, doc.len, writeout_encodings[e].name, writeout_encodings[e].crlf,
		                    substitute, &out, &rep, &d)) {
			ready = true;
			break;
		}
		if (!rep.n) {
			app_msg(a, C_ERROR, "%s", d.msg);
			break;
		}
		/* After stand-ins, what is left has none: only another encoding. */
		wint_t key = writeout_explain(a, &rep, writeout_encodings[e].name);
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
			app_msg(a, C_OK, _("Written: %s (%s)"), path, encode_iconv_name(writeout_encodings[e].name));
			/* Kept for 「提出済みにする」 (the review's m), with its options
			 * as `todoke submit` records them. */
			char opts[160];
			snprintf(opts, sizeof opts, "--encoding=%s%s%s%s", writeout_encodings[e].name,
			         writeout_encodings[e].crlf ? " --crlf" : "", substitute ? " --substitute" : "",
			         fmt == NOTICE_HTML ? " --format=html" : "");
			submit_written(a, which->id, path, out.buf, out.len, opts);
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

/* The notice to the persons (the document owing 規則第10条's items) with
 * its problems marked in place: 【n】 after each unanswered 〔label〕 and
 * each sentence not in です・ます, listed at the top with the question that
 * fixes it; its number goes to that question's page. */
static enum action marked_preview(struct app *a, const struct document *which,
                                  const char *title)
{
	struct notice n;
	struct diag d;
	diag_clear(&d);
	/* As render() does: a notice sent before previews as its 第2報. */
	bool follow = a->notices &&
	              history_followup_letter(a->fs, a->notices, which, a->path, a->inc);
	bool built = a->notices &&
	             notice_build_type(a->notices, a->inc, document_template(which, a->inc), &n, &d);
	if (built)
		notice_followup(&n, a->inc->answers);
	if (follow)
		history_followup_clear(a->inc);
	if (!built) {
		char buf[2048];
		app_msg(a, C_ERROR, "%s", a->notices ? diag_format(&d, buf, sizeof buf) : a->notices_err);
		return ACT_NONE;
	}
	struct nmark *m;
	size_t k = notice_marks(&n, &m);
	struct strbuf doc;
	sb_init(&doc);
	if (k) {
		sb_addf(&doc, _("%zu place(s) marked 【n】 below: press its number (1-9) to go to\n"
		                "the question that fixes it; e exports the text, h the web page."), k);
		sb_addc(&doc, '\n');
		for (size_t i = 0; i < k; i++) {
			char *pl = m[i].id ? question_place(a->inc, m[i].id) : NULL;
			sb_addf(&doc, "【%zu】 %s: %s\n", i + 1,
			        m[i].wording ? _("not in です・ます") : _("not answered"),
			        pl ? pl : _("the notice template's own wording"));
			free(pl);
		}
		sb_addc(&doc, '\n');
	}
	notice_apply_marks(&n, m, k);
	notice_text(&n, NOTICE_TEXT_WIDTH, &doc);
	wint_t key = dialog_text_keys(a, title, doc.buf, which->html ? "eh123456789" : "e123456789",
	                              k ? _("e/h export  1-9 go to mark")
	                                : which->html ? _("e export text  h export HTML")
	                                              : _("e export"));
	sb_release(&doc);
	enum action act = ACT_NONE;
	if (key >= '1' && key <= '9' && (size_t)(key - '0') <= k && m[key - '1'].id) {
		a->goto_page = app_page_of(a, m[key - '1'].id);
		act = ACT_GOTO;
	}
	free(m);
	notice_release(&n);
	if ((key == 'e' && !do_export(a, which, NOTICE_TEXT)) ||
	    (key == 'h' && which->html && !do_export(a, which, NOTICE_HTML)))
		return ACT_QUIT;
	return term_quit_signal || term_hangup ? ACT_QUIT : act;
}

/* ACT_QUIT when a signal ends the session meanwhile. */
static enum action preview(struct app *a, const struct document *which)
{
	char title[600];
	snprintf(title, sizeof title, _("Preview: %s"), which->title);
	if (which->render == RENDER_TEMPLATE && which->nduties)
		return marked_preview(a, which, title);
	struct strbuf doc;
	struct diag d;
	sb_init(&doc);
	diag_clear(&d);
	wint_t key = 0;
	if (render(a, which, NOTICE_TEXT, &doc, &d))
		key = which->html ? dialog_text_keys(a, title, doc.buf, "eh",
		                                     _("e export text  h export HTML"))
		                  : dialog_text_keys(a, title, doc.buf, "e", _("e export"));
	else {
		char buf[2048];
		app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
	}
	sb_release(&doc);
	if (key == 'e')
		return do_export(a, which, NOTICE_TEXT) ? ACT_NONE : ACT_QUIT;
	if (key == 'h' && which->html)
		return do_export(a, which, NOTICE_HTML) ? ACT_NONE : ACT_QUIT;
	return term_quit_signal || term_hangup ? ACT_QUIT : ACT_NONE;
}

/* Whether the wizard offers the document; when not, why, in `why`. */
static bool available(const struct app *a, const struct document *doc, struct strbuf *why)
{
	if (!document_form(doc, a->inc)) {
		/* A form that joins once the document applies says why it has not. */
		if (!doc->adopt_with || document_applies_to(doc, a->inc, why))
			sb_addf(why, _("not in this incident (form %s)"), doc->form);
		return false;
	}
	return document_applies_to(doc, a->inc, why);
}

/* The documents of the registry: Enter previews one that applies; one
 * that does not is listed with the reason, and Enter says it again. */
enum action screen_documents(struct app *a)
{
	app_load_notices(a);
	const struct docset *s = formset_documents(a->fs);
	size_t cur = 0;
	for (;;) {
		app_frame(a, _("Documents"), _("Up/Down choose  Enter preview  e export  p PPC form  Esc back  q quit"));
		int bh = app_body_height();
		for (int i = 0; i < bh && (size_t)i < s->n; i++) {
			const struct document *doc = &s->v[i];
			struct strbuf line, why;
			sb_init(&line);
			sb_init(&why);
			bool ok = available(a, doc, &why);
			sb_addf(&line, "%-8s %s", doc->id, doc->title);
			if (!ok)
				sb_addf(&line, _(": does not apply: %s"), why.buf);
			attr_t at = (size_t)i == cur ? term_attr(C_FOCUS) : ok ? A_NORMAL : term_attr(C_HELP);
			if ((size_t)i == cur) {
				attrset(at);
				mvhline(app_body_top() + i, 0, ' ', COLS);
			}
			draw_text(app_body_top() + i, 1, line.buf, COLS - 2, at);
			sb_release(&line);
			sb_release(&why);
		}
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit)
			return ACT_QUIT;
		if (rc == OK && ch == 27)
			return ACT_NONE;
		if (rc == OK && ch == 'q')
			app_ask_quit(a);   /* yes: app_key reports it next */
		else if (rc == OK && ch == 'p') {
			if (!screen_ppcassist(a))
				return ACT_QUIT;   /* a signal: leave at once */
		} else if (rc == OK && (ch == '\r' || ch == '\n' || ch == 'e') && cur < s->n) {
			struct strbuf why;
			sb_init(&why);
			bool ok = available(a, &s->v[cur], &why);
			if (!ok)
				app_msg(a, C_ERROR, _("%s does not apply: %s"), s->v[cur].title, why.buf);
			sb_release(&why);
			if (ok && ch == 'e' && !do_export(a, &s->v[cur], NOTICE_TEXT))
				return ACT_QUIT;
			if (ok && ch != 'e') {
				enum action act = preview(a, &s->v[cur]);
				if (act != ACT_NONE)
					return act;
			}
		} else if (rc == KEY_CODE_YES && ch == KEY_UP && cur > 0)
			cur--;
		else if (rc == KEY_CODE_YES && ch == KEY_DOWN && cur + 1 < s->n)
			cur++;
	}
}
