/* editor — input filtering, edits and moves.  The lines and their
 * clusters are in text.c, layout and vertical moves in layout.c. */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "todoke/strbuf.h"
#include "todoke/textwidth.h"
#include "todoke/utf8.h"

size_t ed_nlines(const struct editor *ed)
{
	return ed->nln;
}

bool ed_changed_lines(const struct editor *ed, size_t *first, size_t *tail)
{
	*first = ed->jfirst < ed->nln ? ed->jfirst : ed->nln;
	*tail = ed->jtail < ed->nln - *first ? ed->jtail : ed->nln - *first;
	return ed->changes != ed->jmark;
}

void ed_mark_lines(struct editor *ed)
{
	ed->jmark = ed->changes;
	ed->jfirst = ed->jtail = ed->nln;
}

char *ed_lines_text(const struct editor *ed, size_t from, size_t to)
{
	if (to > ed->nln)
		to = ed->nln;
	if (from >= to)
		return xstrdup("");
	size_t end = to < ed->nln ? ed_line_first(ed, to) : ed->ncl;
	return ed_text_range(ed, ed_line_first(ed, from), end);
}

/* ---- clusters ---------------------------------------------------------- */

static size_t count_clusters(const wchar_t *a, size_t n)
{
	size_t k = 0;
	int w;
	for (size_t i = 0; i < n; k++)
		i = ed_scan_cluster(a, n, i, &w);
	return k;
}

/* ---- input ------------------------------------------------------------- */

struct wbuf {
	wchar_t *p;
	size_t n, cap;
};

static void wb_push(struct wbuf *b, wchar_t c)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->p = xrealloc(b->p, b->cap * sizeof *b->p);
	}
	b->p[b->n++] = c;
}

struct filter {
	bool multiline;
	bool cr;  /* the last code point was CR: a LF after it is the same break */
	bool brk; /* single-line: a line break waits to become a space */
	unsigned flags;
};

static void filter_cp(struct filter *f, uint32_t cp, struct wbuf *out)
{
	bool after_cr = f->cr;
	f->cr = cp == '\r';
	if (cp == '\n' && after_cr)
		return;
	if (cp == '\r' || cp == 0x2028 || cp == 0x2029)
		cp = '\n';
	if (cp == '\n') {
		if (f->multiline)
			wb_push(out, L'\n');
		else
			f->brk = true;
		return;
	}
	if (cp == '\t') {
		cp = ' ';
	} else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
		f->flags |= ED_DROPPED;
		return;
	} else if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
		cp = 0xFFFD;
		f->flags |= ED_REPLACED;
	}
	if (f->brk) {
		wb_push(out, L' ');
		f->brk = false;
	}
	wb_push(out, (wchar_t)cp);
}

static void filter_utf8(struct filter *f, const char *s, size_t n, struct wbuf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		size_t k = utf8_seqlen(u + i, n - i);
		if (!k) {
			f->flags |= ED_REPLACED;
			filter_cp(f, 0xFFFD, out);
			i++;
			continue;
		}
		filter_cp(f, (uint32_t)utf8_decode(u + i, k), out);
		i += k;
	}
}

/* ---- edits ------------------------------------------------------------- */

void ed_act(struct editor *ed, bool vertical, bool kill)
{
	if (!vertical)
		ed->goal = -1;
	if (!kill)
		ed->killing = false;
}

/* How many of the k code points w fit at the cursor under the maximum
 * length.  A ZWJ can make the count go down as well as up, so the search
 * finds a prefix that fits, not always the longest one. */
static size_t fit_max(const struct editor *ed, const wchar_t *w, size_t k)
{
	size_t lo = 0, hi = k, at = ed->cur;
	if (ed_count_after(ed, at, at, w, k) <= ed->max)
		lo = k;
	else if (ed_count_after(ed, at, at, w, 0) <= ed->max)
		while (hi - lo > 1) { /* count(lo) fits, count(hi) does not */
			size_t mid = lo + (hi - lo) / 2;
			if (ed_count_after(ed, at, at, w, mid) <= ed->max)
				lo = mid;
			else
				hi = mid;
		}
	return lo;
}

static unsigned insert_wcs(struct editor *ed, const wchar_t *w, size_t k)
{
	unsigned flags = 0;
	if (ed->max && k) {
		size_t keep = fit_max(ed, w, k);
		if (keep < k) {
			flags |= ED_TRUNCATED;
			k = keep;
		}
	}
	if (!k)
		return flags;
	ed_replace(ed, ed->cur, ed->cur, w, k, false);
	ed->changes++;
	return flags;
}

static void delete_range(struct editor *ed, size_t from, size_t to)
{
	ed_replace(ed, from, to, NULL, 0, true);
	ed->changes++;
}

struct editor *ed_new(bool multiline)
{
	struct editor *ed = xcalloc(1, sizeof *ed);
	ed->multiline = multiline;
	ed->goal = -1;
	ed_load(ed, NULL, 0);
	return ed;
}

void ed_free(struct editor **edp)
{
	if (!edp || !*edp)
		return;
	struct editor *ed = *edp;
	ed_free_lines(ed);
	free(ed->ln);
	free(ed->fcl);
	free(ed->frow);
	free(ed->kill);
	free(ed->rows);
	free(ed->look);
	free(ed);
	*edp = NULL;
}

bool ed_multiline(const struct editor *ed)
{
	return ed->multiline;
}

unsigned ed_set_text(struct editor *ed, const char *utf8)
{
	ed_act(ed, false, false);
	struct filter f = { .multiline = ed->multiline };
	struct wbuf b = { 0 };
	if (utf8)
		filter_utf8(&f, utf8, strlen(utf8), &b);
	if (ed->max && count_clusters(b.p, b.n) > ed->max) {
		/* Cut at the last cluster boundary that fits. */
		size_t i = 0, k = 0;
		int w;
		while (k < ed->max && i < b.n) {
			i = ed_scan_cluster(b.p, b.n, i, &w);
			k++;
		}
		b.n = i;
		f.flags |= ED_TRUNCATED;
	}
	wchar_t *old = NULL;
	size_t nold = 0, capold = 0;
	ed_copy(ed, 0, ed->ncl, &old, &nold, &capold);
	bool same = b.n == nold && (!b.n || !memcmp(b.p, old, b.n * sizeof *b.p));
	free(old);
	if (!same) {
		ed_load(ed, b.p, b.n);
		ed->changes++;
	}
	free(b.p);
	ed->cur = ed->ncl;
	ed->hscroll = ed->vtop = 0;
	return f.flags;
}

/* UTF-8 bytes of c (a value the filter let in: no surrogates). */
static size_t u8len(uint32_t c)
{
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* Encodes w[0..n) after out (room enough); returns the end. */
static char *encode(char *out, const wchar_t *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t c = (uint32_t)w[i];
		if (c < 0x80) {
			*out++ = (char)c;
		} else if (c < 0x800) {
			*out++ = (char)(0xC0 | c >> 6);
			*out++ = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			*out++ = (char)(0xE0 | c >> 12);
			*out++ = (char)(0x80 | ((c >> 6) & 0x3F));
			*out++ = (char)(0x80 | (c & 0x3F));
		} else {
			*out++ = (char)(0xF0 | c >> 18);
			*out++ = (char)(0x80 | ((c >> 12) & 0x3F));
			*out++ = (char)(0x80 | ((c >> 6) & 0x3F));
			*out++ = (char)(0x80 | (c & 0x3F));
		}
	}
	return out;
}

/* One pass to size it, one to write it, line by line: autosave takes the
 * whole text every few seconds. */
char *ed_text_range(const struct editor *ed, size_t from, size_t to)
{
	if (to > ed->ncl)
		to = ed->ncl;
	if (from > to)
		from = to;
	size_t fa, fb, la = ed_line_of(ed, from, &fa), lb = ed_line_of(ed, to, &fb), len = 0;
	for (size_t l = la; l <= lb; l++) {
		const struct line *ln = ed->ln[l];
		size_t a = l == la ? ln->cl[fa].at : 0, b = l == lb ? ln->cl[fb].at : ln->n;
		for (size_t i = a; i < b; i++)
			len += u8len((uint32_t)ln->wc[i]);
	}
	char *s = xmalloc(len + 1), *p = s;
	for (size_t l = la; l <= lb; l++) {
		const struct line *ln = ed->ln[l];
		size_t a = l == la ? ln->cl[fa].at : 0, b = l == lb ? ln->cl[fb].at : ln->n;
		p = encode(p, ln->wc + a, b - a);
	}
	*p = '\0';
	return s;
}

char *ed_text(const struct editor *ed)
{
	return ed_text_range(ed, 0, ed->ncl);
}

void ed_set_max(struct editor *ed, size_t max_clusters)
{
	ed->max = max_clusters;
}

unsigned long ed_changes(const struct editor *ed)
{
	return ed->changes;
}

bool ed_modified(const struct editor *ed)
{
	return ed->changes != ed->saved;
}

void ed_mark_saved(struct editor *ed)
{
	ed->saved = ed->changes;
}

/* ---- clusters ---------------------------------------------------------- */

size_t ed_len(const struct editor *ed)
{
	return ed->ncl;
}

size_t ed_cursor(const struct editor *ed)
{
	return ed->cur;
}

const wchar_t *ed_cluster(const struct editor *ed, size_t i, size_t *n, int *width)
{
	if (i >= ed->ncl) {
		*n = 0;
		*width = 0;
		return NULL;
	}
	const struct line *ln;
	const struct clu *c = ed_clu(ed, i, &ln);
	*n = c[1].at - c[0].at;
	*width = c->width;
	return ln->wc + c->at;
}

bool ed_is_newline(const struct editor *ed, size_t i)
{
	return i < ed->ncl && ed_nl(ed, i);
}

int ed_span_width(const struct editor *ed, size_t from, size_t to)
{
	int w = 0;
	if (to > ed->ncl)
		to = ed->ncl;
	if (from >= to)
		return 0;
	size_t local, l = ed_line_of(ed, from, &local);
	for (size_t i = from; i < to; i++, local++) {
		while (local >= ed->ln[l]->ncl) {
			l++;
			local = 0;
		}
		w += ed->ln[l]->cl[local].width;
	}
	return w;
}

size_t ed_fit(const struct editor *ed, size_t from, int width, int *used)
{
	int w = 0;
	size_t i = from < ed->ncl ? from : ed->ncl, local, l = ed_line_of(ed, i, &local);
	const struct line *ln = ed->ln[l];
	while (local < ln->ncl && ln->wc[ln->cl[local].at] != L'\n' &&
	       w + ln->cl[local].width <= width) {
		w += ln->cl[local++].width;
		i++;
	}
	if (used)
		*used = w;
	return i;
}

/* ---- editing ----------------------------------------------------------- */

unsigned ed_insert_n(struct editor *ed, const char *utf8, size_t n)
{
	ed_act(ed, false, false);
	struct filter f = { .multiline = ed->multiline };
	struct wbuf b = { 0 };
	filter_utf8(&f, utf8, n, &b);
	unsigned flags = f.flags | insert_wcs(ed, b.p, b.n);
	free(b.p);
	return flags;
}

unsigned ed_insert(struct editor *ed, const char *utf8)
{
	return ed_insert_n(ed, utf8 ? utf8 : "", utf8 ? strlen(utf8) : 0);
}

unsigned ed_insert_char(struct editor *ed, wchar_t wc)
{
	ed_act(ed, false, false);
	struct filter f = { .multiline = ed->multiline };
	struct wbuf b = { 0 };
	/* Through uint32_t so that a negative wchar_t is out of range too. */
	filter_cp(&f, (uint32_t)wc, &b);
	unsigned flags = f.flags | insert_wcs(ed, b.p, b.n);
	free(b.p);
	return flags;
}

bool ed_backspace(struct editor *ed)
{
	ed_act(ed, false, false);
	if (ed->cur == 0)
		return false;
	delete_range(ed, ed->cur - 1, ed->cur);
	return true;
}

bool ed_delete(struct editor *ed)
{
	ed_act(ed, false, false);
	if (ed->cur >= ed->ncl)
		return false;
	delete_range(ed, ed->cur, ed->cur + 1);
	return true;
}

static size_t line_start(const struct editor *ed, size_t p)
{
	size_t local;
	ed_line_of(ed, p, &local);
	return p - local;
}

static size_t line_end(const struct editor *ed, size_t p)
{
	size_t local, l = ed_line_of(ed, p, &local);
	const struct line *ln = ed->ln[l];
	size_t end = ln->ncl;
	if (end && ln->wc[ln->cl[end - 1].at] == L'\n')
		end--;
	return p - local + end;
}

/* Kills [from, to); a kill going backwards puts its text before the text
 * of the kills just before it. */
static bool kill_range(struct editor *ed, size_t from, size_t to, bool backward)
{
	ed_act(ed, false, true);
	if (from >= to)
		return false;
	if (!ed->killing)
		ed->nkill = 0;
	wchar_t *w = NULL;
	size_t k = 0, cap = 0;
	ed_copy(ed, from, to, &w, &k, &cap);
	if (ed->nkill + k > ed->killcap) {
		ed->killcap = ed->nkill + k;
		ed->kill = xrealloc(ed->kill, ed->killcap * sizeof *ed->kill);
	}
	if (backward) {
		memmove(ed->kill + k, ed->kill, ed->nkill * sizeof *ed->kill);
		memcpy(ed->kill, w, k * sizeof *ed->kill);
	} else {
		memcpy(ed->kill + ed->nkill, w, k * sizeof *ed->kill);
	}
	free(w);
	ed->nkill += k;
	delete_range(ed, from, to);
	ed->killing = true;
	return true;
}

bool ed_kill_to_end(struct editor *ed)
{
	size_t to = ed->cur < ed->ncl && ed_nl(ed, ed->cur) ? ed->cur + 1 : line_end(ed, ed->cur);
	return kill_range(ed, ed->cur, to, false);
}

bool ed_kill_to_start(struct editor *ed)
{
	size_t from = line_start(ed, ed->cur);
	if (from == ed->cur && from > 0)
		from--; /* the newline before */
	return kill_range(ed, from, ed->cur, true);
}

/* ---- words ------------------------------------------------------------- */

enum wclass { W_SEP, W_ALNUM, W_HIRA, W_KATA, W_KANJI, W_OTHER };

static enum wclass char_class(wchar_t wc)
{
	uint32_t c = (uint32_t)wc;
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? W_ALNUM : W_SEP;
	if (c >= 0x3041 && c <= 0x309F)
		return W_HIRA;
	if (c == 0x30A0 || c == 0x30FB) /* ゠ ・ */
		return W_SEP;
	if ((c >= 0x30A1 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
	    (c >= 0xFF66 && c <= 0xFF9F))
		return W_KATA;
	if (c == 0x3005 || c == 0x3006 || c == 0x3007 || c == 0x303B || /* 々〆〇〻 */
	    (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF))
		return W_KANJI;
	if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
	    (c >= 0xFF41 && c <= 0xFF5A))
		return W_ALNUM; /* full-width letters and digits */
	if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65) ||
	    (c >= 0x2000 && c <= 0x206F) || (c >= 0xA0 && c <= 0xBF) ||
	    c == 0xD7 || c == 0xF7 || c == 0xFFFD || iswspace((wint_t)wc))
		return W_SEP;
	if (iswalnum((wint_t)wc))
		return W_ALNUM;
	return W_OTHER;
}

/* The first code point of cluster i (< ed_len). */
static wchar_t first_cp(const struct editor *ed, size_t i)
{
	const struct line *ln;
	const struct clu *c = ed_clu(ed, i, &ln);
	return ln->wc[c->at];
}

/* A prolonged sound mark (ー ｰ) belongs to the kana word it follows, so
 * すごーい is one word. */
static enum wclass class_at(const struct editor *ed, size_t i)
{
	for (;;) {
		wchar_t c = first_cp(ed, i);
		enum wclass k = char_class(c);
		if ((c != 0x30FC && c != 0xFF70) || i == 0)
			return k;
		wchar_t pc = first_cp(ed, i - 1);
		enum wclass prev = char_class(pc);
		if (prev != W_HIRA && prev != W_KATA)
			return k;
		if (pc != 0x30FC && pc != 0xFF70)
			return prev;
		i--;
	}
}

static size_t word_left_of(const struct editor *ed, size_t p)
{
	while (p > 0 && class_at(ed, p - 1) == W_SEP)
		p--;
	if (p > 0) {
		enum wclass k = class_at(ed, p - 1);
		while (p > 0 && class_at(ed, p - 1) == k)
			p--;
	}
	return p;
}

static size_t word_right_of(const struct editor *ed, size_t p)
{
	while (p < ed->ncl && class_at(ed, p) == W_SEP)
		p++;
	if (p < ed->ncl) {
		enum wclass k = class_at(ed, p);
		while (p < ed->ncl && class_at(ed, p) == k)
			p++;
	}
	return p;
}

bool ed_kill_word(struct editor *ed)
{
	return kill_range(ed, word_left_of(ed, ed->cur), ed->cur, true);
}

bool ed_yank(struct editor *ed)
{
	ed_act(ed, false, false);
	unsigned long before = ed->changes;
	insert_wcs(ed, ed->kill, ed->nkill);
	return ed->changes != before;
}

/* ---- moves ------------------------------------------------------------- */

static bool move_to(struct editor *ed, size_t p)
{
	ed_act(ed, false, false);
	if (p > ed->ncl)
		p = ed->ncl;
	if (p == ed->cur)
		return false;
	ed->cur = p;
	return true;
}

bool ed_set_cursor(struct editor *ed, size_t pos)
{
	return move_to(ed, pos);
}

bool ed_left(struct editor *ed)
{
	return move_to(ed, ed->cur ? ed->cur - 1 : 0);
}

bool ed_right(struct editor *ed)
{
	return move_to(ed, ed->cur + 1);
}

bool ed_home(struct editor *ed)
{
	return move_to(ed, line_start(ed, ed->cur));
}

bool ed_end(struct editor *ed)
{
	return move_to(ed, line_end(ed, ed->cur));
}

bool ed_word_left(struct editor *ed)
{
	return move_to(ed, word_left_of(ed, ed->cur));
}

bool ed_word_right(struct editor *ed)
{
	return move_to(ed, word_right_of(ed, ed->cur));
}

bool ed_top(struct editor *ed)
{
	return move_to(ed, 0);
}

bool ed_bottom(struct editor *ed)
{
	return move_to(ed, ed->ncl);
}

