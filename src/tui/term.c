/* term — curses set-up and teardown, the colour table, signal flags. */
#include "term.h"

#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "input.h"
#include "todoke/i18n.h"

volatile sig_atomic_t term_quit_signal;
volatile sig_atomic_t term_hangup;

static bool started, use_color;

/* One table: the colour pair of each role and its monochrome stand-in
 * (NO_COLOR, vt100, linux without colours). */
static const struct {
	short fg, bg;
	attr_t color_extra;
	attr_t mono;
} palette[C_NROLES] = {
	[C_NORMAL]  = { -1, -1, 0, A_NORMAL },
	[C_TITLE]   = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[C_STATUS]  = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	[C_FOOTER]  = { COLOR_WHITE, COLOR_BLUE, 0, A_REVERSE },
	[C_KEY]     = { COLOR_YELLOW, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[C_FOCUS]   = { COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE },
	[C_HELP]    = { COLOR_GREEN, -1, 0, A_NORMAL },
	[C_ERROR]   = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[C_FIELD]   = { -1, -1, A_UNDERLINE, A_UNDERLINE },
	[C_HEADING] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[C_OK]      = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[C_DIM]     = { -1, -1, A_DIM, A_DIM },
};

static void on_quit(int sig)
{
	(void)sig;
	term_quit_signal = 1;
}

static void on_hup(int sig)
{
	(void)sig;
	term_hangup = 1;
}

/* What a crash writes to put the terminal back: the shell's tty modes
 * (saved before curses changed them) and the terminal's own strings to
 * leave the alternate screen, show the cursor, reset attributes and keypad
 * mode, all made before anything can crash. */
static struct termios shell_tio;
static bool have_shell_tio;
static char crash_reset[256];
static size_t crash_reset_len;

static void add_reset(char *cap)
{
	char *s = tigetstr(cap);
	if (!s || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (crash_reset_len + n < sizeof crash_reset) {
		memcpy(crash_reset + crash_reset_len, s, n);
		crash_reset_len += n;
	}
}

/* A crash must not leave the terminal raw: put it back with
 * async-signal-safe calls only (tcsetattr, write), then die of the same
 * signal (SA_RESETHAND made its action the default again). */
static void on_crash(int sig)
{
	if (started) {
		started = false;
		input_end();  /* bracketed paste off: one write(2) */
		if (crash_reset_len) {
			ssize_t w = write(STDOUT_FILENO, crash_reset, crash_reset_len);
			(void)w;
		}
		if (have_shell_tio)
			tcsetattr(STDIN_FILENO, TCSANOW, &shell_tio);
	}
	raise(sig);
}

static void catch(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = flags; /* no SA_RESTART: let a blocked read return at once */
	sigaction(sig, &sa, NULL);
}

/* The keys xterm, tmux and PuTTY send, where the terminal's description
 * lacks them (TERM=vt100 has no PgUp/PgDn and other function keys): else
 * PgDn arrives as Esc and 「[6~」. */
static void define_missing_keys(void)
{
	static const struct { const char *seq; int key; } xterm_keys[] = {
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033[2~", KEY_IC }, { "\033[3~", KEY_DC }, { "\033[Z", KEY_BTAB },
		{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) }, { "\033OR", KEY_F(3) },
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
		{ "\033[21~", KEY_F(10) },
		{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
		{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
		{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
		{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
	};
	for (size_t i = 0; i < sizeof xterm_keys / sizeof xterm_keys[0]; i++)
		if (key_defined(xterm_keys[i].seq) == 0)
			define_key(xterm_keys[i].seq, xterm_keys[i].key);
}
/* Every signal that would end the program sets a flag, and the main loop
 * saves, restores the terminal, releases the lock and leaves; SIGHUP is
 * apart only because the terminal is gone then. */
static const int ending_signals[] = {
	SIGINT, SIGTERM, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
	SIGIO, SIGPWR,
};
/* Faults: nothing is safe to do but restore the terminal and die. */
static const int fatal_signals[] = {
	SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGSYS, SIGTRAP,
};

bool term_start(void)
{
	const char *term = getenv("TERM");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "todoke: %s\n", _("the wizard needs a terminal"));
		return false;
	}
	have_shell_tio = tcgetattr(STDIN_FILENO, &shell_tio) == 0;
	if (!newterm(term && *term ? term : "vt100", stdout, stdin)) {
		fprintf(stderr, "todoke: %s \"%s\"\n", _("unknown terminal type"),
		        term ? term : "");
		return false;
	}
	started = true;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Long enough that an arrow key's bytes, split by a slow ssh link,
	 * are not taken for Esc; $ESCDELAY (ms) still wins. */
	const char *ed = getenv("ESCDELAY");
	set_escdelay(ed && *ed ? atoi(ed) : 200);
	input_start();
	define_missing_keys();
	const char *nc = getenv("NO_COLOR");
	use_color = has_colors() && !(nc && *nc);
	if (use_color) {
		start_color();
		use_default_colors();
		for (short i = 1; i < C_NROLES; i++)
			init_pair(i, palette[i].fg, palette[i].bg);
	}
	/* Ctrl-\ typed in the wizard does nothing: the terminal no longer
	 * turns it into SIGQUIT (def_prog_mode keeps that across endwin and
	 * the external editor).  kill -QUIT still ends the session cleanly. */
	struct termios tio;
	if (tcgetattr(STDIN_FILENO, &tio) == 0) {
		tio.c_cc[VQUIT] = _POSIX_VDISABLE;
		tcsetattr(STDIN_FILENO, TCSANOW, &tio);
		def_prog_mode();
	}
	static char caps[][6] = { "rmcup", "cnorm", "sgr0", "rmkx" };
	for (size_t i = 0; i < sizeof caps / sizeof *caps; i++)
		add_reset(caps[i]);
	/* ncurses handles SIGTSTP/SIGCONT itself (endwin, then a full redraw
	 * after `fg`); we only set flags for the signals that end a session. */
	for (size_t i = 0; i < sizeof ending_signals / sizeof *ending_signals; i++)
		catch(ending_signals[i], on_quit, 0);
	catch(SIGHUP, on_hup, 0);
	for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++)
		catch(fatal_signals[i], on_crash, SA_RESETHAND | SA_NODEFER);
	signal(SIGPIPE, SIG_IGN);
	/* Over the file size limit a write fails with EFBIG, reported like a
	 * full disk, instead of killing todoke with the answers unsaved. */
	signal(SIGXFSZ, SIG_IGN);
	return true;
}

void term_end(void)
{
	if (!started)
		return;
	started = false;
	curs_set(1);
	input_end();
	endwin();
}

attr_t term_attr(enum color_role role)
{
	if (!use_color)
		return palette[role].mono;
	return (role ? COLOR_PAIR(role) : 0) | palette[role].color_extra;
}

bool term_too_small(void)
{
	return COLS < MIN_COLS || LINES < MIN_LINES;
}

void term_draw_too_small(void)
{
	erase();
	curs_set(0);
	mvprintw(0, 0, _("Terminal too small: %dx%d."), COLS, LINES);
	mvprintw(1, 0, _("todoke needs %dx%d."), MIN_COLS, MIN_LINES);
	mvprintw(2, 0, "%s", _("Enlarge the window; nothing is lost."));
	mvprintw(3, 0, "%s", _("q or F10: quit (answers are saved)."));
	refresh();
}
