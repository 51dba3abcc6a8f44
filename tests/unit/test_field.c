/* The text field on screen (src/tui/field.c): after every kind of edit, a
 * field_redraw into the window that holds the last draw must leave it
 * cell for cell as a field_draw from scratch would — so that drawing only
 * the changed rows never leaves a stale character on the screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "../../src/tui/field.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>

#define PH 14
#define PW 80

static SCREEN *scr;
static FILE *scr_out, *scr_in;

static void screen_up(void)
{
	scr_out = tmpfile();
	scr_in = tmpfile();
	ck_assert(scr_out && scr_in);
	scr = newterm("xterm-256color", scr_out, scr_in);
	ck_assert_msg(scr != NULL, "no terminfo entry for xterm-256color");
}

static void screen_down(void)
{
	endwin();
	delscreen(scr);
	fclose(scr_out);
	fclose(scr_in);
}

/* Cell y,x of w as text, attributes and colour, for messages. */
static void cell(WINDOW *w, int y, int x, wchar_t *wc, attr_t *a, short *pair)
{
	cchar_t cc;
	memset(wc, 0, (CCHARW_MAX + 1) * sizeof *wc);
	*a = 0;
	*pair = 0;
	if (mvwin_wch(w, y, x, &cc) == OK)
		getcchar(&cc, wc, a, pair, NULL);
}

/* The window a redraw left, against one drawn from scratch. */
static void same_as_fresh(struct field *f, WINDOW *kept, int y, int x, int width,
                          int height, const char *step)
{
	WINDOW *fresh = newpad(PH, PW);
	field_draw(f, fresh, y, x, width, height, true);
	for (int r = 0; r < PH; r++)
		for (int c = 0; c < PW; c++) {
			wchar_t a[CCHARW_MAX + 1], b[CCHARW_MAX + 1];
			attr_t aa, ba;
			short ap, bp;
			cell(kept, r, c, a, &aa, &ap);
			cell(fresh, r, c, b, &ba, &bp);
			ck_assert_msg(wcscmp(a, b) == 0 && aa == ba && ap == bp,
			              "%s: row %d col %d: redrawn U+%04X, fresh U+%04X", step, r,
			              c, (unsigned)a[0], (unsigned)b[0]);
		}
	int ky, kx, fy, fx;
	getyx(kept, ky, kx);
	getyx(fresh, fy, fx);
	ck_assert_msg(ky == fy && kx == fx, "%s: cursor %d,%d, fresh %d,%d", step, ky, kx,
	              fy, fx);
	delwin(fresh);
	/* field_draw made the fresh window the field's box: make it the kept
	 * one again (drawing over what is already equal to it). */
	field_draw(f, kept, y, x, width, height, true);
}

/* The rows a redraw says it did not draw are as they were: the page sends
 * only the rows drawn to the screen. */
static void undamaged_same(WINDOW *before, WINDOW *after, int y, const struct field_damage *d,
                           const char *step)
{
	for (int r = 0; r < PH; r++) {
		if (d->first <= d->last && r >= y + d->first && r <= y + d->last)
			continue;
		for (int c = 0; c < PW; c++) {
			wchar_t a[CCHARW_MAX + 1], b[CCHARW_MAX + 1];
			attr_t aa, ba;
			short ap, bp;
			cell(before, r, c, a, &aa, &ap);
			cell(after, r, c, b, &ba, &bp);
			ck_assert_msg(wcscmp(a, b) == 0 && aa == ba && ap == bp,
			              "%s: row %d col %d changed outside the rows said drawn", step,
			              r, c);
		}
	}
}

static void type(struct field *f, const char *s)
{
	for (const char *p = s; *p;) {
		wint_t wc;
		mbstate_t st;
		memset(&st, 0, sizeof st);
		wchar_t w;
		size_t n = mbrtowc(&w, p, strlen(p), &st);
		ck_assert(n != (size_t)-1 && n != (size_t)-2 && n > 0);
		wc = (wint_t)w;
		ck_assert(field_key(f, OK, wc));
		p += n;
	}
}

static void key(struct field *f, int k)
{
	ck_assert(field_key(f, KEY_CODE_YES, (wint_t)k));
}

static void ctrl(struct field *f, int c)
{
	ck_assert(field_key(f, OK, (wint_t)(c & 0x1f)));
}

/* Every edit, then a partial redraw compared with a fresh draw. */
static void edits(bool multi, int y, int x, int width, int height)
{
	screen_up();
	const char *start = multi ? "一行目のテキスト abc\n二行目\n\nthird line here\n最後の行"
	                          : "東京都の会社です abc";
	struct field *f = field_new(multi, start);
	WINDOW *kept = newpad(PH, PW);
	field_draw(f, kept, y, x, width, height, true);
	same_as_fresh(f, kept, y, x, width, height, "first draw");

#define STEP(name, code)                                                          \
	do {                                                                      \
		code;                                                             \
		WINDOW *before = dupwin(kept);                                    \
		struct field_damage dmg;                                          \
		ck_assert(field_redraw(f, kept, y, x, width, height, &dmg));      \
		undamaged_same(before, kept, y, &dmg, name);                      \
		delwin(before);                                                   \
		same_as_fresh(f, kept, y, x, width, height, name);                \
	} while (0)

	STEP("type at the end", type(f, "xyz"));
	STEP("type Japanese at the end", type(f, "あいう"));
	STEP("Backspace", key(f, KEY_BACKSPACE));
	STEP("to the start", ctrl(f, 'a'));
	STEP("type at the start", type(f, "先頭"));
	STEP("a line longer than the box: it wraps",
	     type(f, "長い行になるまで文字を打ち続けると折り返しが起きて次の行に続きます"));
	STEP("Ctrl-K", ctrl(f, 'k'));
	STEP("Ctrl-Y", ctrl(f, 'y'));
	STEP("Ctrl-U", ctrl(f, 'u'));
	STEP("Ctrl-Y again", ctrl(f, 'y'));
	if (multi) {
		STEP("Enter: a new line pushes the rows below", type(f, "\n"));
		STEP("Backspace over the line break: rows below move up",
		     key(f, KEY_BACKSPACE));
		STEP("many lines: the box scrolls",
		     type(f, "\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12"));
		STEP("Up into the scrolled text", key(f, KEY_UP));
		STEP("PgUp", key(f, KEY_PPAGE));
		STEP("delete a line's text", ctrl(f, 'k'));
		STEP("PgDn", key(f, KEY_NPAGE));
		STEP("kill a word", ctrl(f, 'w'));
		/* The box is 30 columns: 15 wide characters fill a row, the
		 * cursor goes to the next; a mark typed then joins the last
		 * character of the full row above it. */
		STEP("a full row", type(f, "\nかかかかかかかかかかかかかかか"));
		STEP("a mark joins the row above", type(f, "\xE3\x82\x99"));
	}
	STEP("narrow and wide mixed, scrolled", type(f, "aあbいcうdえeおfかgきhくiけjこk"));
	STEP("one column to the left", key(f, KEY_LEFT));
	STEP("to the start again", key(f, KEY_HOME));
	STEP("a narrow character where a wide one was", type(f, "z"));
	STEP("to the end", ctrl(f, 'e'));
	STEP("combining mark and emoji", type(f, "か\xE3\x82\x99😀👨‍👩‍👧"));
	STEP("Backspace over the emoji", key(f, KEY_BACKSPACE));
	STEP("Delete at the end does nothing", ctrl(f, 'd'));
#undef STEP

	/* Another box: not redrawn partially (the caller draws it all). */
	ck_assert(!field_redraw(f, kept, y + 1, x, width, height, NULL));
	ck_assert(!field_redraw(f, kept, y, x, width - 1, height, NULL));
	delwin(kept);
	field_free(&f);
	screen_down();
}

START_TEST(test_multi_redraw)
{
	edits(true, 2, 3, 30, 6);
}
END_TEST

START_TEST(test_single_redraw)
{
	edits(false, 1, 20, 24, 1);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("field");
	TCase *tc = tcase_create("redraw");
	tcase_add_test(tc, test_multi_redraw);
	tcase_add_test(tc, test_single_redraw);
	suite_add_tcase(s, tc);
	return s;
}
