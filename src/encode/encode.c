/* encode — checked conversion of documents with iconv: a character is
 * written only when what was written reads back as that character, or as
 * its entry in the one table of Windows forms (todoke(1), ENCODINGS). */
#include "todoke/encode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uninorm.h>
#include <unistr.h>

#include "todoke/i18n.h"
#include "todoke/utf8.h"

static const struct {
	const char *name, *iconv;
} encodings[] = {
	{ "utf-8", "UTF-8" }, { "cp932", "CP932" }, { "shift_jis", "SHIFT_JIS" },
	{ "iso-2022-jp", "ISO-2022-JP" }, { "euc-jp", "EUC-JP" },
};

#define NENCODINGS (sizeof encodings / sizeof encodings[0])

const char *encode_offered(size_t i)
{
	return i < NENCODINGS ? encodings[i].name : NULL;
}

const char *encode_iconv_name(const char *name)
{
	for (size_t i = 0; i < sizeof encodings / sizeof encodings[0]; i++)
		if (strcasecmp(name, encodings[i].name) == 0 ||
		    strcasecmp(name, encodings[i].iconv) == 0)
			return encodings[i].iconv;
	if (strcasecmp(name, "utf8") == 0)
		return "UTF-8";
	if (strcasecmp(name, "sjis") == 0 || strcasecmp(name, "windows-31j") == 0)
		return strcasecmp(name, "sjis") == 0 ? "SHIFT_JIS" : "CP932";
	return NULL;
}

/* The documented table (todoke(1), --substitute). */
static const struct {
	unsigned long cp;
	const char *to;
} substitutions[] = {
	{ 0x2460, "(1)" }, { 0x2461, "(2)" }, { 0x2462, "(3)" }, { 0x2463, "(4)" },
	{ 0x2464, "(5)" }, { 0x2465, "(6)" }, { 0x2466, "(7)" }, { 0x2467, "(8)" },
	{ 0x2468, "(9)" }, { 0x2469, "(10)" }, { 0x246A, "(11)" }, { 0x246B, "(12)" },
	{ 0x246C, "(13)" }, { 0x246D, "(14)" }, { 0x246E, "(15)" }, { 0x246F, "(16)" },
	{ 0x2470, "(17)" }, { 0x2471, "(18)" }, { 0x2472, "(19)" }, { 0x2473, "(20)" },
	{ 0x32FF, "令和" }, { 0x337D, "大正" },
	{ 0x3231, "(株)" }, { 0x3232, "(有)" }, { 0x3239, "(代)" },
	{ 0x2116, "No." }, { 0x2121, "TEL" }, { 0x339C, "mm" }, { 0x339D, "cm" },
	{ 0x339E, "km" }, { 0x338F, "kg" }, { 0x33A1, "m2" }, { 0x337B, "平成" },
	{ 0x337C, "昭和" }, { 0x337E, "明治" },
	{ 0x9AD9, "高" }, { 0xFA11, "崎" },
	/* Half-width katakana, for ISO-2022-JP: the full-width letter. */
	{ 0xFF61, "。" }, { 0xFF62, "「" }, { 0xFF63, "」" }, { 0xFF64, "、" }, { 0xFF65, "・" }, { 0xFF66, "ヲ" },
	{ 0xFF67, "ァ" }, { 0xFF68, "ィ" }, { 0xFF69, "ゥ" }, { 0xFF6A, "ェ" }, { 0xFF6B, "ォ" }, { 0xFF6C, "ャ" },
	{ 0xFF6D, "ュ" }, { 0xFF6E, "ョ" }, { 0xFF6F, "ッ" }, { 0xFF70, "ー" }, { 0xFF71, "ア" }, { 0xFF72, "イ" },
	{ 0xFF73, "ウ" }, { 0xFF74, "エ" }, { 0xFF75, "オ" }, { 0xFF76, "カ" }, { 0xFF77, "キ" }, { 0xFF78, "ク" },
	{ 0xFF79, "ケ" }, { 0xFF7A, "コ" }, { 0xFF7B, "サ" }, { 0xFF7C, "シ" }, { 0xFF7D, "ス" }, { 0xFF7E, "セ" },
	{ 0xFF7F, "ソ" }, { 0xFF80, "タ" }, { 0xFF81, "チ" }, { 0xFF82, "ツ" }, { 0xFF83, "テ" }, { 0xFF84, "ト" },
	{ 0xFF85, "ナ" }, { 0xFF86, "ニ" }, { 0xFF87, "ヌ" }, { 0xFF88, "ネ" }, { 0xFF89, "ノ" }, { 0xFF8A, "ハ" },
	{ 0xFF8B, "ヒ" }, { 0xFF8C, "フ" }, { 0xFF8D, "ヘ" }, { 0xFF8E, "ホ" }, { 0xFF8F, "マ" }, { 0xFF90, "ミ" },
	{ 0xFF91, "ム" }, { 0xFF92, "メ" }, { 0xFF93, "モ" }, { 0xFF94, "ヤ" }, { 0xFF95, "ユ" }, { 0xFF96, "ヨ" },
	{ 0xFF97, "ラ" }, { 0xFF98, "リ" }, { 0xFF99, "ル" }, { 0xFF9A, "レ" }, { 0xFF9B, "ロ" }, { 0xFF9C, "ワ" },
	{ 0xFF9D, "ン" }, { 0xFF9E, "゛" }, { 0xFF9F, "゜" },
	{ 0xFF5E, "〜" }, { 0xFF0D, "−" }, { 0x2225, "‖" }, { 0xFFE0, "¢" },
	{ 0xFFE1, "£" }, { 0xFFE2, "¬" },
	/* Where the encoding has only the other form, or its byte is read two
	 * ways (¥ and \ in Shift_JIS): the full-width letter of JIS X 0208. */
	{ 0x2014, "―" }, { 0x00A5, "￥" }, { 0x203E, "￣" }, { 0x005C, "＼" },
	{ 0x007E, "〜" },
	/* Å: JIS X 0208 has only the ANGSTROM SIGN, which NFC makes Å. */
	{ 0x00C5, "\u212B" },
};

/* The mappings Windows users expect: in CP932 these characters, as typed
 * on Linux, are written as the code Windows reads as its own form (Python's
 * cp932 agrees, except that it refuses — where glibc writes ―). */
static const struct {
	const char *code;
	unsigned long cp, reads;
} windows_forms[] = {
	{ "CP932", 0x301C, 0xFF5E }, { "CP932", 0x2212, 0xFF0D }, { "CP932", 0x2016, 0x2225 },
	{ "CP932", 0x2014, 0x2015 }, { "CP932", 0x00A2, 0xFFE0 }, { "CP932", 0x00A3, 0xFFE1 },
	{ "CP932", 0x00AC, 0xFFE2 },
};

/* Bytes that readers of one encoding read two ways: Shift_JIS 0x5C and
 * 0x7E are ¥ and ‾ for glibc (JIS X 0201) but \ and ~ for Windows and
 * Python; EUC-JP 0x8FA2B7 is ～ for glibc and ~ for Python.  A character
 * written as one of them does not round-trip for every reader. */
static const struct {
	const char *code, *bytes;
} ambiguous[] = {
	{ "SHIFT_JIS", "\x5C" }, { "SHIFT_JIS", "\x7E" }, { "EUC-JP", "\x8F\xA2\xB7" },
};

unsigned long encode_windows_form(const char *encoding, unsigned long cp)
{
	const char *code = encode_iconv_name(encoding);
	for (size_t i = 0; code && i < sizeof windows_forms / sizeof windows_forms[0]; i++)
		if (windows_forms[i].cp == cp && strcmp(windows_forms[i].code, code) == 0)
			return windows_forms[i].reads;
	return 0;
}

const char *encode_substitution(unsigned long cp)
{
	for (size_t i = 0; i < sizeof substitutions / sizeof substitutions[0]; i++)
		if (substitutions[i].cp == cp)
			return substitutions[i].to;
	return NULL;
}

/* The two directions of one encoding, each character converted on its own
 * (a fresh state each time, so that a failure leaves nothing behind), and
 * the verdict on each character already converted: it depends on the
 * character alone, and a document repeats the same few thousand (two
 * round trips through iconv per character made a 1 MB answer cost seconds,
 * issue 14).  Indexed by code point, verdict + 1, 0 for not seen yet. */
struct conv {
	const char *code;
	iconv_t to, from;
	unsigned char *seen;
	/* In an encoding without shift states, the bytes of a text are those
	 * of its characters one after another: each character's, as iconv
	 * wrote it alone, [0] their count (0: not yet), for pass 2; NULL in
	 * ISO-2022-JP, converted whole. */
	unsigned char (*bytes)[4];
};

static const char *const stateless[] = { "CP932", "SHIFT_JIS", "EUC-JP" };

#define NCODEPOINTS 0x110000

enum verdict { V_SAME, V_WINDOWS, V_NOT };

/* Converts n bytes whole with cd from its initial state, flushed (for
 * ISO-2022-JP, back to ASCII); false when any byte will not convert. */
static bool run_iconv(iconv_t cd, const char *src, size_t n, struct strbuf *out)
{
	iconv(cd, NULL, NULL, NULL, NULL);
	char *in = (char *)(uintptr_t)src;   /* iconv's prototype is not const */
	size_t inl = n;
	/* Room for the whole text at once (4 bytes out for each in is more
	 * than these encodings take): each time glibc's iconv runs out of
	 * room it converts its last steps again, and with 4 KB at a time
	 * that was three quarters of reading back a 1.5 MB document in CP932
	 * (issue 14).  Should it not be enough, the loop goes on. */
	char small[4096];
	size_t cap = n < (sizeof small - 64) / 4 ? sizeof small : 4 * n + 64;
	char *buf = cap == sizeof small ? small : xmalloc(cap);
	bool ok = false;
	for (;;) {
		char *o = buf;
		size_t outl = cap;
		size_t r = iconv(cd, inl ? &in : NULL, inl ? &inl : NULL, &o, &outl);
		sb_addn(out, buf, cap - outl);
		if (r == (size_t)-1 && errno == E2BIG)
			continue;
		if (r == (size_t)-1)
			break;
		if (!inl) {
			o = buf;
			outl = cap;
			if (iconv(cd, NULL, NULL, &o, &outl) == (size_t)-1)
				break;
			sb_addn(out, buf, cap - outl);
			ok = true;
			break;
		}
	}
	if (buf != small)
		free(buf);
	return ok;
}

/* Appends the bytes one character is written as; false when iconv will
 * not write it alone, or in more bytes than the table holds. */
static bool char_bytes(const struct conv *c, const char *mb, size_t n, struct strbuf *out)
{
	unsigned char *b = c->bytes[utf8_decode((const unsigned char *)mb, n)];
	if (!b[0]) {
		struct strbuf t;
		sb_init(&t);
		bool ok = run_iconv(c->to, mb, n, &t) && t.len && t.len < sizeof *c->bytes;
		if (ok) {
			memcpy(b + 1, t.buf, t.len);
			b[0] = (unsigned char)t.len;
		}
		sb_release(&t);
		if (!ok)
			return false;
	}
	sb_addn(out, (const char *)b + 1, b[0]);
	return true;
}

/* Pass 2: the text in the encoding, a character at a time from the table
 * when the encoding has no states (the same bytes as iconv on the whole
 * text, without its cost per character), else whole. */
static bool convert(const struct conv *c, const char *s, size_t n, struct strbuf *out)
{
	size_t start = out->len;
	const unsigned char *u = (const unsigned char *)s;
	char buf[65536];
	size_t used = 0;
	for (size_t i = 0; c->bytes && i < n;) {
		size_t k = u[i] < 0x80 ? 1 : utf8_seqlen(u + i, n - i);
		unsigned char *b = k ? c->bytes[utf8_decode(u + i, k)] : NULL;
		if (b && !b[0]) {
			/* Not met yet ('\n', '\r'): iconv, then the table. */
			sb_addn(out, buf, used);
			used = 0;
			if (!char_bytes(c, s + i, k, out))
				break;
		} else if (!b) {
			break;
		} else {
			if (used + b[0] > sizeof buf) {
				sb_addn(out, buf, used);
				used = 0;
			}
			memcpy(buf + used, b + 1, b[0]);
			used += b[0];
		}
		i += k;
		if (i == n) {
			sb_addn(out, buf, used);
			return true;
		}
	}
	out->len = start;
	return run_iconv(c->to, s, n, out);
}

/* How one character (its UTF-8 bytes) is written: read back as itself,
 * as its Windows form, or not at all. */
static enum verdict check_char(const struct conv *c, const char *mb, size_t n,
                               unsigned long cp)
{
	/* C1 controls would be written as raw bytes (in EUC-JP, as SS2/SS3). */
	if (cp >= 0x80 && cp <= 0x9F)
		return V_NOT;
	if (cp < NCODEPOINTS && c->seen[cp])
		return (enum verdict)(c->seen[cp] - 1);
	struct strbuf bytes, back;
	sb_init(&bytes);
	sb_init(&back);
	enum verdict v = V_NOT;
	if (!run_iconv(c->to, mb, n, &bytes) || !bytes.len)
		goto done;
	for (size_t i = 0; i < sizeof ambiguous / sizeof ambiguous[0]; i++)
		if (strcmp(ambiguous[i].code, c->code) == 0 &&
		    bytes.len == strlen(ambiguous[i].bytes) &&
		    memcmp(bytes.buf, ambiguous[i].bytes, bytes.len) == 0)
			goto done;
	if (!run_iconv(c->from, bytes.buf, bytes.len, &back))
		goto done;
	if (back.len == n && memcmp(back.buf, mb, n) == 0) {
		v = V_SAME;
		goto done;
	}
	unsigned long w = encode_windows_form(c->code, cp);
	size_t k = back.len ? utf8_seqlen((const unsigned char *)back.buf, back.len) : 0;
	if (w && k == back.len && utf8_decode((const unsigned char *)back.buf, k) == w)
		v = V_WINDOWS;
done:
	sb_release(&bytes);
	sb_release(&back);
	if (cp < NCODEPOINTS)
		c->seen[cp] = (unsigned char)(v + 1);
	return v;
}

/* Appends one character to the text to convert and to the text it must
 * read back as; false (nothing appended) when it is not written. */
static bool put_char(const struct conv *c, const char *mb, size_t n, struct strbuf *text,
                     struct strbuf *expect)
{
	unsigned long cp = utf8_decode((const unsigned char *)mb, n);
	switch (check_char(c, mb, n, cp)) {
	case V_SAME:
		sb_addn(text, mb, n);
		sb_addn(expect, mb, n);
		return true;
	case V_WINDOWS: {
		uint8_t w[8];
		int wn = u8_uctomb(w, (ucs4_t)encode_windows_form(c->code, cp), (int)sizeof w);
		sb_addn(text, mb, n);
		sb_addn(expect, (const char *)w, wn > 0 ? (size_t)wn : 0);
		return true;
	}
	case V_NOT:
		break;
	}
	return false;
}

/* A stand-in, each of its characters checked like the document's own. */
static bool put_text(const struct conv *c, const char *s, struct strbuf *text,
                     struct strbuf *expect)
{
	size_t t0 = text->len, e0 = expect->len, len = strlen(s);
	for (size_t i = 0; i < len;) {
		size_t k = utf8_seqlen((const unsigned char *)s + i, len - i);
		if (!k || !put_char(c, s + i, k, text, expect)) {
			text->len = t0;
			expect->len = e0;
			return false;
		}
		i += k;
	}
	return true;
}

void enc_report_release(struct enc_report *rep)
{
	free(rep->v);
	free(rep->joined);
	rep->v = NULL;
	rep->joined = NULL;
	rep->n = 0;
}

bool encode_document(const char *utf8, size_t len, const char *encoding, bool crlf,
                     bool substitute, struct strbuf *out, struct enc_report *rep,
                     struct diag *err)
{
	const char *code = encode_iconv_name(encoding);
	memset(rep, 0, sizeof *rep);
	if (!code) {
		diag_set(err, "", 0, _("unknown encoding \"%s\" (known: utf-8, cp932, shift_jis, "
		         "iso-2022-jp, euc-jp)"), encoding);
		return false;
	}
	bool utf8_out = strcmp(code, "UTF-8") == 0;
	struct conv c = { code, (iconv_t)-1, (iconv_t)-1, NULL, NULL };
	if (!utf8_out) {
		c.to = iconv_open(code, "UTF-8");
		c.from = iconv_open("UTF-8", code);
		if (c.to == (iconv_t)-1 || c.from == (iconv_t)-1) {
			diag_set(err, "", 0, _("iconv cannot convert to %s: %s"), code, strerror(errno));
			if (c.to != (iconv_t)-1)
				iconv_close(c.to);
			if (c.from != (iconv_t)-1)
				iconv_close(c.from);
			return false;
		}
		/* Untouched pages of a calloc this size are never faulted in. */
		c.seen = xcalloc(NCODEPOINTS, 1);
		for (size_t i = 0; i < sizeof stateless / sizeof stateless[0]; i++)
			if (strcmp(code, stateless[i]) == 0)
				c.bytes = xcalloc(NCODEPOINTS, sizeof *c.bytes);
	}
	/* Pass 1: every character that will not be written as itself (or its
	 * Windows form), with its place; the text to convert, substitutions
	 * and line ends applied, and the text it must read back as. */
	struct strbuf text, expect;
	sb_init(&text);
	sb_init(&expect);
	int line = 1, col = 1;
	unsigned long prev = 0;     /* the character before, for composing */
	size_t prev_at = 0, prev_exp = 0; /* where it starts in text, expect */
	bool ok = true;
	for (size_t i = 0; i < len;) {
		size_t k = utf8_seqlen((const unsigned char *)utf8 + i, len - i);
		if (!k) {
			diag_set(err, "", line, "%s", _("the document is not valid UTF-8"));
			ok = false;
			break;
		}
		if (utf8[i] == '\n') {
			sb_add(&text, crlf ? "\r\n" : "\n");
			sb_add(&expect, crlf ? "\r\n" : "\n");
			line++;
			col = 1;
			i++;
			prev = 0;
			continue;
		}
		if (!utf8_out) {
			/* A run of characters already known to be written as
			 * themselves (most of a document after its first lines):
			 * appended at once, as put_char would one by one. */
			size_t j = i, last = i;
			unsigned long last_cp = 0;
			int n = 0;
			for (;;) {
				const unsigned char *u = (const unsigned char *)utf8 + j;
				size_t kk = j < len && *u != '\n' ? (*u < 0x80 ? 1 : utf8_seqlen(u, len - j)) : 0;
				unsigned long cc = kk ? utf8_decode(u, kk) : 0;
				if (!kk || cc >= NCODEPOINTS || c.seen[cc] != V_SAME + 1)
					break;
				last = j;
				last_cp = cc;
				j += kk;
				n++;
			}
			if (n) {
				prev_at = text.len + (last - i);
				prev_exp = expect.len + (last - i);
				sb_addn(&text, utf8 + i, j - i);
				sb_addn(&expect, utf8 + i, j - i);
				prev = last_cp;
				col += n;
				i = j;
				continue;
			}
		}
		unsigned long cp = utf8_decode((const unsigned char *)utf8 + i, k);
		size_t at = text.len, exp_at = expect.len;
		if (utf8_out) {
			sb_addn(&text, utf8 + i, k);
		} else if (!put_char(&c, utf8 + i, k, &text, &expect)) {
			const char *sub = encode_substitution(cp);
			/* ｶﾞ: the half-width letter is written full-width, so its
			 * half-width mark is the combining one after カ. */
			unsigned long base = prev, mark = cp;
			if ((cp == 0xFF9E || cp == 0xFF9F) && prev >= 0xFF61 && prev <= 0xFF9D) {
				const char *full = encode_substitution(prev);
				base = utf8_decode((const unsigned char *)full, strlen(full));
				mark = cp == 0xFF9E ? 0x3099 : 0x309A;
			}
			/* A mark that composes with the letter before it (か + U+3099,
			 * as typed in a text not normalised): the composed letter,
			 * by Unicode's own composition (libunistring). */
			uint8_t joined[8] = "";
			ucs4_t both = base ? uc_composition((ucs4_t)base, (ucs4_t)mark) : 0;
			int jn = both ? u8_uctomb(joined, both, (int)sizeof joined - 1) : 0;
			bool joins = jn > 0;
			if (joins) {
				joined[jn] = '\0';
				sub = (const char *)joined;
			}
			size_t t0 = text.len, e0 = expect.len;
			if (substitute && sub && joins) {
				/* The mark joins the letter before it. */
				text.len = prev_at;
				expect.len = prev_exp;
				if (put_text(&c, sub, &text, &expect)) {
					at = prev_at;
					exp_at = prev_exp;
				} else {
					text.len = t0;
					expect.len = e0;
					sub = NULL;
				}
			} else if (substitute && sub && !put_text(&c, sub, &text, &expect)) {
				sub = NULL;
			}
			if (!substitute || !sub) {
				rep->v = xrealloc(rep->v, (rep->n + 1) * sizeof *rep->v);
				rep->joined = xrealloc(rep->joined, (rep->n + 1) * sizeof *rep->joined);
				memcpy(rep->joined[rep->n], joins && sub ? (const char *)joined : "",
				       joins && sub ? sizeof joined : 1);
				rep->v[rep->n++] = (struct enc_bad){ cp, line, col, joins ? NULL : sub };
			}
		}
		prev = cp;
		prev_at = at;
		prev_exp = exp_at;
		i += k;
		col++;
	}
	for (size_t j = 0; j < rep->n; j++)   /* the array has stopped moving */
		if (rep->joined[j][0])
			rep->v[j].subst = rep->joined[j];
	if (!ok || rep->n) {
		ok = false;
	} else if (utf8_out) {
		sb_addn(out, text.buf, text.len);
	} else {
		/* Pass 2: the whole text at once; pass 3: decode what was written
		 * and compare it with what it must read as. */
		struct strbuf bytes, back;
		sb_init(&bytes);
		sb_init(&back);
		if (!convert(&c, text.buf, text.len, &bytes)) {
			diag_set(err, "", 0, _("iconv failed to write %s: %s"), code, strerror(errno));
			ok = false;
		} else if (!run_iconv(c.from, bytes.buf, bytes.len, &back) ||
		           back.len != expect.len || memcmp(back.buf, expect.buf, back.len) != 0) {
			diag_set(err, "", 0, _("the %s written does not read back as the document; "
			         "nothing was written"), code);
			ok = false;
		} else {
			sb_addn(out, bytes.buf, bytes.len);
		}
		sb_release(&bytes);
		sb_release(&back);
	}
	if (c.to != (iconv_t)-1)
		iconv_close(c.to);
	if (c.from != (iconv_t)-1)
		iconv_close(c.from);
	free(c.seen);
	free(c.bytes);
	sb_release(&text);
	sb_release(&expect);
	return ok;
}
