/* part — the documents as parts of the wizard (issue 13, point 3): the
 * heading shown before each document's pages, saying what the document is
 * for, who receives it and whether this incident needs it; the part's name
 * and place on the progress line; the index's dividers.  The texts are the
 * registry's (forms/documents: part, purpose, recipient). */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "wrap.h"
#include "todoke/document.h"
#include "todoke/i18n.h"
#include "todoke/ppc.h"
#include "todoke/strbuf.h"

#define CTRL(c) ((c) & 0x1f)

bool part_english(void)
{
	/* TRANSLATORS: the language of the interface, "ja" in ja.po: the
	 * registry's Japanese texts are shown then, its -en ones otherwise. */
	return strcmp(_("en"), "ja") != 0;
}

enum color_role part_need(const struct app *a, const struct document *d, struct strbuf *out)
{
	if (!document_applies(d, a->inc->answers, NULL)) {
		sb_add(out, _("not needed: it does not apply here (you may skip it)"));
		return C_DIM;
	}
	if (!d->needs_ppc_duty) {
		sb_add(out, _("to fill in"));
		return C_OK;
	}
	struct ppc_decision pd;
	ppc_decide(a->inc->answers, &pd);
	switch (pd.verdict) {
	case PPC_MANDATORY:
		sb_add(out, _("needed: the report to the PPC is due (規則第7条)"));
		return C_HEADING;
	case PPC_UNDETERMINED:
		sb_add(out, _("not decided yet: the status line says what to answer"));
		return C_HELP;
	default:
		sb_add(out, _("not needed: no report to the PPC is due (you may skip it)"));
		return C_DIM;
	}
}

void part_counter(const struct app *a, size_t page, char *buf, size_t size)
{
	const struct wizard *w = a->wiz;
	const struct document *d = w->pages[page].doc;
	size_t nth, count;
	wizard_part_pages(w, page, &nth, &count);
	if (!d) {
		*buf = '\0';
		return;
	}
	snprintf(buf, size, _("part %zu of %zu: %s %zu/%zu"), wizard_part_of(w, page) + 1,
	         wizard_nparts(w), document_text(d, DOC_PART, part_english()), nth, count);
}

void part_divider(const struct app *a, size_t page, struct strbuf *out)
{
	const struct document *d = a->wiz->pages[page].doc;
	struct strbuf need;
	sb_init(&need);
	if (d)
		part_need(a, d, &need);
	sb_addf(out, "-- %zu. %s%s%s", wizard_part_of(a->wiz, page) + 1,
	        d ? d->title : a->wiz->pages[page].form->title, d ? ": " : "", need.buf);
	sb_release(&need);
}

static const char part_help[] = N_(
	"This page begins a part of the wizard: the questions of one document.  "
	"It says what the document is for, who receives it and whether this "
	"incident needs it.\n\n"
	"Enter, ^N or PgDn: begin the part (its first page)\n"
	"s or ^O: skip the part, to the next one (a part not needed can be left "
	"unanswered; its document is then not written)\n"
	"^P or PgUp: back to the last page before it\n"
	"^G: the list of pages   ^R: the review   q or F10: quit\n");

enum action screen_part(struct app *a)
{
	const struct page *p = &a->wiz->pages[a->page];
	const struct document *d = p->doc;
	bool en = part_english();
	size_t nth, count;
	wizard_part_pages(a->wiz, a->page, &nth, &count);
	for (;;) {
		char where[512];
		snprintf(where, sizeof where, _("Part %zu of %zu: %s"), wizard_part_of(a->wiz, a->page) + 1,
		         wizard_nparts(a->wiz), d ? document_text(d, DOC_PART, en) : p->form->title);
		app_frame(a, where, _("Enter begin  s skip this part  ^P back  ^G pages  ^R review  F1 help  q quit"));
		struct strbuf raw, sb, need;
		sb_init(&raw);
		sb_init(&sb);
		sb_init(&need);
		enum color_role role = d ? part_need(a, d, &need) : C_NORMAL;
		sb_addf(&raw, "%s\n\n", d ? d->title : p->form->title);
		if (d && *document_text(d, DOC_PURPOSE, en))
			sb_addf(&raw, _("What for: %s\n"), document_text(d, DOC_PURPOSE, en));
		if (d && *document_text(d, DOC_RECIPIENT, en))
			sb_addf(&raw, _("Who receives it: %s\n"), document_text(d, DOC_RECIPIENT, en));
		sb_addf(&raw, _("Its questions: %zu pages, from page %zu\n"), count, a->page + 1);
		wrap_text(&sb, raw.buf, COLS - 2, 2);
		int y = app_body_top() + 1;
		for (const char *s = sb.buf; *s && y < LINES - 3;) {
			size_t n = strcspn(s, "\n");
			char line[1024];
			snprintf(line, sizeof line, "%.*s", (int)n, s);
			/* The document's title first, as a heading. */
			attr_t at = y == app_body_top() + 1 ? term_attr(C_HEADING) : A_NORMAL;
			draw_text(y++, 1, line, COLS - 2, at);
			s += n + (s[n] == '\n');
		}
		/* Whether this incident needs it, in its colour: the answer to
		 * 「do I have to fill this in?」. */
		sb_release(&sb);
		sb_init(&sb);
		char lead[256];
		snprintf(lead, sizeof lead, _("For this incident: %s"), need.buf);
		wrap_text(&sb, lead, COLS - 2, 2);
		y++;
		for (const char *s = sb.buf; d && *s && y < LINES - 2;) {
			size_t n = strcspn(s, "\n");
			char line[1024];
			snprintf(line, sizeof line, "%.*s", (int)n, s);
			draw_text(y++, 1, line, COLS - 2, term_attr(role));
			s += n + (s[n] == '\n');
		}
		sb_release(&raw);
		sb_release(&sb);
		sb_release(&need);
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit)
			return ACT_QUIT;
		if (rc == OK && (ch == '\r' || ch == '\n' || ch == CTRL('n')))
			return ACT_NEXT;
		if (rc == OK && (ch == 's' || ch == 'S' || ch == CTRL('o')))
			return ACT_SKIP;
		if (rc == OK && ch == CTRL('p'))
			return ACT_PREV;
		if (rc == OK && ch == CTRL('g'))
			return ACT_INDEX;
		if (rc == OK && ch == CTRL('r'))
			return ACT_REVIEW;
		if (rc == OK && ch == 'q') {
			app_ask_quit(a);
			continue;
		}
		if ((rc == KEY_CODE_YES && ch == KEY_F(1)) || (rc == OK && ch == '?')) {
			struct strbuf help;
			sb_init(&help);
			wrap_text(&help, _(part_help), COLS - 2, 2);
			dialog_text(a, _("Help"), help.buf);
			sb_release(&help);
			continue;
		}
		if (rc == KEY_CODE_YES && ch == KEY_NPAGE)
			return ACT_NEXT;
		if (rc == KEY_CODE_YES && ch == KEY_PPAGE)
			return ACT_PREV;
	}
}
