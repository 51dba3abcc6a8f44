/* encode — checked conversion of documents with iconv. */
#include "todoke/encode.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "todoke/utf8.h"

static const struct {
	const char *name, *iconv;
} encodings[] = {
	{ "utf-8", "UTF-8" }, { "cp932", "CP932" }, { "shift_jis", "SHIFT_JIS" },
	{ "iso-2022-jp", "ISO-2022-JP" }, { "euc-jp", "EUC-JP" },
};

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
};

/* A kana and a combining (semi-)voiced mark after it, composed: how a
 * 「が」 typed as か + U+3099 is written where the mark alone will not go. */
static const struct {
	unsigned long base, mark;
	const char *composed;
} composed[] = {
	{ 0x3046, 0x3099, "ゔ" }, { 0x304B, 0x3099, "が" }, { 0x304D, 0x3099, "ぎ" }, { 0x304F, 0x3099, "ぐ" },
	{ 0x3051, 0x3099, "げ" }, { 0x3053, 0x3099, "ご" }, { 0x3055, 0x3099, "ざ" }, { 0x3057, 0x3099, "じ" },
	{ 0x3059, 0x3099, "ず" }, { 0x305B, 0x3099, "ぜ" }, { 0x305D, 0x3099, "ぞ" }, { 0x305F, 0x3099, "だ" },
	{ 0x3061, 0x3099, "ぢ" }, { 0x3064, 0x3099, "づ" }, { 0x3066, 0x3099, "で" }, { 0x3068, 0x3099, "ど" },
	{ 0x306F, 0x3099, "ば" }, { 0x306F, 0x309A, "ぱ" }, { 0x3072, 0x3099, "び" }, { 0x3072, 0x309A, "ぴ" },
	{ 0x3075, 0x3099, "ぶ" }, { 0x3075, 0x309A, "ぷ" }, { 0x3078, 0x3099, "べ" }, { 0x3078, 0x309A, "ぺ" },
	{ 0x307B, 0x3099, "ぼ" }, { 0x307B, 0x309A, "ぽ" }, { 0x30A6, 0x3099, "ヴ" }, { 0x30AB, 0x3099, "ガ" },
	{ 0x30AD, 0x3099, "ギ" }, { 0x30AF, 0x3099, "グ" }, { 0x30B1, 0x3099, "ゲ" }, { 0x30B3, 0x3099, "ゴ" },
	{ 0x30B5, 0x3099, "ザ" }, { 0x30B7, 0x3099, "ジ" }, { 0x30B9, 0x3099, "ズ" }, { 0x30BB, 0x3099, "ゼ" },
	{ 0x30BD, 0x3099, "ゾ" }, { 0x30BF, 0x3099, "ダ" }, { 0x30C1, 0x3099, "ヂ" }, { 0x30C4, 0x3099, "ヅ" },
	{ 0x30C6, 0x3099, "デ" }, { 0x30C8, 0x3099, "ド" }, { 0x30CF, 0x3099, "バ" }, { 0x30CF, 0x309A, "パ" },
	{ 0x30D2, 0x3099, "ビ" }, { 0x30D2, 0x309A, "ピ" }, { 0x30D5, 0x3099, "ブ" }, { 0x30D5, 0x309A, "プ" },
	{ 0x30D8, 0x3099, "ベ" }, { 0x30D8, 0x309A, "ペ" }, { 0x30DB, 0x3099, "ボ" }, { 0x30DB, 0x309A, "ポ" },
	{ 0x30EF, 0x3099, "ヷ" }, { 0x30F0, 0x3099, "ヸ" }, { 0x30F1, 0x3099, "ヹ" }, { 0x30F2, 0x3099, "ヺ" },
	{ 0x309D, 0x3099, "ゞ" }, { 0x30FD, 0x3099, "ヾ" },
};

const char *encode_substitution(unsigned long cp)
{
	for (size_t i = 0; i < sizeof substitutions / sizeof substitutions[0]; i++)
		if (substitutions[i].cp == cp)
			return substitutions[i].to;
	return NULL;
}

/* Whether one character (its UTF-8 bytes) converts; a fresh state each
 * time, so a failure leaves nothing behind. */
static bool converts(const char *code, const char *mb, size_t n)
{
	iconv_t cd = iconv_open(code, "UTF-8");
	if (cd == (iconv_t)-1)
		return false;
	char buf[32], src[32];
	if (n >= sizeof src) {
		iconv_close(cd);
		return false;
	}
	memcpy(src, mb, n);
	char *in = src, *o = buf;
	size_t inl = n, outl = sizeof buf;
	bool ok = iconv(cd, &in, &inl, &o, &outl) != (size_t)-1 && inl == 0;
	iconv_close(cd);
	return ok;
}

void enc_report_release(struct enc_report *rep)
{
	free(rep->v);
	rep->v = NULL;
	rep->n = 0;
}

bool encode_document(const char *utf8, size_t len, const char *encoding, bool crlf,
                     bool substitute, struct strbuf *out, struct enc_report *rep,
                     struct diag *err)
{
	const char *code = encode_iconv_name(encoding);
	memset(rep, 0, sizeof *rep);
	if (!code) {
		diag_set(err, "", 0, "unknown encoding \"%s\" (known: utf-8, cp932, shift_jis, "
		         "iso-2022-jp, euc-jp)", encoding);
		return false;
	}
	/* Pass 1: every character that will not convert, with its place;
	 * the text to convert, substitutions and line ends applied. */
	struct strbuf text;
	sb_init(&text);
	int line = 1, col = 1;
	unsigned long prev = 0;     /* the character before, for composing */
	size_t prev_at = 0;         /* where it starts in text */
	bool utf8_out = strcmp(code, "UTF-8") == 0;
	for (size_t i = 0; i < len;) {
		size_t k = utf8_seqlen((const unsigned char *)utf8 + i, len - i);
		if (!k) {
			diag_set(err, "", line, "the document is not valid UTF-8");
			sb_release(&text);
			return false;
		}
		if (utf8[i] == '\n') {
			sb_add(&text, crlf ? "\r\n" : "\n");
			line++;
			col = 1;
			i++;
			prev = 0;
			continue;
		}
		unsigned long cp = utf8_decode((const unsigned char *)utf8 + i, k);
		size_t at = text.len;
		if (k > 1 && !utf8_out && !converts(code, utf8 + i, k)) {
			const char *sub = encode_substitution(cp);
			/* ｶﾞ: the half-width letter is written full-width, so its
			 * half-width mark is the combining one after カ. */
			unsigned long base = prev, mark = cp;
			if ((cp == 0xFF9E || cp == 0xFF9F) && prev >= 0xFF61 && prev <= 0xFF9D) {
				const char *full = encode_substitution(prev);
				base = utf8_decode((const unsigned char *)full, strlen(full));
				mark = cp == 0xFF9E ? 0x3099 : 0x309A;
			}
			for (size_t c = 0; c < sizeof composed / sizeof composed[0]; c++)
				if (composed[c].base == base && composed[c].mark == mark)
					sub = composed[c].composed;
			if (substitute && sub && sub != encode_substitution(cp) &&
			    converts(code, sub, strlen(sub))) {
				/* The mark joins the letter before it. */
				text.len = prev_at;
				at = prev_at;
				sb_add(&text, sub);
			} else if (substitute && sub && converts(code, sub, strlen(sub))) {
				sb_add(&text, sub);
			} else {
				rep->v = xrealloc(rep->v, (rep->n + 1) * sizeof *rep->v);
				rep->v[rep->n++] = (struct enc_bad){ cp, line, col, sub };
			}
		} else {
			sb_addn(&text, utf8 + i, k);
		}
		prev = cp;
		prev_at = at;
		i += k;
		col++;
	}
	if (rep->n) {
		sb_release(&text);
		return false;
	}
	if (utf8_out) {
		sb_addn(out, text.buf, text.len);
		sb_release(&text);
		return true;
	}
	/* Pass 2: the whole text at once; for ISO-2022-JP, back to ASCII. */
	iconv_t cd = iconv_open(code, "UTF-8");
	bool ok = cd != (iconv_t)-1;
	char *in = text.buf;
	size_t inl = text.len;
	char buf[4096];
	while (ok) {
		char *o = buf;
		size_t outl = sizeof buf;
		size_t r = iconv(cd, inl ? &in : NULL, inl ? &inl : NULL, &o, &outl);
		sb_addn(out, buf, sizeof buf - outl);
		if (r == (size_t)-1 && errno == E2BIG)
			continue;
		if (r == (size_t)-1) {
			ok = false;
			break;
		}
		if (!inl) {
			o = buf;
			outl = sizeof buf;
			iconv(cd, NULL, NULL, &o, &outl);
			sb_addn(out, buf, sizeof buf - outl);
			break;
		}
	}
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	if (!ok) {
		diag_set(err, "", 0, "iconv failed to write %s: %s", code, strerror(errno));
		out->len = 0;
		if (out->buf)
			out->buf[0] = '\0';
	}
	sb_release(&text);
	return ok;
}
