/* textdiff — a document as sent against the same document now, as text:
 * libgit2's diff of two buffers, in UTF-8 whatever they were sent in. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"

/* The text in UTF-8 with LF line ends, or false. */
static bool to_utf8(const char *in, size_t len, const char *encoding, const char *name,
                    struct strbuf *out, struct diag *err)
{
	struct strbuf raw;
	sb_init(&raw);
	if (!encoding || strcasecmp(encoding, "utf-8") == 0 || strcasecmp(encoding, "UTF-8") == 0)
		sb_addn(&raw, in, len);
	else {
		iconv_t cd = iconv_open("UTF-8", encoding);
		if (cd == (iconv_t)-1) {
			diag_set(err, name, 0, _("cannot read text in %s"), encoding);
			sb_release(&raw);
			return false;
		}
		char *ip = (char *)(uintptr_t)in;  /* iconv's prototype is not const */
		size_t il = len;
		char buf[4096];
		while (il > 0) {
			char *op = buf;
			size_t ol = sizeof buf;
			size_t r = iconv(cd, &ip, &il, &op, &ol);
			sb_addn(&raw, buf, sizeof buf - ol);
			if (r == (size_t)-1 && errno != E2BIG) {
				diag_set(err, name, 0, _("not %s text at byte %zu"), encoding, len - il);
				iconv_close(cd);
				sb_release(&raw);
				return false;
			}
		}
		iconv_close(cd);
	}
	for (size_t i = 0; i < raw.len; i++)
		if (!(raw.buf[i] == '\r' && i + 1 < raw.len && raw.buf[i + 1] == '\n'))
			sb_addc(out, raw.buf[i]);
	sb_release(&raw);
	return true;
}

static int line_cb(const git_diff_delta *delta, const git_diff_hunk *hunk,
                   const git_diff_line *line, void *payload)
{
	(void)delta;
	(void)hunk;
	struct strbuf *out = payload;
	if (line->origin == GIT_DIFF_LINE_CONTEXT || line->origin == GIT_DIFF_LINE_ADDITION ||
	    line->origin == GIT_DIFF_LINE_DELETION)
		sb_addc(out, line->origin);
	sb_addn(out, line->content, line->content_len);
	if (line->origin == GIT_DIFF_LINE_CONTEXT_EOFNL || line->origin == GIT_DIFF_LINE_ADD_EOFNL ||
	    line->origin == GIT_DIFF_LINE_DEL_EOFNL)
		sb_addc(out, '\n');
	return 0;
}

static int hunk_cb(const git_diff_delta *delta, const git_diff_hunk *hunk, void *payload)
{
	(void)delta;
	sb_addn(payload, hunk->header, hunk->header_len);
	return 0;
}

bool history_text_diff(const char *sent, size_t sent_len, const char *now, size_t now_len,
                       const char *encoding, const char *sent_name, const char *now_name,
                       struct strbuf *out, struct diag *err)
{
	struct strbuf a, b;
	sb_init(&a);
	sb_init(&b);
	bool ok = to_utf8(sent, sent_len, encoding, sent_name, &a, err) &&
	          to_utf8(now, now_len, encoding, now_name, &b, err);
	if (ok && (a.len != b.len || memcmp(a.buf, b.buf, a.len) != 0) && !gitload(err))
		ok = false;
	if (ok && (a.len != b.len || memcmp(a.buf, b.buf, a.len) != 0)) {
		git_libgit2_init();
		git_diff_options o;
		git_diff_options_init(&o, GIT_DIFF_OPTIONS_VERSION);
		o.flags |= GIT_DIFF_FORCE_TEXT;
		sb_addf(out, "--- %s\n+++ %s\n", sent_name, now_name);
		if (git_diff_buffers(a.buf, a.len, sent_name, b.buf, b.len, now_name, &o, NULL, NULL,
		                     hunk_cb, line_cb, out) < 0)
			ok = hrepo_fail(NULL, err, _("cannot compare the texts"));
		git_libgit2_shutdown();
	}
	sb_release(&a);
	sb_release(&b);
	return ok;
}
