/* followup — a letter (the notice, a template of the registry) sent once
 * is written next as its 第2報: what changed of the facts it carries since
 * the copy sent, handed to the template's follow-up (notice.h) through
 * the model, in the copy exported only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/export.h"
#include "todoke/history.h"
#include "todoke/notice.h"
#include "todoke/strbuf.h"

bool history_followup_letter(const struct formset *fs, const struct notice_set *set,
                             const struct document *doc, const char *path,
                             struct incident *inc)
{
	struct submissions all;
	struct diag d;
	diag_clear(&d);
	if (!set || !path || !submissions_list(path, &all, &d))
		return false;
	const struct submission *last = submissions_last(&all, doc->id);
	char *text = NULL;
	size_t len;
	struct incident *then = NULL;
	if (!last || !submission_read(path, last, &text, &len, NULL, NULL, &d) ||
	    !incident_parse(text, len, last->tag, fs, &then, &d)) {
		free(text);
		submissions_release(&all);
		return false;
	}
	free(text);
	incident_adopt_documents(then, fs);
	struct notice was, now;
	char *old_title = NULL;
	struct strbuf ids, items;
	sb_init(&ids);
	sb_init(&items);
	if (notice_build_type(set, then, document_template(doc, then), &was, &d)) {
		old_title = notice_title(&was) ? xstrdup(notice_title(&was)) : NULL;
		notice_release(&was);
	}
	if (notice_build_type(set, inc, document_template(doc, inc), &now, &d)) {
		for (int i = 0; i < 10; i++)
			if (now.duty_ids[i])
				sb_addf(&ids, " %s ", now.duty_ids[i]);
		notice_release(&now);
	}
	const struct form *nf = incident_form(inc, doc->form);
	struct changes ch;
	changes_between(then, inc, &ch);
	for (size_t i = 0; i < ch.n; i++) {
		const struct change *c = &ch.v[i];
		char base[256], word[260];
		snprintf(base, sizeof base, "%.*s", (int)strcspn(c->key, "["), c->key);
		snprintf(word, sizeof word, " %s ", base);
		if (!(nf && form_question(nf, base)) && !strstr(ids.buf ? ids.buf : "", word))
			continue;
		if (submission_bookkeeping(formset_documents(fs), c->key))
			continue;
		struct strbuf v, lb;
		sb_init(&v);
		sb_init(&lb);
		/* A text's lines run on in a list item; a number as the notice
		 * prints it (2,500). */
		char *end;
		long long num = strtoll(c->new_text, &end, 10);
		if (*c->new_text && !*end)
			sb_add_thousands(&v, num);
		else
			for (const char *p = c->new_text; *p; p++)
				if (strncmp(p, " ⏎ ", strlen(" ⏎ ")) == 0)
					p += strlen(" ⏎ ") - 1;
				else
					sb_addc(&v, *p);
		/* An entry's field under its list: 「対象ごとの本人の数(人数)」. */
		const struct question *q = incident_question(inc, base, NULL);
		if (q && q->type == Q_REPEAT && q->label)
			sb_addf(&lb, "%s(%s)", q->label, c->label ? c->label : c->key);
		else
			sb_add(&lb, c->label ? c->label : base);
		const char *label = lb.buf;
		if (!*c->new_text)
			sb_addf(&items, "%s: 前回のお知らせの内容を取り消します\n", label);
		else if (!*c->old_text)
			sb_addf(&items, "%s: %s\n", label, v.buf);
		else
			sb_addf(&items, "%s: %s(前回のお知らせでは「%s」)\n", label, v.buf,
			        c->old_text);
		sb_release(&v);
		sb_release(&lb);
	}
	changes_release(&ch);
	char *kind = submission_next_kind(&all, doc, inc);
	model_set_text(inc->answers, NOTICE_FOLLOWUP_KIND, Q_TEXT, kind);
	model_set_date(inc->answers, NOTICE_FOLLOWUP_DATE, last->date);
	if (old_title)
		model_set_text(inc->answers, NOTICE_FOLLOWUP_TITLE, Q_TEXT, old_title);
	model_set_text(inc->answers, NOTICE_FOLLOWUP_ITEMS, Q_LINES, items.buf);
	free(kind);
	free(old_title);
	sb_release(&ids);
	sb_release(&items);
	incident_free(&then);
	submissions_release(&all);
	return true;
}

void history_followup_clear(struct incident *inc)
{
	model_unset(inc->answers, NOTICE_FOLLOWUP_KIND);
	model_unset(inc->answers, NOTICE_FOLLOWUP_DATE);
	model_unset(inc->answers, NOTICE_FOLLOWUP_TITLE);
	model_unset(inc->answers, NOTICE_FOLLOWUP_ITEMS);
}

