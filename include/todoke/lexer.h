/* lexer — the one reader of todoke's line formats: form files
 * (todoke-form(5)), notice templates (todoke-notice(5)), the calendar
 * (todoke-calendar(5)), incident files (todoke-incident(5)) and the
 * profile.  It cuts the text into numbered lines and refuses, at
 * FILE:LINE:COLUMN and with the same message in every format, what no
 * format allows: bytes that are not UTF-8, NUL bytes, control characters
 * (C0 and C1 controls U+0080–U+009F, DEL; a tab only where the format
 * allows it).  A CR before the line end is dropped; any other CR is a control
 * character.
 * On top of lines it gives words, ids, `ID=OPT,…` lists, `key: value`,
 * the `todoke-FORMAT N` header and a table of directives.
 *
 * Columns (from 1) count display columns of the line as read (Unicode
 * widths, whatever the locale), tabs to the next multiple of 8 (GNU
 * Coding Standards, "Formatting Error Messages").
 * Messages are the user's language (gettext); a name quoted from the file
 * is shown with its control characters made visible by diag.
 *
 * Pointers: lex_next's line and everything cut from it stay valid until
 * the next lex_next or lex_release.  Knows nothing of any one format. */
#ifndef TODOKE_LEXER_H
#define TODOKE_LEXER_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/diag.h"

struct lex_keyword;

enum {
	/* A tab is text (incident, profile, calendar); else refused. */
	LEX_TABS = 1 << 0,
	/* Leading and trailing blanks are not significant (templates). */
	LEX_TRIM = 1 << 1,
	/* lex_content: the header is line 1 (profile). */
	LEX_HEADER_FIRST = 1 << 2,
	/* '#' anywhere starts a comment (calendar). */
	LEX_HASH_COMMENTS = 1 << 4,
};

struct lexer {
	const char *name;  /* the file, for messages */
	struct diag *err;
	unsigned flags;
	int line;          /* the current line's number; 0 before the first */
	bool newline;      /* the current line ended with '\n' */
	bool failed;       /* lex_next stopped at a fault (err is set) */
	bool header;       /* lex_content has read the header */
	const struct lex_keyword *kw; /* of the directive being run */
	/* private */
	const char *pos, *end;
	char *raw;         /* the current line as read (CR dropped): columns */
	char *buf;         /* its copy, which readers cut into words */
	size_t len, cap, lead;
};

void lex_init(struct lexer *lx, const char *text, size_t len, const char *name,
              unsigned flags, struct diag *err);
void lex_release(struct lexer *lx);

/* The next line, NUL-terminated, without its line end (with LEX_TRIM,
 * without leading and trailing spaces).  NULL at the end of the text, or
 * at a line with a fault: then lx->failed, err names its column. */
char *lex_next(struct lexer *lx);

/* Empty, only spaces (and tabs), or a comment ('#' first). */
bool lex_blank(const char *line);

/* For formats whose first line that is not blank is the header "FORMAT
 * VERSION" (line 1 with LEX_HEADER_FIRST) and whose blank lines and
 * comments mean nothing: the next line after the header that is not
 * blank.  NULL at the end, or with lx->failed at a fault, a wrong header
 * or none (lex_header, lex_no_header). */
char *lex_content(struct lexer *lx, const char *format, int version);
/* Reads the whole text so: fn gets each of those lines, until it returns
 * false.  True when every line was read and taken. */
bool lex_read(struct lexer *lx, const char *format, int version,
              bool (*fn)(void *ctx, char *line), void *ctx);

/* The error, at the current line (column 0: the whole line)... */
bool lex_fail(struct lexer *lx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* ...or at the column of `at`, a pointer into the current line.  Both
 * return false, for `return lex_fail(…)`. */
bool lex_fail_at(struct lexer *lx, const char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Column (from 1) of `at` in the current line; 0 when it is not in it. */
int lex_column(const struct lexer *lx, const char *at);

/* The first control character of s (n bytes of UTF-8): C0, DEL, tab
 * unless flags has LEX_TABS, C1 (U+0080–U+009F).  NULL when there is none. */
const char *lex_find_control(const char *s, size_t n, unsigned flags);

/* Cuts the first word (up to a space or tab) off *s and NUL-terminates
 * it; *s moves past the blanks after it.  "" when nothing is left. */
char *lex_word(char **s);

/* Ids: letters, digits, '.', '_', '-', not empty.  A name (notice
 * templates) may start with one '.' (a field) or '@' (todoke's own). */
enum lex_id { LEX_QUESTION_ID, LEX_OPTION_ID, LEX_FORM_ID, LEX_NAME, LEX_KEY };
bool lex_id_ok(const char *s, enum lex_id kind);
/* Checks s; on a bad one fails with the message of its kind, at s. */
bool lex_id(struct lexer *lx, const char *s, enum lex_id kind);
/* The same for a copy s of the text at `at` in the line. */
bool lex_id_at(struct lexer *lx, const char *s, const char *at, enum lex_id kind);

/* "ID=OPT[,OPT…]" in word (cut in place): *id (checked as `kind`; it
 * points into word) and *nopts option ids in *opts, a malloc'd array of
 * malloc'd strings that the caller owns.  False, with nothing to free, on
 * a word without '=', a bad id, no option or a bad (or empty) option. */
bool lex_id_opts(struct lexer *lx, char *word, enum lex_id kind, char **id,
                 char ***opts, size_t *nopts);

/* "key: value": cuts line at its first ':'; *val starts after it and one
 * space.  Without a ':' or a key: false, `expected "SHAPE"` (shape is
 * translated: give it as N_("key: value")). */
bool lex_key_value(struct lexer *lx, char *line, const char *shape, char **key,
                   char **val);

/* The header "FORMAT VERSION" (e.g. "todoke-incident 1"; blanks between
 * and after) on line: false with the shared message when it is not one,
 * or another version. */
bool lex_header(struct lexer *lx, const char *line, const char *format, int version);
/* The message for a file that ends before its header. */
bool lex_no_header(struct lexer *lx, const char *format, int version);

/* A value given twice; first is the line of the first one, or 0. */
bool lex_twice(struct lexer *lx, const char *what, int first);

/* Directives: a table of keywords (kconfig-style), each with its handler
 * and an argument for it (a kind, an offset).  Tables end with { NULL }.
 * The handler gets the rest of the line; lx->kw is its keyword. */
struct lex_keyword {
	const char *word;
	bool (*run)(void *ctx, char *rest);
	int arg;
};
enum lex_what { LEX_DIRECTIVE, LEX_STATEMENT };
/* Runs the handler of line's first word with the rest of the line; an
 * unknown word fails, naming what the table knows. */
bool lex_dispatch(struct lexer *lx, const struct lex_keyword *table,
                  enum lex_what what, char *line, void *ctx);
const struct lex_keyword *lex_lookup(const struct lex_keyword *table, const char *word);

#endif
