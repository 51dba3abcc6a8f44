/* followup — a notice that follows an earlier one (続報, 第2報): the title
 * says so, an opening paragraph refers to the first notice by its date,
 * and 「新たに判明した事項」 comes first under 記 (the 続報 pattern of
 * companies' notices).  The facts come from the answers' diff, given in
 * the model by the exporting client (notice.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/notice.h"
#include "todoke/strbuf.h"

static void insert(struct notice *n, size_t at, enum nblock_kind kind, const char *text,
                   int part)
{
	n->v = xrealloc(n->v, (n->n + 1) * sizeof *n->v);
	memmove(&n->v[at + 1], &n->v[at], (n->n - at) * sizeof *n->v);
	n->v[at] = (struct nblock){ .kind = kind, .text = xstrdup(text), .part = part };
	n->n++;
}

static void renumber(struct notice *n)
{
	int sec = 0, sub = 0;
	for (size_t i = 0; i < n->n; i++) {
		if (n->v[i].kind == NB_SECTION) {
			snprintf(n->v[i].number, sizeof n->v[i].number, "%d.", ++sec);
			sub = 0;
		} else if (n->v[i].kind == NB_SUB)
			snprintf(n->v[i].number, sizeof n->v[i].number, "(%d)", ++sub);
	}
}

void notice_followup(struct notice *n, const struct model *m)
{
	const char *kind = model_text(m, NOTICE_FOLLOWUP_KIND);
	struct date first;
	if (!*kind || !model_date(m, NOTICE_FOLLOWUP_DATE, &first))
		return;
	const char *items = model_text(m, NOTICE_FOLLOWUP_ITEMS);
	const char *old_title = model_text(m, NOTICE_FOLLOWUP_TITLE);
	char date[64];
	date_format_ymd_ja(first, date, sizeof date);
	size_t title = n->n, center = n->n;
	for (size_t i = 0; i < n->n; i++) {
		if (n->v[i].kind == NB_TITLE && title == n->n)
			title = i;
		if (n->v[i].kind == NB_CENTER && center == n->n)
			center = i;
	}
	if (title == n->n)
		return;  /* a template without a title is not a notice to follow */
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s(%s)", n->v[title].text, kind);
	free(n->v[title].text);
	n->v[title].text = sb_detach(&sb);
	/* A title holding 「」 is quoted in 『』. */
	if (!*old_title)
		old_title = n->v[title].text;
	bool nested = strstr(old_title, "「") != NULL;
	sb_init(&sb);
	sb_addf(&sb, "%sにお知らせいたしました%s%s%sにつきまして、その後の調査により新たに"
	             "判明した事項を、下記のとおりお知らせいたします。",
	        date, nested ? "『" : "「", old_title, nested ? "』" : "」");
	insert(n, title + 1, NB_PARA, sb.buf, n->v[title].part);
	sb_release(&sb);
	/* Under 記, before every other section. */
	size_t at = center < n->n ? center + 2 : title + 2;
	if (at > n->n)
		at = n->n;
	int part = at < n->n ? n->v[at].part : n->v[n->n - 1].part;
	insert(n, at++, NB_SECTION, "新たに判明した事項", part);
	if (!*items)
		insert(n, at++, NB_PARA, "前回のお知らせから変わった事項はございません。", part);
	for (const char *p = items; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, len);
		if (*line)
			insert(n, at++, NB_ITEM, line, part);
		free(line);
		if (!nl)
			break;
		p = nl + 1;
	}
	renumber(n);
}
