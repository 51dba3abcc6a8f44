/* ppcfields — the PPC report cut into the items of its web form, for
 * copying them across one by one (the wizard's 「PPC 入力補助」).
 *
 * The cut is made on the report's own text, as `todoke export ppc`
 * writes it (export_document), so the fields hold exactly what the file
 * holds and in its order: 【報告者】 one field per 「項目: 内容」 line,
 * then 規則第8条第1項の一〜九 — 一 (概要) one field per (1)… item, 二〜九
 * one field each, their indentation removed.  What comes before 【報告者】
 * (the title, dates) and after 九 (the decision's facts, the appendix) is
 * not part of the form's items and is left out. */
#ifndef TODOKE_PPCFIELDS_H
#define TODOKE_PPCFIELDS_H

#include <stddef.h>

struct ppc_field {
	char *label;    /* 「報告者: 氏名又は名称」, 「一 (1) 発生日」, 「二 …」 */
	char *text;     /* the value, lines joined by "\n", no final newline */
};

struct ppc_fields {
	struct ppc_field *v;
	size_t n;
};

/* Cuts the report text (UTF-8, lines ending in "\n").  Never fails: text
 * without the headings gives no fields. */
void ppc_fields_split(const char *report, struct ppc_fields *out);
void ppc_fields_release(struct ppc_fields *f);

#endif
