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

/* Escaped, with the answer's line breaks as <br>. */
static void html_lines(struct strbuf *out, const char *s)
{
	for (;;) {
		size_t n = strcspn(s, "\n");
		char *l = xstrndup(s, n);
		html_escape(out, l);
		free(l);
		if (!s[n])
			break;
		sb_add(out, "<br>\n");
		s += n + 1;
	}
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
			html_lines(out, b->text);
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
			html_lines(out, b->text);
			sb_add(out, last ? "</p>\n" : "<br>\n");
			break;
		case NB_ITEM:
			if (first)
				sb_add(out, "<ul>\n");
			sb_add(out, "<li>");
			html_lines(out, b->text);
			sb_add(out, "</li>\n");
			if (last)
				sb_add(out, "</ul>\n");
			break;
		}
	}
	sb_add(out, "</main>\n</body>\n</html>\n");
}
