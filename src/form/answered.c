/* answered — whether a question has an answer, for every client: the
 * checks (todoke check, the status line), the wizard's pages, the
 * notice's conditions; and the units progress counts (a group of boxes
 * once) for check's count, the status line, the page progress and the
 * review.  One rule, so that they never disagree. */
#include "todoke/form.h"

#include <string.h>

bool answer_blank(const char *t)
{
	if (!t)
		return true;
	while (*t) {
		if (*t == ' ' || *t == '\t' || *t == '\n')
			t++;
		else if (strncmp(t, "\xe3\x80\x80", 3) == 0)   /* U+3000 全角スペース */
			t += 3;
		else
			return false;
	}
	return true;
}

bool question_answered(const struct question *q, const struct model *m)
{
	if (q->type == Q_REPEAT)
		return model_entry_count(m, q->id) > 0;
	const struct value *v = model_get(m, q->id);
	if (!v)
		return false;
	switch (v->type) {
	case Q_TEXT:
	case Q_LINES:
		return !answer_blank(v->text);
	case Q_CHECK:
		/* [x] and [ ] are both answers: "no" is an answer.  A box nobody
		 * touched has no value. */
		return true;
	default:
		return true;
	}
}

/* Boxes i and i-1 are of one group: both boxes of one section with nothing
 * asked between them (qs is in layout order: a form's questions, or a
 * list's fields). */
static bool same_group(const struct question *qs, size_t i)
{
	return i > 0 && qs[i].type == Q_CHECK && qs[i - 1].type == Q_CHECK &&
	       qs[i].section == qs[i - 1].section;
}

struct q_unit question_unit(const struct question *qs, size_t nqs, size_t i)
{
	size_t first = i, end = i + 1;
	while (same_group(qs, first))
		first--;
	while (end < nqs && same_group(qs, end))
		end++;
	return (struct q_unit){ qs + first, end - first };
}

bool unit_shown(struct q_unit u, const struct model *m)
{
	for (size_t i = 0; i < u.n; i++)
		if (question_shown(&u.q[i], m))
			return true;
	return false;
}

bool unit_answered(struct q_unit u, const struct model *m)
{
	if (u.n == 1)
		return question_answered(u.q, m);
	/* A group is answered by a tick (its 不明 or 該当なし box, if nothing
	 * else applies): unticked boxes say nothing yet, since every box the
	 * user passes and leaves is one. */
	for (size_t i = 0; i < u.n; i++)
		if (question_shown(&u.q[i], m) && model_checked(m, u.q[i].id))
			return true;
	return false;
}
