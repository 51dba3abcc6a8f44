/* listrow — one incident as a line of the start screen's lists (the
 * incidents, the trash): its state and name first, then its dates and
 * progress, which a long name shortens but never hides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "listrow.h"
#include "wrap.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"
#include "todoke/textwidth.h"

/* lead, title, mark and tail on one line of cols columns: only the title
 * is shortened, with "..." (never "…": ambiguous width), between
 * clusters; the state before it and the file and dates after it stay. */
static void fit(struct strbuf *out, const char *lead, const char *title, const char *mark,
                const char *tail, int cols)
{
	int fixed = tw_swidth(lead) + tw_swidth(mark) + tw_swidth(tail);
	if (fixed + tw_swidth(title) <= cols || cols - fixed < 8) {
		sb_addf(out, "%s%s%s%s", lead, title, mark, tail);
		return;
	}
	int used;
	size_t n = tw_fit(title, strlen(title), cols - fixed - 3, TW_SCREEN, &used);
	sb_add(out, lead);
	sb_addn(out, title, n);
	sb_addf(out, "...%s%s", mark, tail);
}

/* A time of today as 06:12, any other as its day: short enough for the
 * name to keep its room at 80 columns. */
static void when(time_t t, char *buf, size_t size)
{
	struct tm tm, now;
	time_t n = time(NULL);
	localtime_r(&t, &tm);
	localtime_r(&n, &now);
	bool today = tm.tm_year == now.tm_year && tm.tm_yday == now.tm_yday;
	strftime(buf, size, today ? "%H:%M" : "%Y-%m-%d", &tm);
}

bool list_title_repeats(const struct store_entry *v, size_t n, size_t i)
{
	for (size_t k = 0; k < n; k++)
		if (k != i && strcmp(v[k].title, v[i].title) == 0)
			return true;
	return false;
}

static int cmp_title(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void list_titles_sort(struct list_titles *t, const struct store_entry *v, size_t n)
{
	free(t->sorted);
	t->sorted = n ? xmalloc(n * sizeof *t->sorted) : NULL;
	t->n = n;
	for (size_t i = 0; i < n; i++)
		t->sorted[i] = v[i].title;
	if (n)
		qsort(t->sorted, n, sizeof *t->sorted, cmp_title);
}

bool list_titles_repeated(const struct list_titles *t, const char *title)
{
	/* The first of title's run, then whether the next is the same. */
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(t->sorted[mid], title) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo + 1 < t->n && strcmp(t->sorted[lo], title) == 0 &&
	       strcmp(t->sorted[lo + 1], title) == 0;
}

void list_titles_release(struct list_titles *t)
{
	free(t->sorted);
	t->sorted = NULL;
	t->n = 0;
}

void list_row(const struct store_entry *e, bool repeated, int cols, struct strbuf *out)
{
	struct strbuf mark, tail;
	sb_init(&mark);
	sb_init(&tail);
	char disc[32] = "-", changed[32], deleted[32];
	when(e->mtime, changed, sizeof changed);
	if (e->has_discovery)
		date_format_iso(e->discovery, disc, sizeof disc);
	/* The state first: a long title must not hide it. */
	const char *state = e->lock == LOCK_HELD ? _("[in use] ")
	                    : e->lock == LOCK_TAKEN_STALE ? _("[interrupted: Enter recovers it] ")
	                    : "";
	/* Two of one name are told apart by their files. */
	if (repeated) {
		const char *slash = strrchr(e->path, '/'), *base = slash ? slash + 1 : e->path;
		size_t n = strlen(base);
		if (n > 9 && strcmp(base + n - 9, ".incident") == 0)
			n -= 9;
		sb_addf(&mark, " [%.*s]", (int)n, base);
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
		sb_addf(out, "%s%s%s%s", state, e->title, mark.buf, tail.buf);
	else
		fit(out, state, e->title, mark.buf, tail.buf, cols);
	sb_release(&mark);
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
