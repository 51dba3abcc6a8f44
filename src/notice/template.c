/* notice — parser of the wording templates (todoke-notice(5)). */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "todoke/datadir.h"
#include "todoke/fileio.h"
#include "todoke/lexer.h"
#include "todoke/form.h"
#include "todoke/strbuf.h"

struct file_state;

struct parser {
	struct lexer lx;            /* lx.name is owned by t->files */
	struct tmpl *t;
	const char *dir;
	const char *own;            /* the company's own wording, searched first */
	struct diag *err;
	int depth;                  /* of include */
	struct file_state *fs;      /* of the file being read */
};

/* The error at the current line (lex_fail). */
#define fail(p, ...) lex_fail(&(p)->lx, __VA_ARGS__)

/* ---- freeing ----------------------------------------------------------- */

static void cond_free(struct cond *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].id);
		for (size_t k = 0; k < c->v[i].nopts; k++)
			free(c->v[i].opts[k]);
		free(c->v[i].opts);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

static void inls_free(struct inl *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].text);
		inls_free(v[i].fallback, v[i].nfallback);
		cond_free(&v[i].cond);
		inls_free(v[i].then, v[i].nthen);
		inls_free(v[i].els, v[i].nels);
	}
	free(v);
}

static void stmts_free(struct stmt *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		inls_free(v[i].text.v, v[i].text.n);
		free(v[i].id);
		cond_free(&v[i].cond);
		stmts_free(v[i].body, v[i].nbody);
		stmts_free(v[i].els, v[i].nels);
	}
	free(v);
}

static void tmpl_free(struct tmpl *t)
{
	if (!t)
		return;
	free(t->type);
	free(t->label);
	for (size_t i = 0; i < t->nfiles; i++)
		free(t->files[i]);
	free(t->files);
	for (size_t i = 0; i < t->nphrases; i++) {
		free(t->phrases[i].name);
		inls_free(t->phrases[i].text.v, t->phrases[i].text.n);
	}
	free(t->phrases);
	for (size_t i = 0; i < t->nblocks; i++) {
		free(t->blocks[i].name);
		stmts_free(t->blocks[i].body, t->blocks[i].n);
	}
	free(t->blocks);
	for (size_t i = 0; i < t->norder; i++)
		free(t->order[i]);
	free(t->order);
	for (int i = 0; i < 10; i++) {
		free(t->duty_name[i]);
		free(t->duty_ids[i]);
	}
	free(t);
}

void notice_set_free(struct notice_set **ps)
{
	struct notice_set *s = ps ? *ps : NULL;
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		tmpl_free(s->v[i]);
	free(s->v);
	free(s);
	*ps = NULL;
}

/* ---- names ------------------------------------------------------------- */

static bool valid_name(const char *s)
{
	return lex_id_ok(s, LEX_NAME);
}

const char *notice_item_name(int i)
{
	static const char *const kanji[] = { "", "一", "二", "三", "四", "五",
	                                     "六", "七", "八", "九" };
	return i >= 1 && i <= 9 ? kanji[i] : "";
}

/* 一 … 九 or 1 … 9: an item of 規則第8条第1項. */
static int item_number(const char *w)
{
	for (int i = 1; i <= 9; i++)
		if (strcmp(w, notice_item_name(i)) == 0 || (w[0] == '0' + i && !w[1]))
			return i;
	return 0;
}

/* ---- conditions -------------------------------------------------------- */

static void term_free(struct term *t)
{
	for (size_t k = 0; k < t->nopts; k++)
		free(t->opts[k]);
	free(t->opts);
}

/* `answered-id`, `!id`, `id=opt,opt`, `shown id`, `text box`,
 * `any LIST .FIELD`, `@mandatory`; all must hold.  Modifies s. */
static bool parse_cond(struct parser *p, char *s, struct cond *c)
{
	for (char *w; *(w = lex_word(&s));) {
		struct term t = { 0 };
		if (*w == '!') {
			t.neg = true;
			w++;
		}
		if (strcmp(w, "shown") == 0) {
			w = lex_word(&s);
			if (!*w || !valid_name(w))
				return fail(p, "\"shown\" needs a question id");
			t.kind = T_SHOWN;
		} else if (strcmp(w, "text") == 0) {
			/* text BOX: the box is ticked and its ( ) blank filled */
			w = lex_word(&s);
			if (!*w || !valid_name(w))
				return fail(p, "\"text\" needs a checkbox id");
			t.kind = T_TEXT;
		} else if (strcmp(w, "any") == 0) {
			/* any LIST .FIELD: some entry has the field answered */
			w = lex_word(&s);
			char *field = lex_word(&s);
			if (field[0] != '.' || !valid_name(w) || !valid_name(field))
				return fail(p, "use: any LIST .FIELD");
			t.kind = T_ANY;
			t.opts = xmalloc(sizeof *t.opts);
			t.opts[t.nopts++] = xstrdup(field + 1);
		} else if (strcmp(w, "@mandatory") == 0) {
			t.kind = T_MANDATORY;
		} else if (strchr(w, '=')) {
			if (!lex_id_opts(&p->lx, w, LEX_NAME, &w, &t.opts, &t.nopts))
				return false;
			t.kind = T_EQUALS;
		} else {
			t.kind = T_ANSWERED;
		}
		if (!lex_id(&p->lx, w, LEX_NAME)) {
			term_free(&t);
			return false;
		}
		t.id = xstrdup(w);
		c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
		c->v[c->n++] = t;
	}
	if (!c->n)
		return fail(p, "empty condition");
	return true;
}

/* ---- inline text ------------------------------------------------------- */

struct iparse {
	struct parser *p;
	const char *s;
};

static void add_inl(struct inl **v, size_t *n, struct inl x)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = x;
}

static void add_text(struct inl **v, size_t *n, const char *s, size_t len)
{
	if (*n && (*v)[*n - 1].kind == IN_TEXT) {
		struct inl *last = &(*v)[*n - 1];
		size_t old = strlen(last->text);
		last->text = xrealloc(last->text, old + len + 1);
		memcpy(last->text + old, s, len);
		last->text[old + len] = '\0';
		return;
	}
	add_inl(v, n, (struct inl){ .kind = IN_TEXT, .text = xstrndup(s, len) });
}

enum stop { STOP_EOS, STOP_ELSE, STOP_END, STOP_BRACE };

/* Parses until the end of the string, {else}, {end} or (in a fallback) an
 * unmatched }.  Returns what stopped it, or -1 on error. */
static int parse_seq(struct iparse *ip, struct inl **v, size_t *n, bool in_fallback)
{
	while (*ip->s) {
		const char *s = ip->s;
		if (s[0] == '{' && s[1] == '{') {
			add_text(v, n, "{", 1);
			ip->s += 2;
			continue;
		}
		if (s[0] == '}' && s[1] == '}') {
			add_text(v, n, "}", 1);
			ip->s += 2;
			continue;
		}
		if (s[0] == '}') {
			if (in_fallback) {
				ip->s++;
				return STOP_BRACE;
			}
			fail(ip->p, "\"}\" without \"{\" (write }} for a brace)");
			return -1;
		}
		if (s[0] != '{') {
			size_t len = strcspn(s, "{}");
			add_text(v, n, s, len);
			ip->s += len;
			continue;
		}
		/* A tag: its name runs to | or }. */
		const char *name = s + 1;
		size_t len = strcspn(name, "|}{");
		if (name[len] != '|' && name[len] != '}') {
			fail(ip->p, "\"{\" not closed with \"}\"");
			return -1;
		}
		char *tag = xstrndup(name, len);
		ip->s = name + len + 1;
		if (strcmp(tag, "else") == 0 || strcmp(tag, "end") == 0) {
			int r = tag[1] == 'l' ? STOP_ELSE : STOP_END;
			free(tag);
			return r;
		}
		if (strncmp(tag, "if ", 3) == 0) {
			struct inl x = { .kind = IN_IF };
			bool ok = name[len] == '}' && parse_cond(ip->p, tag + 3, &x.cond);
			free(tag);
			if (!ok) {
				if (name[len] != '}')
					fail(ip->p, "write {if CONDITION} … {end}");
				cond_free(&x.cond);
				return -1;
			}
			int r = parse_seq(ip, &x.then, &x.nthen, false);
			if (r == STOP_ELSE)
				r = parse_seq(ip, &x.els, &x.nels, false);
			if (r != STOP_END) {
				if (r >= 0)
					fail(ip->p, "{if} without {end}");
				inls_free(x.then, x.nthen);
				inls_free(x.els, x.nels);
				cond_free(&x.cond);
				return -1;
			}
			add_inl(v, n, x);
			continue;
		}
		if (!lex_id_at(&ip->p->lx, tag, name, LEX_NAME)) {
			free(tag);
			return -1;
		}
		struct inl x = { .kind = IN_VAR, .text = tag };
		if (name[len] == '|') {
			x.has_fallback = true;
			int r = parse_seq(ip, &x.fallback, &x.nfallback, true);
			if (r != STOP_BRACE) {
				if (r >= 0)
					fail(ip->p, "\"{%s|\" not closed with \"}\"", tag);
				free(x.text);
				inls_free(x.fallback, x.nfallback);
				return -1;
			}
		}
		add_inl(v, n, x);
	}
	if (in_fallback) {
		fail(ip->p, "\"{…|\" not closed with \"}\"");
		return -1;
	}
	return STOP_EOS;
}

static bool parse_itext(struct parser *p, const char *s, struct itext *out)
{
	struct iparse ip = { p, s };
	*out = (struct itext){ .file = p->lx.name, .line = p->lx.line };
	int r = parse_seq(&ip, &out->v, &out->n, false);
	if (r == STOP_EOS)
		return true;
	if (r == STOP_ELSE || r == STOP_END)
		fail(p, "{%s} without {if}", r == STOP_ELSE ? "else" : "end");
	inls_free(out->v, out->n);
	out->v = NULL;
	out->n = 0;
	return false;
}

/* ---- statements -------------------------------------------------------- */

/* Open blocks, ifs and fors while parsing: where statements go. */
struct frame {
	struct stmt **v;
	size_t *n;
	struct stmt *owner;         /* the if/for, or NULL for a block */
	bool in_else;
};

struct file_state {
	struct frame stack[16];
	int depth;                  /* 0: top level of the file */
	int block_line;
};

static struct stmt *push_stmt(struct file_state *fs, struct stmt x)
{
	struct frame *f = &fs->stack[fs->depth - 1];
	*f->v = xrealloc(*f->v, (*f->n + 1) * sizeof **f->v);
	(*f->v)[*f->n] = x;
	return &(*f->v)[(*f->n)++];
}

static struct stmt new_stmt(const struct parser *p, enum stmt_kind kind)
{
	return (struct stmt){ .kind = kind, .file = p->lx.name, .line = p->lx.line };
}

static bool s_end(void *ctx, char *rest)
{
	struct parser *p = ctx;
	if (*rest)
		return fail(p, "nothing may follow \"end\"");
	p->fs->depth--;
	return true;
}

static bool s_else(void *ctx, char *rest)
{
	struct parser *p = ctx;
	struct frame *f = &p->fs->stack[p->fs->depth - 1];
	(void)rest;
	if (!f->owner || f->owner->kind != ST_IF || f->in_else)
		return fail(p, "\"else\" outside \"if\"");
	f->in_else = true;
	f->v = &f->owner->els;
	f->n = &f->owner->nels;
	return true;
}

/* title, right, center, section, sub, item, line: a line of text. */
static bool s_text(void *ctx, char *rest)
{
	struct parser *p = ctx;
	struct stmt x = new_stmt(p, (enum stmt_kind)p->lx.kw->arg);
	if (!*rest)
		return fail(p, "\"%s\" needs a text", p->lx.kw->word);
	if (!parse_itext(p, rest, &x.text))
		return false;
	push_stmt(p->fs, x);
	return true;
}

/* items, use: a name. */
static bool s_named(void *ctx, char *rest)
{
	struct parser *p = ctx;
	struct stmt x = new_stmt(p, (enum stmt_kind)p->lx.kw->arg);
	if (!valid_name(rest))
		return fail(p, "\"%s\" needs a name", p->lx.kw->word);
	x.id = xstrdup(rest);
	push_stmt(p->fs, x);
	return true;
}

static bool s_covers(void *ctx, char *rest)
{
	struct parser *p = ctx;
	struct stmt x = new_stmt(p, ST_COVERS);
	for (char *w; *(w = lex_word(&rest));) {
		int i = item_number(w);
		if (!i)
			return lex_fail_at(&p->lx, w, "\"%s\" is not an item 一〜九 of 規則第8条第1項", w);
		x.covers |= 1u << i;
	}
	if (!x.covers)
		return fail(p, "\"covers\" needs an item 一〜九");
	push_stmt(p->fs, x);
	return true;
}

/* if CONDITION, for LIST: open a frame until `end`. */
static bool s_open(void *ctx, char *rest)
{
	struct parser *p = ctx;
	struct file_state *fs = p->fs;
	struct stmt x = new_stmt(p, (enum stmt_kind)p->lx.kw->arg);
	if (fs->depth == (int)(sizeof fs->stack / sizeof fs->stack[0]))
		return fail(p, "too deeply nested");
	if (x.kind == ST_IF) {
		if (!parse_cond(p, rest, &x.cond)) {
			cond_free(&x.cond);
			return false;
		}
	} else {
		if (!valid_name(rest))
			return fail(p, "\"for\" needs the id of a list");
		x.id = xstrdup(rest);
	}
	struct stmt *s = push_stmt(fs, x);
	fs->stack[fs->depth++] = (struct frame){ &s->body, &s->nbody, s, false };
	return true;
}

static const struct lex_keyword statements[] = {
	{ "end", s_end, 0 },
	{ "else", s_else, 0 },
	{ "title", s_text, ST_TITLE },
	{ "right", s_text, ST_RIGHT },
	{ "center", s_text, ST_CENTER },
	{ "section", s_text, ST_SECTION },
	{ "sub", s_text, ST_SUB },
	{ "item", s_text, ST_ITEM },
	{ "line", s_text, ST_LINE },
	{ "items", s_named, ST_ITEMS },
	{ "use", s_named, ST_USE },
	{ "covers", s_covers, 0 },
	{ "if", s_open, ST_IF },
	{ "for", s_open, ST_FOR },
	{ NULL, NULL, 0 },
};

static bool statement(struct parser *p, char *line)
{
	if (line[0] != '|')
		return lex_dispatch(&p->lx, statements, LEX_STATEMENT, line, p);
	struct stmt x = new_stmt(p, ST_BREAK);
	if (line[1 + strspn(line + 1, " ")] != '\0') {
		x.kind = ST_PARA;
		if (!parse_itext(p, line + 1, &x.text))
			return false;
	}
	push_stmt(p->fs, x);
	return true;
}

/* ---- file-level directives --------------------------------------------- */

static bool parse_file(struct parser *p, const char *name, const char *text, size_t len);

/* own/NAME when one's own wording has it, else dir/NAME. */
static void find_file(char *buf, size_t size, const char *own, const char *dir,
                      const char *name)
{
	snprintf(buf, size, "%s/%s", own ? own : dir, name);
	if (own && access(buf, F_OK) != 0)
		snprintf(buf, size, "%s/%s", dir, name);
}

static bool include_file(struct parser *p, const char *name)
{
	if (strchr(name, '/') || !*name)
		return fail(p, "include names a file of the same directory");
	if (p->depth >= 4)
		return fail(p, "include nested too deeply (a loop?)");
	/* One's own file first; but a file of one's own that includes its own
	 * name means the installed file it adds to. */
	const char *file = p->lx.name;
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	bool self = p->own && strncmp(file, p->own, strlen(p->own)) == 0 &&
	            file[strlen(p->own)] == '/' && strcmp(base, name) == 0;
	char path[1024];
	find_file(path, sizeof path, self ? NULL : p->own, p->dir, name);
	char *data;
	size_t len;
	struct diag sub;
	diag_clear(&sub);
	if (!file_read_all(path, &data, &len, &sub))
		return fail(p, "include %s: %s", name, sub.msg);
	struct tmpl *t = p->t;
	t->files = xrealloc(t->files, (t->nfiles + 1) * sizeof *t->files);
	t->files[t->nfiles++] = xstrdup(path);
	struct parser q = { .t = t, .dir = p->dir, .own = p->own, .err = p->err,
	                    .depth = p->depth + 1 };
	bool ok = parse_file(&q, t->files[t->nfiles - 1], data, len);
	free(data);
	return ok;
}

static struct block *block_slot(struct tmpl *t, const char *name)
{
	for (size_t i = 0; i < t->nblocks; i++)
		if (strcmp(t->blocks[i].name, name) == 0) {
			/* A later definition replaces the shared one. */
			stmts_free(t->blocks[i].body, t->blocks[i].n);
			t->blocks[i].body = NULL;
			t->blocks[i].n = 0;
			return &t->blocks[i];
		}
	t->blocks = xrealloc(t->blocks, (t->nblocks + 1) * sizeof *t->blocks);
	t->blocks[t->nblocks] = (struct block){ xstrdup(name), NULL, 0 };
	return &t->blocks[t->nblocks++];
}

/* type, block: a name of the template's own (no '.' or '@'). */
static bool own_name(const char *s)
{
	return valid_name(s) && *s != '.' && *s != '@';
}

static bool d_type(void *ctx, char *rest)
{
	struct parser *p = ctx;
	if (!own_name(rest))
		return fail(p, "use: type NAME");
	free(p->t->type);
	p->t->type = xstrdup(rest);
	return true;
}

static bool d_label(void *ctx, char *rest)
{
	struct parser *p = ctx;
	if (!*rest)
		return fail(p, "use: label TEXT");
	free(p->t->label);
	p->t->label = xstrdup(rest);
	return true;
}

static bool d_include(void *ctx, char *rest)
{
	return include_file(ctx, rest);
}

static bool d_set(void *ctx, char *rest)
{
	struct parser *p = ctx;
	struct tmpl *t = p->t;
	char *name = lex_word(&rest);
	if (!own_name(name))
		return fail(p, "use: set NAME TEXT");
	struct itext it;
	if (!parse_itext(p, rest, &it))
		return false;
	for (size_t i = 0; i < t->nphrases; i++)
		if (strcmp(t->phrases[i].name, name) == 0) {
			inls_free(t->phrases[i].text.v, t->phrases[i].text.n);
			t->phrases[i].text = it;
			return true;
		}
	t->phrases = xrealloc(t->phrases, (t->nphrases + 1) * sizeof *t->phrases);
	t->phrases[t->nphrases++] = (struct phrase){ xstrdup(name), it };
	return true;
}

static bool d_order(void *ctx, char *rest)
{
	struct parser *p = ctx;
	struct tmpl *t = p->t;
	t->order_file = p->lx.name;
	t->order_line = p->lx.line;
	for (size_t i = 0; i < t->norder; i++)
		free(t->order[i]);
	t->norder = 0;
	for (char *w; *(w = lex_word(&rest));) {
		t->order = xrealloc(t->order, (t->norder + 1) * sizeof *t->order);
		t->order[t->norder++] = xstrdup(w);
	}
	if (!t->norder)
		return fail(p, "use: order BLOCK…");
	return true;
}

/* duty 四 原因 cause: the item's name and the questions behind it. */
static bool d_duty(void *ctx, char *rest)
{
	struct parser *p = ctx;
	struct tmpl *t = p->t;
	char *num = lex_word(&rest);
	char *name = lex_word(&rest);
	int i = item_number(num);
	if (!i || !*name || !*rest)
		return fail(p, "use: duty ITEM NAME QUESTION-ID…");
	free(t->duty_name[i]);
	free(t->duty_ids[i]);
	t->duty_name[i] = xstrdup(name);
	t->duty_ids[i] = xstrdup(rest);
	return true;
}

static bool d_block(void *ctx, char *rest)
{
	struct parser *p = ctx;
	if (!own_name(rest))
		return fail(p, "use: block NAME");
	struct block *b = block_slot(p->t, rest);
	p->fs->stack[0] = (struct frame){ &b->body, &b->n, NULL, false };
	p->fs->depth = 1;
	p->fs->block_line = p->lx.line;
	return true;
}

static const struct lex_keyword directives[] = {
	{ "type", d_type, 0 },
	{ "label", d_label, 0 },
	{ "include", d_include, 0 },
	{ "set", d_set, 0 },
	{ "order", d_order, 0 },
	{ "duty", d_duty, 0 },
	{ "block", d_block, 0 },
	{ NULL, NULL, 0 },
};

/* A line after the header: a statement inside a block, else a directive. */
static bool template_line(void *ctx, char *line)
{
	struct parser *p = ctx;
	if (p->fs->depth > 0)
		return statement(p, line);
	if (line[0] == '|')
		return fail(p, "text outside \"block … end\"");
	return lex_dispatch(&p->lx, directives, LEX_DIRECTIVE, line, p);
}

static bool parse_file(struct parser *p, const char *name, const char *text, size_t len)
{
	struct file_state fs = { .depth = 0 };

	p->fs = &fs;
	lex_init(&p->lx, text, len, name, LEX_TRIM, p->err);
	bool ok = lex_read(&p->lx, "todoke-notice", 1, template_line, p);
	if (ok && fs.depth > 0) {
		p->lx.line = fs.block_line;
		ok = fail(p, "block not closed with \"end\"");
	}
	lex_release(&p->lx);
	p->fs = NULL;
	return ok;
}

/* Every block in `order` and every `use` exists; no block uses itself. */
static bool check_uses(struct parser *p, const struct stmt *v, size_t n, int depth)
{
	if (depth > 8)
		return fail(p, "blocks use each other in a loop");
	for (size_t i = 0; i < n; i++) {
		p->lx.name = v[i].file;
		p->lx.line = v[i].line;
		if (v[i].kind == ST_USE) {
			const struct block *b = tmpl_block(p->t, v[i].id);
			if (!b)
				return fail(p, "no block \"%s\"", v[i].id);
			if (!check_uses(p, b->body, b->n, depth + 1))
				return false;
		}
		if (!check_uses(p, v[i].body, v[i].nbody, depth) ||
		    !check_uses(p, v[i].els, v[i].nels, depth))
			return false;
	}
	return true;
}

static struct notice_set *parse_one(const char *text, size_t len, const char *name,
                                    const char *dir, const char *own, struct diag *err)
{
	struct tmpl *t = xcalloc(1, sizeof *t);
	t->files = xmalloc(sizeof *t->files);
	t->files[t->nfiles++] = xstrdup(name);
	struct parser p = { .t = t, .dir = dir ? dir : ".", .own = own, .err = err };
	bool ok = parse_file(&p, t->files[0], text, len);
	if (ok && !t->type) {
		p.lx.line = 0;
		ok = fail(&p, "the template needs \"type NAME\"");
	}
	if (ok && !t->norder) {
		p.lx.line = 0;
		ok = fail(&p, "the template needs \"order BLOCK…\"");
	}
	for (size_t i = 0; ok && i < t->norder; i++) {
		if (!tmpl_block(t, t->order[i])) {
			p.lx.name = t->order_file;
			p.lx.line = t->order_line;
			ok = fail(&p, "\"order\" names no block \"%s\"", t->order[i]);
		}
	}
	for (size_t i = 0; ok && i < t->nblocks; i++)
		ok = check_uses(&p, t->blocks[i].body, t->blocks[i].n, 0);
	if (!ok) {
		tmpl_free(t);
		return NULL;
	}
	if (!t->label)
		t->label = xstrdup(t->type);
	struct notice_set *s = xcalloc(1, sizeof *s);
	s->v = xmalloc(sizeof *s->v);
	s->v[s->n++] = t;
	return s;
}

struct notice_set *notice_set_parse(const char *text, size_t len, const char *name,
                                    const char *dir, struct diag *err)
{
	return parse_one(text, len, name, dir, NULL, err);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file is a template when it says `type`; shared files (common.notice)
 * are only included.  A file the lexer refuses is read as a template, so
 * that its fault is told rather than the file passed over. */
static bool declares_type(const char *data, size_t len)
{
	struct lexer lx;
	struct diag ignored;
	bool type = false;
	lex_init(&lx, data, len, "", LEX_TRIM, &ignored);
	for (char *line; !type && (line = lex_next(&lx));)
		type = strcmp(lex_word(&line), "type") == 0;
	type |= lx.failed;
	lex_release(&lx);
	return type;
}

/* The *.notice file names of dir, added to names (each once). */
static bool list_templates(const char *dir, char ***names, size_t *nn, struct diag *err)
{
	DIR *d = opendir(dir);
	if (!d) {
		diag_set(err, dir, 0, "cannot read the notice templates: %s", strerror(errno));
		return false;
	}
	for (struct dirent *e; (e = readdir(d));) {
		size_t l = strlen(e->d_name);
		if (l <= 7 || strcmp(e->d_name + l - 7, ".notice") != 0 || e->d_name[0] == '.')
			continue;
		bool seen = false;
		for (size_t i = 0; i < *nn && !seen; i++)
			seen = strcmp((*names)[i], e->d_name) == 0;
		if (!seen) {
			*names = xrealloc(*names, (*nn + 1) * sizeof **names);
			(*names)[(*nn)++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	return true;
}

struct notice_set *notice_set_load(const char *datadir, struct diag *err)
{
	return notice_set_load_own(datadir, NULL, err);
}

struct notice_set *notice_set_load_own(const char *datadir, const char *own, struct diag *err)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/forms/" DATADIR_TEMPLATES, datadir);
	char **names = NULL;
	size_t nn = 0;
	struct stat st;
	if (own && (stat(own, &st) != 0 || !S_ISDIR(st.st_mode)))
		own = NULL;    /* no wording of one's own: the installed one */
	if ((own && !list_templates(own, &names, &nn, err)) ||
	    !list_templates(dir, &names, &nn, err)) {
		for (size_t i = 0; i < nn; i++)
			free(names[i]);
		free(names);
		return NULL;
	}
	qsort(names, nn, sizeof *names, by_name);
	struct notice_set *set = xcalloc(1, sizeof *set);
	bool ok = true;
	for (size_t i = 0; i < nn; i++) {
		/* A file of one's own wording replaces the installed one. */
		char path[1200];
		find_file(path, sizeof path, own, dir, names[i]);
		char *data;
		size_t len;
		if (ok && !file_read_all(path, &data, &len, err))
			ok = false;
		else if (ok) {
			if (declares_type(data, len)) {
				struct notice_set *one = parse_one(data, len, path, dir, own, err);
				if (!one)
					ok = false;
				else if (notice_set_find(set, one->v[0]->type)) {
					diag_set(err, path, 0, "a second template for type \"%s\"",
					         one->v[0]->type);
					notice_set_free(&one);
					ok = false;
				} else {
					set->v = xrealloc(set->v, (set->n + 1) * sizeof *set->v);
					set->v[set->n++] = one->v[0];
					one->n = 0;
					notice_set_free(&one);
				}
			}
			free(data);
		}
		free(names[i]);
	}
	free(names);
	if (ok && !set->n) {
		diag_set(err, dir, 0, "no notice templates (*.notice with \"type\")");
		ok = false;
	}
	if (!ok)
		notice_set_free(&set);
	return set;
}

size_t notice_set_count(const struct notice_set *s)
{
	return s ? s->n : 0;
}

const char *notice_set_type(const struct notice_set *s, size_t i)
{
	return i < s->n ? s->v[i]->type : NULL;
}

const struct tmpl *notice_set_find(const struct notice_set *s, const char *type)
{
	for (size_t i = 0; s && i < s->n; i++)
		if (strcmp(s->v[i]->type, type) == 0)
			return s->v[i];
	return NULL;
}

const struct block *tmpl_block(const struct tmpl *t, const char *name)
{
	for (size_t i = 0; i < t->nblocks; i++)
		if (strcmp(t->blocks[i].name, name) == 0)
			return &t->blocks[i];
	return NULL;
}

const struct phrase *tmpl_phrase(const struct tmpl *t, const char *name)
{
	for (size_t i = 0; i < t->nphrases; i++)
		if (strcmp(t->phrases[i].name, name) == 0)
			return &t->phrases[i];
	return NULL;
}
