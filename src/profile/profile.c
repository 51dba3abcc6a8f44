/* profile — the reporter's details kept between incidents (see profile.h). */
#include "todoke/profile.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "todoke/fileio.h"
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

static bool has_control(const char *s)
{
	for (; *s; s++)
		if (((unsigned char)*s < 0x20 && *s != '\t') || *s == 0x7f)
			return true;
	return false;
}

static bool key_chars(const char *s)
{
	return *s && s[strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                         "0123456789._-")] == '\0';
}

static bool no_path(const char *path, struct diag *err)
{
	if (path)
		return false;
	diag_set(err, "", 0, "cannot find your home directory: set HOME (or TODOKE_HOME)");
	return true;
}

/* One line (without its '\n'); vals/lines collect the known keys. */
static bool parse_line(const char *path, int lineno, char *line, char **vals,
                       int *lines, struct diag *err)
{
	size_t n = strlen(line);
	if (n && line[n - 1] == '\r')
		line[--n] = '\0';
	if (lineno == 1) {
		int ver;
		char c;
		if (sscanf(line, "todoke-profile %d%c", &ver, &c) != 1) {
			diag_set(err, path, 1, "not a todoke profile (the first line must be "
			         "\"todoke-profile %d\")", PROFILE_FORMAT);
			return false;
		}
		if (ver != PROFILE_FORMAT) {
			diag_set(err, path, 1, "profile format %d is %s than this todoke reads (%d)",
			         ver, ver > PROFILE_FORMAT ? "newer" : "other", PROFILE_FORMAT);
			return false;
		}
		return true;
	}
	if (line[0] == '#' || line[strspn(line, " \t")] == '\0')
		return true;
	char *colon = strchr(line, ':');
	if (!colon) {
		diag_set(err, path, lineno, "expected \"key: value\"");
		return false;
	}
	*colon = '\0';
	if (!key_chars(line)) {
		diag_set(err, path, lineno, "expected \"key: value\", not a key \"%s\"", line);
		return false;
	}
	char *val = colon + 1;
	if (*val == ' ')
		val++;
	if (has_control(val)) {
		diag_set(err, path, lineno, "control character in the value of \"%s\"", line);
		return false;
	}
	int k = key_index(line);
	if (k < 0)
		return true;  /* a newer todoke's key, or a typo: see profile.h */
	if (vals[k]) {
		diag_set(err, path, lineno, "\"%s\" is given twice (first on line %d)",
		         line, lines[k]);
		return false;
	}
	vals[k] = xstrdup(val);
	lines[k] = lineno;
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
	bool ok = true;
	size_t bad;
	int lineno = 1;
	if (!utf8_valid(data, len, &bad)) {
		for (size_t i = 0; i < bad; i++)
			lineno += data[i] == '\n';
		diag_set(err, path, lineno, "not valid UTF-8");
		ok = false;
	} else if (memchr(data, '\0', len)) {
		for (const char *p = data; *p; p++)
			lineno += *p == '\n';
		diag_set(err, path, lineno, "NUL byte: this is not a text file");
		ok = false;
	} else if (len == 0) {
		diag_set(err, path, 1, "empty file: not a todoke profile (the first line "
		         "must be \"todoke-profile %d\")", PROFILE_FORMAT);
		ok = false;
	}

	char *vals[NKEYS] = { 0 };
	int lines[NKEYS] = { 0 };
	const char *s = data, *end = data + len;
	for (lineno = 1; ok && s < end; lineno++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		char *line = xstrndup(s, n);
		ok = parse_line(path, lineno, line, vals, lines, err);
		free(line);
		s += n + (nl != NULL);
	}
	/* All or nothing: m changes only when the whole file is good. */
	for (size_t i = 0; i < NKEYS; i++) {
		if (ok && vals[i])
			model_set_text(m, profile_keys[i], Q_TEXT, vals[i]);
		free(vals[i]);
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
		if (has_control(v->text) || !utf8_valid(v->text, strlen(v->text), &bad)) {
			diag_set(err, path, 0, "%s: a line break, control character or bad "
			         "UTF-8 cannot be kept in the profile", profile_keys[i]);
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
