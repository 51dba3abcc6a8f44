/* mail — RFC 5322 / MIME drafts: a text/plain body in ISO-2022-JP (as
 * Japanese mail expects; 7bit, or base64 when a line would pass 998
 * octets) or UTF-8 (base64), an RFC 2047 subject, attachments. */
#include "todoke/mail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/encode.h"
#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/textwidth.h"
#include "todoke/utf8.h"

void base64_encode(const unsigned char *p, size_t n, struct strbuf *out, bool wrap)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t col = 0;
	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned long)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		char q[4] = { tab[v >> 18 & 63], tab[v >> 12 & 63],
		              i + 1 < n ? tab[v >> 6 & 63] : '=', i + 2 < n ? tab[v & 63] : '=' };
		sb_addn(out, q, 4);
		col += 4;
		if (wrap && col >= 76 && i + 3 < n) {
			sb_add(out, "\r\n");
			col = 0;
		}
	}
}

static bool convert(const char *text, const struct mail *m, struct strbuf *out,
                    struct diag *err, const char *what)
{
	struct enc_report rep;
	if (encode_document(text, strlen(text), m->encoding, false, m->substitute, out, &rep, err))
		return true;
	if (rep.n)
		diag_set(err, "", rep.v[0].line, _("%s: U+%04lX and %zu other character(s) cannot be "
		         "written in %s (try --substitute or --encoding=utf-8)"), what, rep.v[0].cp,
		         rep.n - 1, encode_iconv_name(m->encoding));
	enc_report_release(&rep);
	return false;
}

/* The encoded-word of one piece of the Subject: its text converted with
 * the body's rules (--substitute included), in base64. */
static bool encoded_word(const struct mail *m, const char *charset, const char *s,
                         size_t n, struct strbuf *word, struct diag *err)
{
	char *piece = xstrndup(s, n);
	struct strbuf enc;
	sb_init(&enc);
	bool ok = convert(piece, m, &enc, err, "Subject");
	free(piece);
	word->len = 0;
	if (ok) {
		sb_addf(word, "=?%s?B?", charset);
		base64_encode((const unsigned char *)enc.buf, enc.len, word, false);
		sb_add(word, "?=");
	}
	sb_release(&enc);
	return ok;
}

/* RFC 2047 encoded-words of whole grapheme clusters (ｶﾞ, か + U+3099, an
 * emoji ZWJ sequence are never cut), each a whole ISO-2022-JP sequence, as
 * many clusters each as keep the word within 75 characters and the line
 * within 78; a cluster too long for that alone stays whole on its line. */
static bool put_subject(const struct mail *m, const char *charset, struct strbuf *out,
                        struct diag *err)
{
	const char *s = m->subject;
	size_t n = strlen(s);
	/* Cluster starts, from the one module that finds them (textwidth.h;
	 * an emoji ZWJ sequence needs more than a pair of characters). */
	char *brk = xcalloc(n + 1, 1);
	for (size_t i = 0; i < n; i += tw_cluster_u8(s + i, n - i, TW_DOC, NULL))
		brk[i] = 1;
	brk[n] = 1;
	struct strbuf word, best;
	sb_init(&word);
	sb_init(&best);
	/* The whole Subject first, so that a failure names its first character. */
	bool ok = encoded_word(m, charset, s, n, &word, err);
	size_t indent = strlen("Subject: ");
	sb_add(out, "Subject:");
	for (size_t at = 0; ok && at < n;) {
		size_t cut = at + 1;
		while (!brk[cut])
			cut++;
		ok = encoded_word(m, charset, s + at, cut - at, &best, err);
		while (ok && cut < n) {
			size_t next = cut + 1;
			while (!brk[next])
				next++;
			if (!(ok = encoded_word(m, charset, s + at, next - at, &word, err)))
				break;
			if (word.len > 75 || indent + word.len > 78)
				break;
			struct strbuf longer = word;   /* it fits: keep it */
			word = best;
			best = longer;
			cut = next;
		}
		if (!ok)
			break;
		sb_add(out, indent == 1 ? "\r\n " : " ");
		sb_addn(out, best.buf, best.len);
		indent = 1;
		at = cut;
	}
	sb_add(out, "\r\n");
	free(brk);
	sb_release(&word);
	sb_release(&best);
	return ok;
}

/* Whether a line of the converted body is longer than the 998 octets
 * RFC 5322 allows: then the part goes in base64, not folded. */
static bool has_long_line(const struct strbuf *body)
{
	size_t run = 0;
	for (size_t i = 0; i < body->len; i++) {
		if (body->buf[i] == '\r' || body->buf[i] == '\n')
			run = 0;
		else if (++run > 998)
			return true;
	}
	return false;
}

/* RFC 5322 dates are English whatever the locale (Date: Thu, 27 Oct 2022
 * 03:00:00 +0000), so strftime's %a and %b are not used. */
static void put_date(time_t t, struct strbuf *out)
{
	static const char day[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char mon[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	localtime_r(&t, &tm);
	long off = tm.tm_gmtoff / 60;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	sb_addf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld\r\n", day[tm.tm_wday],
	        tm.tm_mday, mon[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
	        sign, off / 60, off % 60);
}

/* A header address: ASCII as it stands; anything else is refused rather
 * than mangled. */
static void put_address(const char *name, const char *addr, struct strbuf *out)
{
	if (addr && *addr)
		sb_addf(out, "%s: %s\r\n", name, addr);
	else
		sb_addf(out, "%s: \r\n", name);
}

static const char *basename_of(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

/* filename*=UTF-8''… (RFC 2231) for names that are not plain ASCII. */
static void put_filename(const char *name, struct strbuf *out)
{
	bool ascii = true;
	for (const char *p = name; *p; p++)
		ascii &= (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f && *p != '"' && *p != '\\';
	if (ascii) {
		sb_addf(out, "filename=\"%s\"", name);
		return;
	}
	sb_add(out, "filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p))
			sb_addc(out, (char)*p);
		else
			sb_addf(out, "%%%02X", *p);
	}
}

bool mail_compose(const struct mail *m, struct strbuf *out, struct diag *err)
{
	const char *code = encode_iconv_name(m->encoding);
	bool utf8 = code && strcmp(code, "UTF-8") == 0;
	if (!code || (!utf8 && strcmp(code, "ISO-2022-JP") != 0)) {
		diag_set(err, "", 0, _("an e-mail is written in iso-2022-jp or utf-8, not \"%s\""),
		         m->encoding);
		return false;
	}
	const char *charset = utf8 ? "UTF-8" : "ISO-2022-JP";
	struct strbuf body;
	sb_init(&body);
	struct strbuf crlf;
	sb_init(&crlf);
	for (const char *p = m->body; *p; p++) {
		if (*p == '\n')
			sb_addc(&crlf, '\r');
		sb_addc(&crlf, *p);
	}
	bool ok = convert(crlf.buf, m, &body, err, "body");
	sb_release(&crlf);
	if (!ok) {
		sb_release(&body);
		return false;
	}
	put_address("To", m->to, out);
	put_address("From", m->from, out);
	put_date(m->date, out);
	if (!put_subject(m, charset, out, err)) {
		sb_release(&body);
		return false;
	}
	sb_add(out, "MIME-Version: 1.0\r\n");
	static const char boundary[] = "=_todoke_boundary_7b6f1c2e";
	bool multi = m->attach && m->attach[0];
	if (multi)
		sb_addf(out, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n"
		        "This is a MIME message.\r\n\r\n--%s\r\n", boundary, boundary);
	sb_addf(out, "Content-Type: text/plain; charset=%s\r\n", charset);
	if (utf8 || has_long_line(&body)) {
		sb_add(out, "Content-Transfer-Encoding: base64\r\n\r\n");
		base64_encode((const unsigned char *)body.buf, body.len, out, true);
		sb_add(out, "\r\n");
	} else {
		sb_add(out, "Content-Transfer-Encoding: 7bit\r\n\r\n");
		sb_addn(out, body.buf, body.len);
	}
	sb_release(&body);
	for (size_t i = 0; multi && m->attach[i]; i++) {
		char *data;
		size_t len;
		if (!file_read_all(m->attach[i], &data, &len, err))
			return false;
		sb_addf(out, "\r\n--%s\r\nContent-Type: application/octet-stream\r\n"
		        "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; ",
		        boundary);
		put_filename(basename_of(m->attach[i]), out);
		sb_add(out, "\r\n\r\n");
		base64_encode((const unsigned char *)data, len, out, true);
		sb_add(out, "\r\n");
		free(data);
	}
	if (multi)
		sb_addf(out, "\r\n--%s--\r\n", boundary);
	return true;
}
