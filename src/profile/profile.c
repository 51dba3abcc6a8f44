/* profile — the reporter's details kept between incidents (see profile.h). */
#include "todoke/profile.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "todoke/datadir.h"
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

/* The user's own name, read and written apart from the reporter's
 * details: an incident's answers never change it (see profile.h). */
#define OWN_KEY "user.name"
#define OWN NKEYS

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
	return dir ? xstrdup(dir) : config_path(DATADIR_TEMPLATES);
}

static int key_index(const char *key)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(profile_keys[i], key) == 0)
			return (int)i;
	return strcmp(key, OWN_KEY) == 0 ? (int)OWN : -1;
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
	char *vals[NKEYS + 1];
	int lines[NKEYS + 1];
};

static void reader_release(struct reader *r)
{
	for (size_t i = 0; i <= NKEYS; i++) {
		free(r->vals[i]);
		r->vals[i] = NULL;
	}
}

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

/* All or nothing: r->vals set only when the whole file is good.  A
 * missing file is an empty profile. */
static bool read_profile(const char *path, struct reader *r, struct diag *err)
{
	memset(r->vals, 0, sizeof r->vals);
	if (no_path(path, err))
		return false;
	char *data;
	size_t len;
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return true;
	if (!file_read_all(path, &data, &len, err))
		return false;
	lex_init(&r->lx, data, len, path, LEX_TABS | LEX_HEADER_FIRST, err);
	bool ok = lex_read(&r->lx, "todoke-profile", PROFILE_FORMAT, parse_line, r);
	lex_release(&r->lx);
	free(data);
	if (!ok)
		reader_release(r);
	return ok;
}

bool profile_load(const char *path, struct model *m, struct diag *err)
{
	struct reader r;
	if (!read_profile(path, &r, err))
		return false;
	for (size_t i = 0; i < NKEYS; i++)
		if (r.vals[i])
			model_set_text(m, profile_keys[i], Q_TEXT, r.vals[i]);
	reader_release(&r);
	return true;
}

bool profile_own_name(const char *path, char *buf, size_t n)
{
	struct reader r;
	struct diag d;
	buf[0] = '\0';
	if (!read_profile(path, &r, &d))
		return false;
	if (r.vals[OWN])
		snprintf(buf, n, "%s", r.vals[OWN]);
	reader_release(&r);
	return buf[0] != '\0';
}

static bool keepable(const char *path, const char *key, const char *text, struct diag *err)
{
	size_t bad;
	if (!lex_find_control(text, strlen(text), LEX_TABS) && utf8_valid(text, strlen(text), &bad))
		return true;
	diag_set(err, path, 0, _("%s: a line break, control character or bad "
	         "UTF-8 cannot be kept in the profile"), key);
	return false;
}

/* vals[i] for profile_keys[i], vals[OWN] for the own name; NULL: left out. */
static bool write_profile(const char *path, char *const vals[], struct diag *err)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "todoke-profile %d\n", PROFILE_FORMAT);
	for (size_t i = 0; i <= NKEYS; i++) {
		const char *key = i == OWN ? OWN_KEY : profile_keys[i];
		if (!vals[i])
			continue;
		if (!keepable(path, key, vals[i], err)) {
			sb_release(&sb);
			return false;
		}
		sb_addf(&sb, "%s:%s%s\n", key, *vals[i] ? " " : "", vals[i]);
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

bool profile_save(const char *path, const struct model *m, struct diag *err)
{
	struct reader r;
	struct diag ignored;
	if (no_path(path, err))
		return false;
	/* The own name stays as it was; a broken file is replaced whole. */
	if (!read_profile(path, &r, &ignored))
		memset(r.vals, 0, sizeof r.vals);
	for (size_t i = 0; i < NKEYS; i++) {
		free(r.vals[i]);
		r.vals[i] = NULL;
		const struct value *v = model_get(m, profile_keys[i]);
		if (v && (v->type == Q_TEXT || v->type == Q_LINES) && v->text)
			r.vals[i] = xstrdup(v->text);
	}
	bool ok = write_profile(path, r.vals, err);
	reader_release(&r);
	return ok;
}

bool profile_set_own_name(const char *path, const char *name, struct diag *err)
{
	struct reader r;
	if (!read_profile(path, &r, err))
		return false;
	free(r.vals[OWN]);
	r.vals[OWN] = *name ? xstrdup(name) : NULL;
	bool ok = write_profile(path, r.vals, err);
	reader_release(&r);
	return ok;
}
