/* make bench: the floor under "exec → first frame".  A program that does
 * only what todoke's first frame cannot do without, with the same shared
 * libraries: the locale, curses' set-up as src/tui/term.c does it (keypad,
 * colours, 11 pairs), one line of text with a kanji's width from
 * libunistring, the first refresh.  What this costs, todoke cannot go
 * below; what todoke costs above it is its own work (BENCHMARKS.md). */
#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <uniwidth.h>

int main(void)
{
	setlocale(LC_ALL, "");
	const char *term = getenv("TERM");
	if (!newterm(term && *term ? term : "vt100", stdout, stdin))
		return 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(200);
	if (has_colors()) {
		start_color();
		use_default_colors();
		for (short i = 1; i < 12; i++)
			init_pair(i, COLOR_BLACK, COLOR_CYAN);
	}
	attron(COLOR_PAIR(1));
	mvprintw(0, 0, "todoke 届け %d", uc_width(0x5C4A, "UTF-8"));
	attroff(COLOR_PAIR(1));
	refresh();
	getch();
	endwin();
	return 0;
}
