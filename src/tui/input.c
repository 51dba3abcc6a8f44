/* input — keys through curses; bursts and pastes read with read(2) and put
 * together by keytext, whatever the pieces the terminal sends them in. */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "todoke/fileio.h"
#include "todoke/keytext.h"

/* How long a paste or a character cut in two may pause mid-way (ms). */
#define PASTE_PAUSE_MS 2000
#define CUT_PAUSE_MS 200
/* curses takes back at most this many bytes at once (its queue is small). */
#define UNGET_MAX 100

static const char paste_on[] = "\033[?2004h", paste_off[] = "\033[?2004l";
static int paste_key = -1, paste_end_key = -1;
static bool on, gone;
static struct strbuf paste;

void input_start(void)
{
	/* Codes above every curses key for the two markers (define_key finds
	 * them as it finds an arrow's sequence). */
	if (paste_key < 0) {
		paste_key = INPUT_PASTE + 1;
		paste_end_key = INPUT_PASTE + 2;
		define_key(KT_PASTE_START, paste_key);
		define_key(KT_PASTE_END, paste_end_key);
	}
	fflush(stdout);
	file_write_fd(STDOUT_FILENO, paste_on, sizeof paste_on - 1);
	on = true;
}

void input_end(void)
{
	if (!on)
		return;
	on = false;
	file_write_fd(STDOUT_FILENO, paste_off, sizeof paste_off - 1);
}

/* The terminal hung up: a pty whose other end closed, ssh gone. */
static bool hung_up(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

bool input_waiting(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	return poll(&p, 1, 0) > 0;
}

/* Gives bytes back to curses, for its next get_wch (last first: ungetch
 * pushes in front). */
static void unget_bytes(const char *s, size_t n)
{
	if (n > UNGET_MAX)
		n = UNGET_MAX; /* keys typed faster than any hand, after a paste */
	while (n > 0)
		ungetch((unsigned char)s[--n]);
}

/* Reads the paste after its start marker, up to the end marker. */
static void read_paste(void)
{
	struct keytext kt;
	char buf[65536];
	sb_release(&paste);
	sb_init(&paste);
	kt_begin(&kt, true, true);
	for (;;) {
		struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
		int r = poll(&p, 1, PASTE_PAUSE_MS);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break; /* the end marker never came: keep what did */
		ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0) {
			gone = true;
			break;
		}
		const char *at = buf;
		size_t left = (size_t)n, used;
		while (kt_feed(&kt, at, left, &used, &paste) == KT_END) {
			at += used;
			left -= used;
			/* Another paste right behind (tmux pastes twice): the same text. */
			size_t sl = sizeof KT_PASTE_START - 1;
			if (left >= sl && memcmp(at, KT_PASTE_START, sl) == 0) {
				at += sl;
				left -= sl;
				kt_begin(&kt, true, true);
				continue;
			}
			unget_bytes(at, left);
			return;
		}
	}
	kt_flush(&kt, &paste);
}

int input_get(wint_t *ch, int timeout_ms)
{
	for (;;) {
		if (gone)
			return INPUT_EOF;
		timeout(timeout_ms);
		int rc = get_wch(ch);
		if (rc == ERR) {
			if (hung_up())
				gone = true;
			return gone ? INPUT_EOF : ERR;
		}
		if (rc == KEY_CODE_YES && (int)*ch == paste_key) {
			read_paste();
			*ch = INPUT_PASTE;
		} else if (rc == KEY_CODE_YES && (int)*ch == paste_end_key) {
			continue; /* an end without a start: nothing */
		}
		return rc;
	}
}

const char *input_paste(size_t *len)
{
	if (!paste.buf)
		sb_init(&paste);
	*len = paste.len;
	return paste.buf;
}

void input_burst(bool multiline, struct strbuf *out)
{
	struct keytext kt;
	kt_begin(&kt, false, multiline);
	int flags = fcntl(STDIN_FILENO, F_GETFL);
	if (flags < 0)
		return;
	fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK);
	/* A byte at a time: the first that is not text goes back to curses,
	 * and curses takes back only a few. */
	for (;;) {
		char c;
		ssize_t n = read(STDIN_FILENO, &c, 1);
		if (n == 1) {
			size_t used;
			if (kt_feed(&kt, &c, 1, &used, out) == KT_END) {
				ungetch((unsigned char)c);
				break;
			}
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN && kt_pending(&kt)) {
			/* Half a character: the rest is on its way. */
			struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
			if (poll(&p, 1, CUT_PAUSE_MS) > 0 && (p.revents & POLLIN))
				continue;
		}
		break;
	}
	kt_flush(&kt, out);
	fcntl(STDIN_FILENO, F_SETFL, flags);
}
