/* ppcfields — the PPC report's text cut into its web form's items. */
#include "todoke/ppcfields.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/strbuf.h"

/* The headings of 規則第8条第1項, as the form writes them: 「一 概要」. */
static const char *const NUMERALS[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };

/* The strbuf emptied for the next field, its buffer kept. */
static void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->buf[0] = '\0';
}

static int item_number(const char *line, size_t n)
{
	for (int i = 0; i < 9; i++) {
		size_t k = strlen(NUMERALS[i]);
		if (n > k && memcmp(line, NUMERALS[i], k) == 0 && line[k] == ' ')
			return i + 1;
	}
	return 0;
}

static void add(struct ppc_fields *f, const char *label, size_t llen, struct strbuf *text)
{
	/* Trailing blank lines are the gap before the next heading; trailing
	 * spaces, an unanswered field's printed blank. */
	while (text->len && (text->buf[text->len - 1] == '\n' || text->buf[text->len - 1] == ' '))
		text->buf[--text->len] = '\0';
	f->v = realloc(f->v, (f->n + 1) * sizeof *f->v);
	if (!f->v)
		abort();
	f->v[f->n].label = strndup(label, llen);
	f->v[f->n].text = strdup(text->len ? text->buf : "");
	if (!f->v[f->n].label || !f->v[f->n].text)
		abort();
	f->n++;
	sb_reset(text);
}

/* A continuation line without the indentation its field is written at. */
static void add_line(struct strbuf *text, const char *line, size_t n, size_t indent)
{
	size_t i = 0;
	while (i < indent && i < n && line[i] == ' ')
		i++;
	if (text->len || n > i)  /* no leading blank lines */
		sb_addn(text, line + i, n - i), sb_addc(text, '\n');
}

void ppc_fields_split(const char *report, struct ppc_fields *out)
{
	out->v = NULL;
	out->n = 0;
	enum { BEFORE, REPORTER, ITEM, AFTER } where = BEFORE;
	int item = 0;
	bool open = false;          /* a field is being gathered */
	struct strbuf label, text;
	sb_init(&label);
	sb_init(&text);
	const char *p = report;
	while (*p && where != AFTER) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		const char *next = nl ? nl + 1 : p + n;
		int num = n && p[0] != ' ' ? item_number(p, n) : 0;
		bool heading = n && p[0] != ' ' && (num || strncmp(p, "【", 3) == 0);
		if (heading && open) {
			add(out, label.buf, label.len, &text);
			open = false;
		}
		if (heading && num && (where == REPORTER || where == ITEM) && num > item) {
			where = ITEM;
			item = num;
			sb_reset(&label);
			sb_addn(&label, p, n);
			/* 一 (概要) is asked item by item: its (1)… lines open fields. */
			open = num != 1;
		} else if (heading && strncmp(p, "【報告者】", strlen("【報告者】")) == 0 &&
		           where == BEFORE) {
			where = REPORTER;
		} else if (heading && where != BEFORE) {
			where = AFTER;
		} else if (where == REPORTER && n && p[0] != ' ') {
			const char *colon = strstr(p, ": ");
			if (open)
				add(out, label.buf, label.len, &text);
			sb_reset(&label);
			sb_add(&label, "報告者: ");
			if (colon && colon < p + n) {
				sb_addn(&label, p, (size_t)(colon - p));
				sb_addn(&text, colon + 2, n - (size_t)(colon - p) - 2);
				sb_addc(&text, '\n');
			} else {
				sb_addn(&label, p, n);
			}
			open = true;
		} else if (where == REPORTER && open) {
			add_line(&text, p, n, 2);
		} else if (where == ITEM && item == 1 && n > 1 && p[0] == '(') {
			/* 「(1) 発生日: 2024年7月6日」 */
			if (open)
				add(out, label.buf, label.len, &text);
			const char *colon = memchr(p, ':', n);
			sb_reset(&label);
			sb_add(&label, NUMERALS[0]);
			sb_addc(&label, ' ');
			sb_addn(&label, p, colon ? (size_t)(colon - p) : n);
			if (colon) {
				const char *v = colon + 1;
				while (v < p + n && *v == ' ')
					v++;
				if (v < p + n)
					sb_addn(&text, v, (size_t)(p + n - v)), sb_addc(&text, '\n');
			}
			open = true;
		} else if (where == ITEM && open) {
			add_line(&text, p, n, 2);
		}
		p = next;
	}
	if (open)
		add(out, label.buf, label.len, &text);
	sb_release(&label);
	sb_release(&text);
}

void ppc_fields_release(struct ppc_fields *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].label);
		free(f->v[i].text);
	}
	free(f->v);
	f->v = NULL;
	f->n = 0;
}
