/* mail — RFC 5322 / MIME drafts: a text/plain body in ISO-2022-JP (as
 * Japanese mail expects) or UTF-8, an RFC 2047 subject, attachments. */
#include "todoke/mail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/encode.h"
#include "todoke/fileio.h"
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
		diag_set(err, "", rep.v[0].line, "%s: U+%04lX and %zu other character(s) cannot be "
		         "written in %s (try --substitute or --encoding=utf-8)", what, rep.v[0].cp,
		         rep.n - 1, encode_iconv_name(m->encoding));
	enc_report_release(&rep);
	return false;
}

/* RFC 2047 encoded words, a few characters each so that every word is a
 * whole ISO-2022-JP sequence and a header line stays short. */
static bool put_subject(const struct mail *m, const char *charset, struct strbuf *out,
                        struct diag *err)
{
	const char *s = m->subject;
	bool first = true;
	sb_add(out, "Subject:");
	while (*s) {
		size_t n = 0;
		for (int k = 0; k < 10 && s[n]; k++) {
			size_t len = utf8_seqlen((const unsigned char *)s + n, strlen(s + n));
			n += len ? len : 1;
		}
		char *piece = xstrndup(s, n);
		struct strbuf enc;
		sb_init(&enc);
		bool ok = convert(piece, m, &enc, err, "Subject");
		free(piece);
		if (!ok) {
			sb_release(&enc);
			return false;
		}
		sb_addf(out, "%s=?%s?B?", first ? " " : "\r\n ", charset);
		base64_encode((const unsigned char *)enc.buf, enc.len, out, false);
		sb_add(out, "?=");
		sb_release(&enc);
		first = false;
		s += n;
	}
	sb_add(out, "\r\n");
	return true;
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
		diag_set(err, "", 0, "an e-mail is written in iso-2022-jp or utf-8, not \"%s\"",
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
	char date[64];
	struct tm tm;
	localtime_r(&m->date, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S %z", &tm);
	put_address("To", m->to, out);
	put_address("From", m->from, out);
	sb_addf(out, "Date: %s\r\n", date);
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
	if (utf8) {
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
