/* answered — whether a question has an answer, for every client: the
 * checks (todoke check, the status line), the wizard's pages and progress,
 * the notice's conditions.  One rule, so that they never disagree. */
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
