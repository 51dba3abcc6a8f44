/* notice — one standalone HTML5 page: no script, no external file, every
 * text escaped; narrow screens and print both read it well. */
#include "todoke/notice.h"

#include <stdlib.h>
#include <string.h>

void html_escape(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sb_add(out, "&amp;"); break;
		case '<': sb_add(out, "&lt;"); break;
		case '>': sb_add(out, "&gt;"); break;
		case '"': sb_add(out, "&quot;"); break;
		case '\'': sb_add(out, "&#39;"); break;
		default: sb_addc(out, *s); break;
		}
	}
}

/* A run of ASCII this long (an address, a URL) gets break points. */
#define LONG_TOKEN 16

static bool ascii_graph(char c)
{
	return c > ' ' && c < 0x7f;
}

/* An address, a URL: letters, digits and the signs they use, and one
 * of . / @ (not markup someone typed, which is shown as it is). */
static bool address_like(const char *s, size_t n)
{
	bool sep = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      strchr("./:@-_~%+?=#&", c)))
			return false;
		sep |= c == '.' || c == '/' || c == '@';
	}
	return sep;
}

/* Bytes [from, to) of s escaped, line breaks as <br>; in a long ASCII
 * token a <wbr> after / and -, before . and @, so that a phone's narrow
 * screen breaks it there first (overflow-wrap in the style is the last
 * resort). */
static void html_text(struct strbuf *out, const char *s, size_t from, size_t to)
{
	/* The token around from may have begun before it: look back. */
	size_t tok = from;
	while (tok > 0 && ascii_graph(s[tok - 1]))
		tok--;
	for (size_t i = from; i < to; i++) {
		char c = s[i];
		if (c == '\n') {
			sb_add(out, "<br>\n");
			continue;
		}
		if (!ascii_graph(c)) {
			char one[2] = { c, 0 };
			html_escape(out, one);
			tok = i + 1;
			continue;
		}
		size_t end = i;
		while (ascii_graph(s[end]))
			end++;
		bool long_tok = end - tok >= LONG_TOKEN && address_like(s + tok, end - tok);
		if (long_tok && i > tok && (c == '.' || c == '@'))
			sb_add(out, "<wbr>");
		char one[2] = { c, 0 };
		html_escape(out, one);
		if (long_tok && i + 1 < end && ((c == '/' && s[i + 1] != '/') || c == '-'))
			sb_add(out, "<wbr>");
	}
}

/* Escaped, with the answer's line breaks as <br>. */
static void html_lines(struct strbuf *out, const char *s)
{
	html_text(out, s, 0, strlen(s));
}

/* The href of an answer of the inquiry window, or false: a telephone
 * number (digits, +, -; full-width digits as typed by an input method),
 * an e-mail address, a web address. */
static bool tel_href(const char *text, struct strbuf *href)
{
	int digits = 0;
	sb_add(href, "tel:");
	for (const unsigned char *u = (const unsigned char *)text; *u; u++) {
		if ((*u >= '0' && *u <= '9') || *u == '+' || *u == '-') {
			digits += *u >= '0' && *u <= '9';
			sb_addc(href, (char)*u);
		} else if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
			sb_addc(href, (char)('0' + u[2] - 0x90));
			digits++;
			u += 2;
		} else if (*u != ' ' && *u != '(' && *u != ')') {
			return false;   /* 「0120-000-000(平日)」: not a number alone */
		}
	}
	return digits >= 3;
}

static bool plain_ascii(const char *text)
{
	for (const char *p = text; *p; p++)
		if (!ascii_graph(*p) || strchr("<>\"'`", *p))
			return false;
	return true;
}

static bool mail_href(const char *text, struct strbuf *href)
{
	const char *at = strchr(text, '@');
	if (!plain_ascii(text) || !at || at == text || !strchr(at, '.') || strchr(at + 1, '@'))
		return false;
	sb_addf(href, "mailto:%s", text);
	return true;
}

static bool web_href(const char *text, struct strbuf *href)
{
	if (!plain_ascii(text))
		return false;
	if (strncmp(text, "https://", 8) == 0 || strncmp(text, "http://", 7) == 0)
		sb_add(href, text);
	else if (strncmp(text, "www.", 4) == 0)
		sb_addf(href, "https://%s", text);
	else
		return false;
	return true;
}

/* The answers of the inquiry window that are links. */
static const struct {
	const char *id;
	bool (*href)(const char *text, struct strbuf *href);
} links[] = {
	{ "notice.contact.tel", tel_href },
	{ "notice.contact.email", mail_href },
	{ "notice.url", web_href },
};

static bool link_of(const char *id, const char *text, struct strbuf *href)
{
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++)
		if (strcmp(id, links[i].id) == 0)
			return links[i].href(text, href);
	return false;
}

/* A block's text, its inquiry-window answers as links. */
static void html_block(struct strbuf *out, const struct nblock *b)
{
	size_t at = 0, len = strlen(b->text);
	for (size_t k = 0; k < b->nspans; k++) {
		const struct nspan *sp = &b->spans[k];
		struct strbuf href;
		sb_init(&href);
		char *t = xstrndup(b->text + sp->start, sp->end - sp->start);
		if (sp->id && !sp->field && !sp->gap && sp->start >= at && link_of(sp->id, t, &href)) {
			html_text(out, b->text, at, sp->start);
			sb_add(out, "<a href=\"");
			html_escape(out, href.buf);
			sb_add(out, "\">");
			html_text(out, b->text, sp->start, sp->end);
			sb_add(out, "</a>");
			at = sp->end;
		}
		free(t);
		sb_release(&href);
	}
	html_text(out, b->text, at, len);
}

static const char style[] =
	"body{margin:0;background:#fff;color:#1a1a1a;"
	"font-family:\"Hiragino Kaku Gothic ProN\",\"Hiragino Sans\",\"Yu Gothic\",Meiryo,"
	"\"Noto Sans CJK JP\",\"Noto Sans JP\",sans-serif;font-size:100%;line-height:1.8}\n"
	"main{max-width:42em;margin:0 auto;padding:1.5em 1em 3em}\n"
	"h1{font-size:1.3em;line-height:1.5;text-align:center;margin:1.2em 0 1.5em}\n"
	"h2{font-size:1.1em;margin:2em 0 .6em;padding-bottom:.2em;border-bottom:1px solid #999}\n"
	"h3{font-size:1em;margin:1.2em 0 .3em}\n"
	"p{margin:.5em 0;text-indent:1em}\n"
	"p.right{text-align:right;text-indent:0}\n"
	"p.center{text-align:center;text-indent:0;margin:1.5em 0}\n"
	"p.lines{text-indent:0}\n"
	"ul{margin:.4em 0 .8em;padding-left:1.2em}\n"
	"li{margin:.2em 0}\n"
	"h1,h2,h3,p,li{overflow-wrap:anywhere}\n"
	"a{color:#0645ad}\n"
	"@media print{body{font-size:10.5pt}main{max-width:none;padding:0}"
	"h2,h3{break-after:avoid}ul,p{break-inside:avoid}}\n";

void notice_html(const struct notice *n, struct strbuf *out)
{
	const char *title = notice_title(n);

	sb_add(out, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
	            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	            "<title>");
	html_escape(out, title ? title : "お知らせ");
	sb_add(out, "</title>\n<style>\n");
	sb_add(out, style);
	sb_add(out, "</style>\n</head>\n<body>\n<main>\n");

	for (size_t i = 0; i < n->n; i++) {
		const struct nblock *b = &n->v[i];
		bool first = i == 0 || n->v[i - 1].kind != b->kind;
		bool last = i + 1 == n->n || n->v[i + 1].kind != b->kind;
		switch (b->kind) {
		case NB_TITLE:
			sb_add(out, "<h1>");
			html_lines(out, b->text);
			sb_add(out, "</h1>\n");
			break;
		case NB_SECTION:
		case NB_SUB:
			sb_add(out, b->kind == NB_SECTION ? "<h2>" : "<h3>");
			html_escape(out, b->number);
			sb_addc(out, ' ');
			html_lines(out, b->text);
			sb_add(out, b->kind == NB_SECTION ? "</h2>\n" : "</h3>\n");
			break;
		case NB_PARA:
			sb_add(out, "<p>");
			html_block(out, b);
			sb_add(out, "</p>\n");
			break;
		case NB_CENTER:
			sb_add(out, "<p class=\"center\">");
			html_lines(out, b->text);
			sb_add(out, "</p>\n");
			break;
		/* Runs of right-aligned lines, of items and of plain lines are one
		 * element each. */
		case NB_RIGHT:
		case NB_LINE:
			if (first)
				sb_add(out, b->kind == NB_RIGHT ? "<p class=\"right\">" : "<p class=\"lines\">");
			html_block(out, b);
			sb_add(out, last ? "</p>\n" : "<br>\n");
			break;
		case NB_ITEM:
			if (first)
				sb_add(out, "<ul>\n");
			sb_add(out, "<li>");
			html_block(out, b);
			sb_add(out, "</li>\n");
			if (last)
				sb_add(out, "</ul>\n");
			break;
		}
	}
	sb_add(out, "</main>\n</body>\n</html>\n");
}
