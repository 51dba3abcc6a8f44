/* profile — the reporter's details kept between incidents (see profile.h). */
#include "todoke/profile.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/lexer.h"
#include "todoke/store.h"
#include "todoke/strbuf.h"
#include "todoke/utf8.h"

const char *const profile_keys[] = {
	"reporter.address", "reporter.org", "reporter.name", "reporter.email",
	"reporter.tel", NULL,
};

#define NKEYS (sizeof profile_keys / sizeof profile_keys[0] - 1)

static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

char *config_path(const char *name)
{
	struct strbuf sb;
	const char *base;
	sb_init(&sb);
	if ((base = env("TODOKE_HOME")))
		sb_addf(&sb, "%s/%s", base, name);
	/* The XDG spec says to ignore relative paths. */
	else if ((base = env("XDG_CONFIG_HOME")) && base[0] == '/')
		sb_addf(&sb, "%s/todoke/%s", base, name);
	else {
		base = env("HOME");
		if (!base) {
			struct passwd *pw = getpwuid(getuid());
			base = pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
		}
		if (!base) {
			sb_release(&sb);
			return NULL;
		}
		sb_addf(&sb, "%s/.config/todoke/%s", base, name);
	}
	return sb_detach(&sb);
}

char *profile_path(void)
{
	return config_path("profile");
}

char *notice_own_dir(void)
{
	const char *dir = env("TODOKE_NOTICE_DIR");
	return dir ? xstrdup(dir) : config_path("notice");
}

static int key_index(const char *key)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(profile_keys[i], key) == 0)
			return (int)i;
	return -1;
}

static bool no_path(const char *path, struct diag *err)
{
	if (path)
		return false;
	diag_set(err, "", 0, "%s", _("cannot find your home directory: set HOME (or TODOKE_HOME)"));
	return true;
}

/* While reading: the lexer, and the values of the known keys and their lines. */
struct reader {
	struct lexer lx;
	char *vals[NKEYS];
	int lines[NKEYS];
};

/* One "key: value" line. */
static bool parse_line(void *ctx, char *line)
{
	struct reader *r = ctx;
	struct lexer *lx = &r->lx;
	char **vals = r->vals;
	int *lines = r->lines;
	char *key, *val;
	if (!lex_key_value(lx, line, N_("key: value"), &key, &val) || !lex_id(lx, key, LEX_KEY))
		return false;
	int k = key_index(key);
	if (k < 0)
		return true;  /* a newer todoke's key, or a typo: see profile.h */
	if (vals[k])
		return lex_twice(lx, key, lines[k]);
	vals[k] = xstrdup(val);
	lines[k] = lx->line;
	return true;
}

bool profile_load(const char *path, struct model *m, struct diag *err)
{
	if (no_path(path, err))
		return false;
	char *data;
	size_t len;
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return true;
	if (!file_read_all(path, &data, &len, err))
		return false;
	struct reader r = { .vals = { 0 } };
	lex_init(&r.lx, data, len, path, LEX_TABS | LEX_HEADER_FIRST, err);
	bool ok = lex_read(&r.lx, "todoke-profile", PROFILE_FORMAT, parse_line, &r);
	lex_release(&r.lx);
	/* All or nothing: m changes only when the whole file is good. */
	for (size_t i = 0; i < NKEYS; i++) {
		if (ok && r.vals[i])
			model_set_text(m, profile_keys[i], Q_TEXT, r.vals[i]);
		free(r.vals[i]);
	}
	free(data);
	return ok;
}

bool profile_save(const char *path, const struct model *m, struct diag *err)
{
	if (no_path(path, err))
		return false;
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "todoke-profile %d\n", PROFILE_FORMAT);
	for (size_t i = 0; i < NKEYS; i++) {
		const struct value *v = model_get(m, profile_keys[i]);
		if (!v || (v->type != Q_TEXT && v->type != Q_LINES) || !v->text)
			continue;
		size_t bad;
		if (lex_find_control(v->text, strlen(v->text), LEX_TABS) ||
		    !utf8_valid(v->text, strlen(v->text), &bad)) {
			diag_set(err, path, 0, _("%s: a line break, control character or bad "
			         "UTF-8 cannot be kept in the profile"), profile_keys[i]);
			sb_release(&sb);
			return false;
		}
		sb_addf(&sb, "%s:%s%s\n", profile_keys[i], *v->text ? " " : "", v->text);
	}
	bool ok = true;
	const char *slash = strrchr(path, '/');
	if (slash && slash != path) {
		char *dir = xstrndup(path, (size_t)(slash - path));
		ok = store_ensure_dir(dir, err);
		free(dir);
	}
	ok = ok && file_write_atomic(path, sb.buf, sb.len, 0600, err);
	sb_release(&sb);
	return ok;
}
