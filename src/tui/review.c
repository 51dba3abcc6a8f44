/* review — the list of pages, what is still open, and the way to the
 * documents (documents.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "exports.h"
#include "submit.h"
#include "todoke/check.h"
#include "todoke/encode.h"
#include "todoke/export.h"
#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"
#include "todoke/textwidth.h"

/* Page list with each page's progress, grouped by document: a divider
 * before each part says which document it is and whether this incident
 * needs it (part.c); Enter jumps to a page. */
enum action screen_index(struct app *a)
{
	size_t cur = a->page;
	size_t n = a->wiz->npages;
	for (;;) {
		int bh = app_body_height();
		/* Lines: a divider before each part, then its pages. */
		size_t nl = 0;
		int cur_line = 0;
		for (size_t i = 0; i < n; i++) {
			nl += a->wiz->pages[i].part_first;
			if (i == cur)
				cur_line = (int)nl;
			nl++;
		}
		int top = cur_line - bh + 1 > 0 ? cur_line - bh + 1 : 0;
		/* A part's first page is shown with its divider. */
		if (cur_line == top && cur_line > 0 && a->wiz->pages[cur].part_first)
			top = cur_line - 1;
		app_frame(a, _("Pages"), _("Up/Down choose  Enter go  ^R review  Esc back  q quit"));
		int line = 0;
		for (size_t i = 0; i < n; i++) {
			const struct page *p = &a->wiz->pages[i];
			if (p->part_first) {
				if (line >= top && line - top < bh) {
					struct strbuf div;
					sb_init(&div);
					part_divider(a, i, &div);
					draw_short(app_body_top() + line - top, 1, div.buf, COLS - 2,
					           term_attr(C_HEADING));
					sb_release(&div);
				}
				line++;
			}
			if (line >= top && line - top < bh) {
				int y = app_body_top() + line - top;
				size_t done, total;
				page_progress(p, a->inc->answers, &done, &total);
				char buf[512];
				snprintf(buf, sizeof buf, "%2zu. %s", i + 1, p->title);
				attr_t at = i == cur ? term_attr(C_FOCUS) : A_NORMAL;
				if (at != A_NORMAL) {
					attrset(at);
					mvhline(y, 0, ' ', COLS);
				}
				draw_short(y, 1, buf, COLS - 14, at);
				snprintf(buf, sizeof buf, "%zu/%zu", done, total);
				draw_text(y, COLS - 10, buf, 9, at);
			}
			line++;
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
		if (rc == OK && ch == 'q') {
			app_ask_quit(a);
			continue;
		}
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
					sb_addf(sb, "  [x] %s%s%s\n", r->q->label, *note ? ": " : "", note);
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
				/* Labeled as every answer is: a page may hold several. */
				const char *t = model_text(m, r->q->id);
				sb_addf(sb, "  %s:%s%s\n", r->q->label, *t ? "" : " ", *t ? "" : _("(empty)"));
				if (*t)
					put_answer_lines(sb, "    ", t);
				break;
			}
			case ROW_REPEAT: {
				size_t n = model_entry_count(m, r->q->id);
				sb_addf(sb, "  %s:%s%s\n", r->q->label, n ? "" : " ", n ? "" : _("(no entries)"));
				for (size_t e = 0; e < n; e++) {
					const struct model *em = model_entry(m, r->q->id, e);
					/* The entry as the list shows it, then its texts whole. */
					char *t = wizard_entry_summary(r->q, em);
					sb_addf(sb, "  %zu. %s\n", e + 1, *t ? t : _("(empty entry)"));
					free(t);
					for (size_t f = 0; f < r->q->nfields; f++)
						if (r->q->fields[f].type == Q_LINES &&
						    strchr(model_text(em, r->q->fields[f].id), '\n'))
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

/* What is wrong first: every problem `check` finds, then every page with
 * its answers counted (issue 13, point 12). */
enum action screen_review(struct app *a)
{
	app_load_notices(a);
	size_t cur = 0;
	int top = 0;
	for (;;) {
		struct problems p;
		check_incident(a->inc, a->today, &p);
		check_documents(a->inc, a->notices, &p);
		size_t nitems = a->wiz->npages + p.n;
		int bh = app_body_height();
		if (cur >= nitems)
			cur = nitems ? nitems - 1 : 0;
		if ((int)cur < top)
			top = (int)cur;
		if ((int)cur >= top + bh)
			top = (int)cur - bh + 1;
		char where[256];
		snprintf(where, sizeof where, _("Review: %zu problem(s)"), p.n);
		submit_review_title(a, where, sizeof where);
		app_frame(a, where, _("Enter go  a answers  d documents  e export  Esc back  q quit"));
		for (int i = 0; i < bh && top + i < (int)nitems; i++) {
			size_t k = (size_t)(top + i);
			char buf[1200];
			attr_t at = k == cur ? term_attr(C_FOCUS) : A_NORMAL;
			if (k >= p.n) {
				size_t pg = k - p.n, done, total;
				page_progress(&a->wiz->pages[pg], a->inc->answers, &done, &total);
				snprintf(buf, sizeof buf, "%s%s  (%zu/%zu)", done ? "    " : "[ ] ",
				         a->wiz->pages[pg].title, done, total);
			} else {
				const struct problem *pr = &p.v[k];
				snprintf(buf, sizeof buf, "%s %s",
				         pr->sev == SEV_ERROR ? _("error:")
				         : pr->sev == SEV_WORDING ? _("wording:") : _("missing:"), pr->msg);
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
		if (rc == OK && ch == 27)
			act = ACT_PREV;
		else if (rc == OK && ch == 'q')
			app_ask_quit(a);
		else if (rc == OK && (ch == '\r' || ch == '\n')) {
			/* A problem leads to the page of its question. */
			size_t target = cur >= p.n ? cur - p.n : 0;
			if (cur < p.n)
				target = app_page_of(a, p.v[cur].id);
			a->goto_page = target;
			act = ACT_GOTO;
		} else if (rc == OK && ch == 'a') {
			struct strbuf sb;
			sb_init(&sb);
			answers_text(a, &sb);
			dialog_text(a, _("All answers"), sb.buf);
			sb_release(&sb);
		} else if (rc == OK && ch == 'd') {
			act = screen_documents(a);
		} else if (rc == OK && ch == 'e') {
			act = screen_exports(a);
		} else if (rc == OK && ch == 's')
			submit_review(a);
		else if (rc == OK && ch == 'm')
			submit_mark(a);
		else if (rc == KEY_CODE_YES && ch == KEY_UP && cur > 0)
			cur--;
		else if (rc == KEY_CODE_YES && ch == KEY_DOWN)
			cur++;
		/* By screens: the list moves a screen, the focus with it. */
		else if (rc == KEY_CODE_YES && ch == KEY_NPAGE) {
			cur += (size_t)bh;
			top += bh;
			if (top > (int)nitems - bh)
				top = (int)nitems > bh ? (int)nitems - bh : 0;
		} else if (rc == KEY_CODE_YES && ch == KEY_PPAGE) {
			cur = cur > (size_t)bh ? cur - (size_t)bh : 0;
			top = top > bh ? top - bh : 0;
		} else if (rc == KEY_CODE_YES && ch == KEY_HOME)
			cur = 0, top = 0;
		else if (rc == KEY_CODE_YES && ch == KEY_END) {
			cur = nitems ? nitems - 1 : 0;
			top = (int)nitems > bh ? (int)nitems - bh : 0;
		}
		problems_release(&p);
		if (act != ACT_NONE)
			return act;
	}
}
