/* exports — the one export screen (the review's e): every document the
 * incident needs, each in the form its recipient takes (forms/documents,
 * `send`), with a name the user may change, written in one step; a file
 * already there is asked about, one by one.  After writing, a file is
 * marked as submitted here (m); for a document sent before, what changed
 * since is shown before it is written again, its text against the copy
 * sent (t), and the PPC report's 九 その他 can list the changes (c). */
#include "exports.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ppcassist.h"
#include "submit.h"
#include "wrap.h"
#include "writeout.h"
#include "todoke/export.h"
#include "todoke/fileio.h"
#include "todoke/history.h"
#include "todoke/i18n.h"
#include "todoke/send.h"
#include "todoke/strbuf.h"

/* One file to write. */
struct out_file {
	const struct document *doc;
	size_t part;             /* its document's index in parts */
	enum doc_send_kind kind;
	const char *encoding;    /* as the registry says; NULL: the default */
	char *path;
	bool on;
	bool written;
	struct strbuf bytes;     /* as written, for 提出済みにする */
	char opts[160];
};

/* One document: its rows, and what was sent of it. */
struct part {
	const struct document *doc;
	const struct submission *last;  /* in subs, or NULL */
	size_t nchanged;
	bool changes;                   /* 九 その他 lists them (c) */
};

struct screen {
	struct out_file *rows;
	size_t nrows;
	struct part *parts;
	size_t nparts;
	struct submissions subs;
	bool have_subs;
	char *skipped;                  /* the documents not needed, "a, b" */
};

static const char *ext_of(enum doc_send_kind k)
{
	static const char *const ext[] = { [SEND_TEXT] = "txt", [SEND_HTML] = "html",
	                                   [SEND_EML] = "eml" };
	return ext[k];
}

/* What was sent of each document, and how much changed since. */
static void load_submissions(struct app *a, struct screen *s)
{
	struct diag d;
	diag_clear(&d);
	if (s->have_subs)
		submissions_release(&s->subs);
	s->have_subs = submissions_list(a->path, &s->subs, &d);
	for (size_t i = 0; i < s->nparts; i++) {
		struct part *p = &s->parts[i];
		p->last = s->have_subs ? submissions_last(&s->subs, p->doc->id) : NULL;
		p->nchanged = 0;
		if (p->last) {
			struct strbuf sb;
			sb_init(&sb);
			diag_clear(&d);
			if (!history_changes_since(a->fs, a->path, a->inc, p->last, false, &sb,
			                           &p->nchanged, &d))
				p->nchanged = 0;
			sb_release(&sb);
		}
	}
}

static void build(struct app *a, struct screen *s)
{
	const struct docset *ds = formset_documents(a->fs);
	struct strbuf skipped;
	memset(s, 0, sizeof *s);
	sb_init(&skipped);
	for (size_t i = 0; i < ds->n; i++) {
		const struct document *doc = &ds->v[i];
		if (!document_form(doc, a->inc) || !document_applies_to(doc, a->inc, NULL)) {
			sb_addf(&skipped, "%s%s", skipped.len ? _(", ") : "", doc->title);
			continue;
		}
		s->parts = xrealloc(s->parts, (s->nparts + 1) * sizeof *s->parts);
		s->parts[s->nparts] = (struct part){ .doc = doc };
		for (size_t k = 0; k < doc->nsend; k++) {
			s->rows = xrealloc(s->rows, (s->nrows + 1) * sizeof *s->rows);
			struct out_file *r = &s->rows[s->nrows++];
			memset(r, 0, sizeof *r);
			r->doc = doc;
			r->part = s->nparts;
			r->kind = doc->send[k].kind;
			r->encoding = doc->send[k].encoding;
			r->path = writeout_default_path(a, doc, ext_of(r->kind));
			r->on = true;
			sb_init(&r->bytes);
		}
		s->nparts++;
	}
	s->skipped = sb_detach(&skipped);
	load_submissions(a, s);
}

static void release(struct screen *s)
{
	for (size_t i = 0; i < s->nrows; i++) {
		free(s->rows[i].path);
		sb_release(&s->rows[i].bytes);
	}
	free(s->rows);
	free(s->parts);
	free(s->skipped);
	if (s->have_subs)
		submissions_release(&s->subs);
}

/* The encoding a text row is written in: the registry's (send text:ENC,
 * else the first of encodings); UTF-8 for a name the wizard does not
 * write (the registry's encodings are not checked when read). */
static int text_encoding(const struct out_file *r)
{
	int e = writeout_encoding_index(r->encoding ? r->encoding : r->doc->encodings[0]);
	return e < 0 ? 0 : e;
}

/* "e-mail draft (ISO-2022-JP)", "text (CP932, CR LF)", "web page (HTML)". */
static void describe(const struct out_file *r, char *buf, size_t n)
{
	if (r->kind == SEND_EML)
		snprintf(buf, n, _("e-mail draft (%s)"),
		         encode_iconv_name(r->encoding ? r->encoding : "iso-2022-jp"));
	else if (r->kind == SEND_HTML)
		snprintf(buf, n, "%s", _("web page (HTML)"));
	else {
		int e = text_encoding(r);
		snprintf(buf, n, writeout_encodings[e].crlf ? _("text (%s, CR LF)") : _("text (%s)"),
		         encode_iconv_name(writeout_encodings[e].name));
	}
}

/* ---- the bytes of one row --------------------------------------------- */

/* Encodes text in encoding e (index), asking about characters it lacks:
 * stand-ins, or another encoding (for a text; for an e-mail draft, a
 * UTF-8 body).  False when the user cancels or a signal comes. */
static bool encode_asking(struct app *a, struct out_file *r, const char *text, size_t len,
                          const char **enc, bool *crlf, bool *substitute, struct strbuf *out)
{
	for (;;) {
		struct enc_report rep;
		struct diag d;
		diag_clear(&d);
		out->len = 0;
		if (encode_document(text, len, *enc, *crlf, *substitute, out, &rep, &d))
			return true;
		if (!rep.n) {
			app_msg(a, C_ERROR, "%s", d.msg);
			return false;
		}
		wint_t key = writeout_explain(a, &rep, *enc);
		enc_report_release(&rep);
		if (term_quit_signal || term_hangup)
			return false;
		if (key == 's' && !*substitute) {
			*substitute = true;
		} else if (key == 'e' && r->kind == SEND_EML) {
			*enc = "utf-8";   /* a mail body in UTF-8 takes every character */
			*substitute = false;
		} else if (key == 'e' || key == 's') {
			int e = writeout_choose_encoding(a, r->doc);
			if (e < 0)
				return false;
			*enc = writeout_encodings[e].name;
			*crlf = writeout_encodings[e].crlf;
			*substitute = false;
		} else
			return false;
	}
}

/* The row's file as it will be written, in out; r->opts as `todoke
 * submit` records them.  False, said on the message line, when not. */
static bool make_bytes(struct app *a, const struct part *p, struct out_file *r, struct strbuf *out)
{
	struct strbuf text;
	struct diag d;
	char *title = NULL;
	sb_init(&text);
	diag_clear(&d);
	bool ok = (r->doc->render != RENDER_TEMPLATE || a->notices) &&
	          send_text(a->fs, a->notices, r->doc, a->path, a->inc,
	                    r->kind == SEND_HTML ? NOTICE_HTML : NOTICE_TEXT, p->changes,
	                    r->kind == SEND_EML, &text, &title, &d);
	if (!ok) {
		char buf[2048];
		app_msg(a, C_ERROR, "%s", a->notices || r->doc->render != RENDER_TEMPLATE
		                          ? diag_format(&d, buf, sizeof buf) : a->notices_err);
		sb_release(&text);
		free(title);
		return false;
	}
	bool sub = false, crlf = false;
	const char *enc;
	if (r->kind == SEND_EML) {
		enc = r->encoding ? r->encoding : "iso-2022-jp";
		struct strbuf tmp, warn;
		sb_init(&tmp);
		sb_init(&warn);
		ok = encode_asking(a, r, text.buf, text.len, &enc, &crlf, &sub, &tmp) &&
		     send_mail(r->doc, a->inc, text.buf, title, enc, sub, NULL, send_now(), out, &warn,
		               &d);
		if (!ok && d.msg[0]) {
			char buf[2048];
			app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
		} else if (warn.len) {
			warn.buf[strcspn(warn.buf, "\n")] = '\0';
			app_msg(a, C_ERROR, "%s", warn.buf);
		}
		snprintf(r->opts, sizeof r->opts, "--eml%s%s",
		         strcmp(encode_iconv_name(enc), "UTF-8") == 0 ? " --encoding=utf-8" : "",
		         sub ? " --substitute" : "");
		sb_release(&tmp);
		sb_release(&warn);
	} else {
		int e = r->kind == SEND_HTML ? 0 : text_encoding(r);
		enc = writeout_encodings[e].name;
		crlf = writeout_encodings[e].crlf;
		ok = encode_asking(a, r, text.buf, text.len, &enc, &crlf, &sub, out);
		snprintf(r->opts, sizeof r->opts, "--encoding=%s%s%s%s", enc, crlf ? " --crlf" : "",
		         sub ? " --substitute" : "", r->kind == SEND_HTML ? " --format=html" : "");
	}
	sb_release(&text);
	free(title);
	return ok;
}

/* ---- what changed since it was sent ----------------------------------- */

static void changes_text(struct app *a, const struct part *p, struct strbuf *out)
{
	char iso[16];
	struct strbuf part;
	struct diag d;
	size_t n = 0;
	diag_clear(&d);
	sb_init(&part);
	date_format_iso(p->last->date, iso, sizeof iso);
	sb_addf(out, _("== %s: %s sent %s, changed since (前回の提出から変わった項目):\n"),
	        p->doc->title, p->last->kind, iso);
	if (!history_changes_since(a->fs, a->path, a->inc, p->last, false, &part, &n, &d)) {
		char buf[1200];
		sb_addf(out, "%s\n", diag_format(&d, buf, sizeof buf));
	} else if (n)
		sb_addn(out, part.buf, part.len);
	else
		sb_addf(out, "  %s\n", _("nothing changed"));
	sb_release(&part);
}

/* Before writing again what was sent: the changes since, for each such
 * document on; true to go on (w), false to stop. */
static bool changes_before_write(struct app *a, const struct screen *s)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < s->nparts; i++) {
		bool on = false;
		for (size_t k = 0; k < s->nrows; k++)
			on |= s->rows[k].part == i && s->rows[k].on;
		if (on && s->parts[i].last) {
			changes_text(a, &s->parts[i], &sb);
			sb_addc(&sb, '\n');
		}
	}
	bool go = true;
	if (sb.len) {
		sb_add(&sb, _("w: write the documents now   Esc: not now\n"));
		go = dialog_text_keys(a, _("Changed since the last submission"), sb.buf, "w",
		                      _("w write")) == 'w';
	}
	sb_release(&sb);
	return go;
}

/* The document's text now against the copy sent (t), as
 * `todoke diff --document` shows it. */
static void text_diff(struct app *a, struct out_file *r, const struct part *p)
{
	if (!p->last) {
		app_msg(a, C_ERROR, _("%s was not submitted yet: nothing to compare."), r->doc->title);
		return;
	}
	struct send_options so;
	char optbuf[256];
	send_options_parse(p->last->options, &so, optbuf, sizeof optbuf);
	if (so.eml) {
		app_msg(a, C_ERROR, _("%s was sent as an e-mail draft: its text cannot be compared."),
		        p->last->file);
		return;
	}
	char *sent = NULL;
	size_t sent_len = 0;
	struct strbuf text, now, out;
	struct diag d;
	diag_clear(&d);
	sb_init(&text);
	sb_init(&now);
	sb_init(&out);
	struct enc_report rep;
	const char *enc = so.encoding ? so.encoding : "utf-8";
	bool ok = submission_read(a->path, p->last, NULL, NULL, &sent, &sent_len, &d) &&
	          (r->doc->render != RENDER_TEMPLATE || a->notices) &&
	          send_text(a->fs, a->notices, r->doc, a->path, a->inc,
	                    so.html ? NOTICE_HTML : NOTICE_TEXT, false, false, &text, NULL, &d);
	if (ok) {
		ok = encode_document(text.buf, text.len, enc, so.crlf, so.substitute, &now, &rep, &d);
		if (!ok && rep.n)
			snprintf(d.msg, sizeof d.msg, _("%zu character(s) cannot be written in %s"),
			         rep.n, encode_iconv_name(enc));
		enc_report_release(&rep);
	}
	struct strbuf an, bn;
	sb_init(&an);
	sb_init(&bn);
	sb_addf(&an, "%s (%s %s)", p->last->file, p->last->document, p->last->kind);
	sb_addf(&bn, _("%s now"), p->last->document);
	if (ok)
		ok = history_text_diff(sent, sent_len, now.buf, now.len, encode_iconv_name(enc), an.buf,
		                       bn.buf, &out, &d);
	if (!ok) {
		char buf[2048];
		app_msg(a, C_ERROR, "%s", d.msg[0] ? diag_format(&d, buf, sizeof buf) : a->notices_err);
	} else {
		if (!out.len)
			sb_addf(&out, _("%s is as it was sent.\n"), r->doc->title);
		char title[600];
		snprintf(title, sizeof title, _("%s: as sent, and now"), r->doc->title);
		dialog_text(a, title, out.buf);
	}
	free(sent);
	sb_release(&an);
	sb_release(&bn);
	sb_release(&text);
	sb_release(&now);
	sb_release(&out);
}

/* ---- writing ---------------------------------------------------------- */

/* Every row on, one after another; false when a signal ends the session. */
static bool write_all(struct app *a, struct screen *s)
{
	size_t written = 0, skipped = 0, failed = 0;
	char last[1200] = "";
	for (size_t i = 0; i < s->nrows; i++) {
		struct out_file *r = &s->rows[i];
		if (!r->on)
			continue;
		a->msg[0] = '\0';
		struct strbuf out;
		sb_init(&out);
		bool made = make_bytes(a, &s->parts[r->part], r, &out);
		if (term_quit_signal || term_hangup) {
			sb_release(&out);
			return false;
		}
		if (!made) {
			failed++;
			snprintf(last, sizeof last, "%s", a->msg);
			sb_release(&out);
			continue;
		}
		enum writeout_place w = writeout_folder(a, r->path) ? writeout_place(a, &r->path)
		                                                    : WRITE_SKIP;
		if (w == WRITE_QUIT) {
			sb_release(&out);
			return false;
		}
		struct diag d;
		diag_clear(&d);
		if (w == WRITE_SKIP) {
			skipped++;
			r->written = false;   /* what is there is not what this made */
		} else if (file_write_output(r->path, out.buf, out.len, 0600, &d)) {
			written++;
			r->written = true;
			r->bytes.len = 0;
			sb_addn(&r->bytes, out.buf, out.len);
		} else {
			char buf[2048];
			failed++;
			snprintf(last, sizeof last, "%s", diag_format(&d, buf, sizeof buf));
		}
		sb_release(&out);
	}
	if (failed)
		app_msg(a, C_ERROR, _("Written %zu, skipped %zu, not written %zu: %s"), written, skipped,
		        failed, last);
	else
		app_msg(a, C_OK, _("Written %zu, skipped %zu.  m: 提出済みにする"), written, skipped);
	return true;
}

/* ---- the screen ------------------------------------------------------- */

/* A line of the screen: a heading or note (row < 0) or a file. */
struct screen_line {
	struct strbuf text;
	long row;
	enum color_role role;
};

static void add_line(struct screen_line **v, size_t *n, long row, enum color_role role,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Added wrapped to the screen's width (nothing cut off at 80 columns):
 * each row of it a line, the later ones indented. */
static void add_line(struct screen_line **v, size_t *n, long row, enum color_role role,
                     const char *fmt, ...)
{
	struct strbuf text, rows;
	sb_init(&text);
	sb_init(&rows);
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&text, fmt, ap);
	va_end(ap);
	wrap_text(&rows, text.buf, COLS - 2, 6);
	for (char *p = rows.buf, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		*v = xrealloc(*v, (*n + 1) * sizeof **v);
		struct screen_line *l = &(*v)[(*n)++];
		sb_init(&l->text);
		sb_addn(&l->text, p, (size_t)(nl - p));
		l->row = row;
		l->role = role;
	}
	sb_release(&text);
	sb_release(&rows);
}

/* The folder most files go to, shown once; the rows name their files. */
static const char *folder_of(const struct screen *s, size_t *len)
{
	const char *p = s->nrows ? s->rows[0].path : "";
	const char *slash = strrchr(p, '/');
	*len = slash ? (size_t)(slash - p) : 0;
	return p;
}

static void lines_of(const struct app *a, const struct screen *s, struct screen_line **v, size_t *n)
{
	size_t flen;
	const char *folder = folder_of(s, &flen);
	*v = NULL;
	*n = 0;
	if (flen)
		add_line(v, n, -1, C_HELP, _("Folder: %.*s"), (int)flen, folder);
	for (size_t i = 0; i < s->nparts; i++) {
		const struct part *p = &s->parts[i];
		add_line(v, n, -1, C_TITLE, "%s", p->doc->title);
		for (size_t k = 0; k < s->nrows; k++) {
			const struct out_file *r = &s->rows[k];
			if (r->part != i)
				continue;
			char how[128];
			describe(r, how, sizeof how);
			const char *slash = strrchr(r->path, '/');
			bool here = flen && slash && (size_t)(slash - r->path) == flen &&
			            strncmp(r->path, folder, flen) == 0;
			add_line(v, n, (long)k, C_OK, "  [%c] %s  %s%s", r->on ? 'x' : ' ',
			         here ? slash + 1 : r->path, how, r->written ? _("  written") : "");
		}
		if (p->doc->assist)
			add_line(v, n, -1, C_HELP, "%s",
			         _("      Reported through the PPC's web form: p PPC 入力補助 copies "
			           "it item by item"));
		if (p->last) {
			char iso[16];
			date_format_iso(p->last->date, iso, sizeof iso);
			add_line(v, n, -1, C_HELP, _("      Sent: %s %s; %zu answer(s) changed since "
			                             "(v what changed, t text diff)"),
			         p->last->kind, iso, p->nchanged);
			if (send_offers_changes(p->doc, a->inc))
				add_line(v, n, -1, C_HELP, _("      九 その他 lists the changes since the %s: "
				                             "[%c] (c)"), p->last->kind, p->changes ? 'x' : ' ');
		}
	}
	if (*s->skipped)
		add_line(v, n, -1, C_HELP, _("Not needed for this incident: %s (d: why)"), s->skipped);
}

static void draw(struct app *a, const struct screen *s, size_t cur, int *top)
{
	struct screen_line *v;
	size_t n;
	lines_of(a, s, &v, &n);
	static const char footer[] =
		N_("Space on/off  Enter name  w write  m submitted  Esc back  q quit");
	app_frame(a, _("Export"), _(footer));
	int bh = app_body_height();
	size_t at = 0, end = 0;
	for (size_t i = n; i-- > 0;)
		if (v[i].row == (long)cur)
			at = i, end = end ? end : i;
	/* The file's rows in view, and the heading of its document. */
	if ((int)end >= *top + bh)
		*top = (int)end - bh + 1;
	if ((int)at - 1 < *top)
		*top = at > 0 ? (int)at - 1 : 0;
	for (int i = 0; i < bh && (size_t)(*top + i) < n; i++) {
		const struct screen_line *l = &v[*top + i];
		attr_t attr = l->row == (long)cur ? term_attr(C_FOCUS)
		            : l->row >= 0 ? A_NORMAL : l->role == C_TITLE ? A_BOLD : term_attr(C_HELP);
		if (l->row == (long)cur) {
			attrset(attr);
			mvhline(app_body_top() + i, 0, ' ', COLS);
		}
		draw_text(app_body_top() + i, 1, l->text.buf, COLS - 2, attr);
	}
	for (size_t i = 0; i < n; i++)
		sb_release(&v[i].text);
	free(v);
	curs_set(0);
	refresh();
}

enum action screen_exports(struct app *a)
{
	app_load_notices(a);
	struct screen s;
	build(a, &s);
	size_t cur = 0;
	int top = 0;
	enum action act = ACT_NONE;
	for (;;) {
		draw(a, &s, cur, &top);
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit) {
			act = ACT_QUIT;
			break;
		}
		struct out_file *r = cur < s.nrows ? &s.rows[cur] : NULL;
		struct part *p = r ? &s.parts[r->part] : NULL;
		if (rc == OK && ch == 27)
			break;
		if (rc == OK && ch == 'q')
			app_ask_quit(a);
		else if (rc == OK && ch == ' ' && r)
			r->on = !r->on;
		else if (rc == OK && (ch == '\r' || ch == '\n') && r) {
			char *name = dialog_input(a, _("File name:"), r->path);
			if (name && *name) {
				free(r->path);
				r->path = name;
				r->written = false;
			} else
				free(name);
		} else if (rc == OK && ch == 'w') {
			a->msg[0] = '\0';
			if (changes_before_write(a, &s) && !write_all(a, &s)) {
				act = ACT_QUIT;
				break;
			}
		} else if (rc == OK && ch == 'm' && r) {
			if (!r->written)
				app_msg(a, C_ERROR, "%s", _("Write this file first (w), then mark it as "
				                            "submitted."));
			else {
				submit_written(a, r->doc->id, r->path, r->bytes.buf, r->bytes.len, r->opts);
				submit_mark(a);
				load_submissions(a, &s);
			}
		} else if (rc == OK && ch == 'c' && p && p->last && send_offers_changes(p->doc, a->inc))
			p->changes = !p->changes;
		else if (rc == OK && ch == 'v' && p) {
			if (!p->last)
				app_msg(a, C_ERROR, _("%s was not submitted yet: nothing to compare."),
				        p->doc->title);
			else {
				struct strbuf sb;
				sb_init(&sb);
				changes_text(a, p, &sb);
				dialog_text(a, _("Changed since the last submission"), sb.buf);
				sb_release(&sb);
			}
		} else if (rc == OK && ch == 't' && r)
			text_diff(a, r, p);
		else if (rc == OK && ch == 'd') {
			act = screen_documents(a);
			if (act != ACT_NONE)
				break;
			load_submissions(a, &s);
		} else if (rc == OK && ch == 'p') {
			if (!screen_ppcassist(a)) {
				act = ACT_QUIT;
				break;
			}
		} else if (rc == KEY_CODE_YES && ch == KEY_UP && cur > 0)
			cur--;
		else if (rc == KEY_CODE_YES && ch == KEY_DOWN && cur + 1 < s.nrows)
			cur++;
		else if (rc == KEY_CODE_YES && ch == KEY_HOME)
			cur = 0, top = 0;
		else if (rc == KEY_CODE_YES && ch == KEY_END && s.nrows)
			cur = s.nrows - 1;
		if (term_quit_signal || term_hangup) {
			act = ACT_QUIT;
			break;
		}
	}
	release(&s);
	return act;
}
