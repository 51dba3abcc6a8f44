/* listrow — one incident as a line of the start screen's lists (the
 * incidents, the trash): its state and name first, then its dates and
 * progress, which a long name shortens but never hides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "listrow.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"
#include "todoke/textwidth.h"

/* head shortened with "..." (never "…": ambiguous width) to what leaves
 * room for tail in cols columns, between clusters. */
static void fit(struct strbuf *out, const char *head, const char *tail, int cols)
{
	int tw = tw_swidth(tail), hw = tw_swidth(head);
	if (hw + tw <= cols || cols - tw < 8) {
		sb_addf(out, "%s%s", head, tail);
		return;
	}
	int used;
	size_t n = tw_fit(head, strlen(head), cols - tw - 3, TW_SCREEN, &used);
	sb_addn(out, head, n);
	sb_addf(out, "...%s", tail);
}

static void when(time_t t, char *buf, size_t size)
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
}

bool list_title_repeats(const struct store_entry *v, size_t n, size_t i)
{
	for (size_t k = 0; k < n; k++)
		if (k != i && strcmp(v[k].title, v[i].title) == 0)
			return true;
	return false;
}

void list_row(const struct store_entry *e, bool repeated, int cols, struct strbuf *out)
{
	struct strbuf head, tail;
	sb_init(&head);
	sb_init(&tail);
	char disc[32] = "-", changed[32], deleted[32];
	when(e->mtime, changed, sizeof changed);
	if (e->has_discovery)
		date_format_iso(e->discovery, disc, sizeof disc);
	/* The state first: a long title must not hide it. */
	const char *state = e->lock == LOCK_HELD ? _("[in use] ")
	                    : e->lock == LOCK_TAKEN_STALE ? _("[interrupted: Enter recovers it] ")
	                    : "";
	sb_addf(&head, "%s%s", state, e->title);
	/* Two of one name are told apart by their files. */
	if (repeated) {
		const char *slash = strrchr(e->path, '/');
		sb_addf(&head, "  [%s]", slash ? slash + 1 : e->path);
	}
	if (e->error)
		sb_addf(&tail, _(": cannot be read: %s"), e->error);
	else if (e->deleted) {
		when(e->deleted, deleted, sizeof deleted);
		sb_addf(&tail, _("  (deleted %s, found %s, %zu/%zu answered)"), deleted, disc,
		        e->answered, e->total);
	} else
		sb_addf(&tail, _("  (found %s, changed %s, %zu/%zu answered)"), disc, changed,
		        e->answered, e->total);
	/* An error is read whole rather than a name: it may be cut instead. */
	if (e->error)
		sb_addf(out, "%s%s", head.buf, tail.buf);
	else
		fit(out, head.buf, tail.buf, cols);
	sb_release(&head);
	sb_release(&tail);
}

/* What a confirmation is about, in the body where there is room for it
 * whole, before the short question on the message line. */
void list_explain(const char *text)
{
	struct strbuf sb;
	sb_init(&sb);
	wrap_text(&sb, text, COLS - 4, 0);
	int y = app_body_top() + 1, bottom = app_body_top() + app_body_height();
	for (int r = app_body_top(); r < bottom; r++) {
		move(r, 0);
		clrtoeol();
	}
	for (const char *p = sb.buf; *p && y < bottom; y++) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);
		draw_text(y, 2, line, COLS - 4, A_BOLD);
		free(line);
		p += n + (p[n] == '\n');
	}
	sb_release(&sb);
}
