/* ppcassist — the PPC report item by item, copied with OSC 52. */
#include "ppcassist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "wrap.h"
#include "todoke/export.h"
#include "todoke/i18n.h"
#include "todoke/mail.h"
#include "todoke/ppcfields.h"
#include "todoke/strbuf.h"

/* ESC ] 52 ; c ; BASE64 BEL, written past curses' buffer (after a refresh,
 * so that nothing of the screen is cut in two): the terminal, or tmux
 * with `set-clipboard on`, puts the text on the clipboard.  No terminal
 * answers, so whether it worked is not known here. */
static void osc52_copy(const char *text)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, "\033]52;c;");
	base64_encode((const unsigned char *)text, strlen(text), &sb, false);
	sb_addc(&sb, '\a');
	fflush(stdout);
	for (size_t off = 0; off < sb.len;) {
		ssize_t w = write(STDOUT_FILENO, sb.buf + off, sb.len - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	sb_release(&sb);
}

static const char *help_text(void)
{
	return _("PPC form assistant\n"
	         "\n"
	         "The PPC accepts the report only through its web form. This screen lists\n"
	         "the report's items in the form's order: the reporter, then items 1 to 9\n"
	         "of Article 8 of the Rules, each with its text exactly as the exported\n"
	         "report has it.\n"
	         "\n"
	         "Enter copies the chosen item to the clipboard, marks it [x] and moves to\n"
	         "the next; paste it into the web form's field. The copy uses the OSC 52\n"
	         "terminal sequence: Windows Terminal, kitty and WezTerm accept it, tmux\n"
	         "when `set-clipboard on` is set, xterm and iTerm2 only when allowed in\n"
	         "their settings. todoke cannot tell whether it worked: if the paste is\n"
	         "empty or old, select the item's text shown below the list with the\n"
	         "mouse instead.\n"
	         "\n"
	         "Up/Down choose an item, Esc goes back, q quits.");
}

/* The list's rows and the pane below it share the body. */
static void draw(struct app *a, const struct ppc_fields *f, const bool *copied, size_t cur,
                 size_t *top)
{
	app_frame(a, _("PPC form assistant"),
	          _("Enter copy (OSC 52; cannot tell if it worked)  F1 help  Esc back  q quit"));
	int y0 = app_body_top(), bh = app_body_height();
	int rows = bh / 2 < 3 ? (bh < 3 ? bh : 3) : bh / 2;
	if (cur < *top)
		*top = cur;
	if (cur >= *top + (size_t)rows)
		*top = cur - (size_t)rows + 1;
	for (int i = 0; i < rows && *top + (size_t)i < f->n; i++) {
		size_t k = *top + (size_t)i;
		struct strbuf line;
		sb_init(&line);
		sb_addf(&line, "%s %s", copied[k] ? "[x]" : "[ ]", f->v[k].label);
		attr_t at = k == cur ? term_attr(C_FOCUS) : A_NORMAL;
		if (k == cur) {
			attrset(at);
			mvhline(y0 + i, 0, ' ', COLS);
		}
		draw_text(y0 + i, 1, line.buf, COLS - 2, at);
		sb_release(&line);
	}
	if (rows >= bh || cur >= f->n)
		return;
	attrset(term_attr(C_DIM));
	mvhline(y0 + rows, 0, '-', COLS);
	draw_text(y0 + rows, 2, f->v[cur].label, COLS - 4, term_attr(C_DIM));
	struct strbuf w;
	sb_init(&w);
	wrap_text(&w, f->v[cur].text, COLS - 2, 0);
	int y = y0 + rows + 1;
	for (const char *s = w.buf; *s && y < y0 + bh; y++) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		char *row = strndup(s, n);
		if (row)
			draw_text(y, 1, row, COLS - 2, A_NORMAL);
		free(row);
		s += n + (nl != NULL);
	}
	sb_release(&w);
}

bool screen_ppcassist(struct app *a)
{
	const struct document *doc = incident_decision_document(a->inc);
	struct strbuf report;
	struct diag d;
	sb_init(&report);
	diag_clear(&d);
	if (!doc) {
		app_msg(a, C_ERROR, "%s", _("This incident has no PPC report."));
		sb_release(&report);
		return true;
	}
	if (!export_document(doc, a->inc, a->notices, NOTICE_TEXT, &report, NULL, &d)) {
		char buf[1200];
		app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
		sb_release(&report);
		return true;
	}
	struct ppc_fields f;
	ppc_fields_split(report.buf, &f);
	sb_release(&report);
	bool *copied = calloc(f.n ? f.n : 1, sizeof *copied);
	if (!copied)
		abort();
	size_t cur = 0, top = 0;
	bool alive = true;
	for (;;) {
		draw(a, &f, copied, cur, &top);
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit) {
			alive = false;
			break;
		}
		if (rc == OK && ch == 27)
			break;
		if (rc == OK && ch == 'q')
			app_ask_quit(a);
		else if ((rc == KEY_CODE_YES && ch == KEY_F(1)) || (rc == OK && ch == '?'))
			dialog_text(a, _("Help: PPC form assistant"), help_text());
		else if (((rc == OK && (ch == '\r' || ch == '\n')) ||
		          (rc == KEY_CODE_YES && ch == KEY_ENTER)) && cur < f.n) {
			osc52_copy(f.v[cur].text);
			copied[cur] = true;
			app_msg(a, C_OK, _("Copied (if the terminal allows OSC 52): %s"), f.v[cur].label);
			if (cur + 1 < f.n)
				cur++;
		} else if (rc == KEY_CODE_YES && ch == KEY_UP && cur > 0)
			cur--;
		else if (rc == KEY_CODE_YES && ch == KEY_DOWN && cur + 1 < f.n)
			cur++;
		else if (rc == KEY_CODE_YES && ch == KEY_HOME)
			cur = 0;
		else if (rc == KEY_CODE_YES && ch == KEY_END && f.n)
			cur = f.n - 1;
	}
	free(copied);
	ppc_fields_release(&f);
	return alive;
}
