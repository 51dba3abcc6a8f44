/* notice internals: a parsed template, shared by the parser (template.c)
 * and the evaluator (build.c). */
#ifndef TODOKE_NOTICE_INTERNAL_H
#define TODOKE_NOTICE_INTERNAL_H

#include "todoke/notice.h"

/* One term of a condition; a condition holds when all its terms do. */
struct term {
	bool neg;
	enum { T_ANSWERED, T_EQUALS, T_SHOWN, T_MANDATORY, T_ANY, T_TEXT } kind;
	char *id;
	char **opts;        /* T_EQUALS; T_ANY: the field */
	size_t nopts;
};

struct cond {
	struct term *v;
	size_t n;
};

/* Inline text: literal runs, {answers and phrases}, {if}…{else}…{end}. */
struct inl {
	enum { IN_TEXT, IN_VAR, IN_IF } kind;
	char *text;                 /* IN_TEXT; IN_VAR: the name */
	struct inl *fallback;       /* IN_VAR: {id|fallback} */
	bool has_fallback;
	size_t nfallback;
	struct cond cond;           /* IN_IF */
	struct inl *then, *els;
	size_t nthen, nels;
};

struct itext {
	struct inl *v;
	size_t n;
	const char *file;           /* where it was written, for messages */
	int line;
};

enum stmt_kind {
	ST_PARA,     /* | text */
	ST_BREAK,    /* a bare | : ends the paragraph */
	ST_TITLE, ST_RIGHT, ST_CENTER, ST_SECTION, ST_SUB, ST_ITEM, ST_LINE,
	ST_ITEMS,    /* items ID: a ・ per line of an answer */
	ST_IF, ST_FOR, ST_COVERS, ST_USE,
};

struct stmt {
	enum stmt_kind kind;
	struct itext text;
	char *id;                   /* ST_ITEMS, ST_FOR; ST_USE: block name */
	struct cond cond;           /* ST_IF */
	struct stmt *body, *els;    /* ST_IF, ST_FOR */
	size_t nbody, nels;
	unsigned covers;            /* ST_COVERS */
	const char *file;
	int line;
};

struct block {
	char *name;
	struct stmt *body;
	size_t n;
};

struct phrase {
	char *name;
	struct itext text;
};

struct tmpl {
	char *type;
	char *label;
	char **files;               /* every file read (names kept for messages) */
	size_t nfiles;
	struct phrase *phrases;
	size_t nphrases;
	struct block *blocks;
	size_t nblocks;
	char **order;               /* the body: blocks, in order */
	size_t norder;
	const char *order_file;     /* where `order` was given */
	int order_line;
	char *duty_name[10];
	char *duty_ids[10];
};

struct notice_set {
	struct tmpl **v;
	size_t n;
};

const struct tmpl *notice_set_find(const struct notice_set *s, const char *type);
const struct block *tmpl_block(const struct tmpl *t, const char *name);
const struct phrase *tmpl_phrase(const struct tmpl *t, const char *name);

#endif
