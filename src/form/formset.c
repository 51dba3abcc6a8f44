/* formset — every form installed in the data directory. */
#include "todoke/form.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/document.h"
#include "todoke/fileio.h"
#include "todoke/strbuf.h"

/* A form file, parsed on first use: the start screen needs no form, an
 * incident the forms it names.  Its id and version are read from its name
 * (ID-VERSION.form, todoke-form(5)) and checked against its text when it
 * is parsed. */
struct slot {
	char *path;
	char *id, *version;  /* from the name */
	struct form *form;   /* once parsed */
	bool tried;
};

struct formset {
	struct slot *s;
	size_t n;
	struct docset docs;     /* forms/documents */
	struct diag *err;       /* the first form that could not be read */
};

/* Parses slot i on first use; NULL when it does not read (fs->err then
 * says why, the first such error kept). */
static struct form *slot_form(const struct formset *fs, size_t i)
{
	struct slot *sl = &fs->s[i];
	if (sl->tried)
		return sl->form;
	sl->tried = true;
	struct diag d;
	diag_clear(&d);
	struct form *f = form_load(sl->path, &d);
	if (f && (strcmp(f->id, sl->id) != 0 || strcmp(f->version, sl->version) != 0)) {
		diag_set(&d, sl->path, 0, "declares form %s version %s: its file must be "
		         "named %s-%s.form", f->id, f->version, f->id, f->version);
		form_free(&f);
	}
	if (!f && !fs->err->msg[0])
		*fs->err = d;
	sl->form = f;
	return f;
}

/* ID-VERSION.form: the id is what comes before the last '-'. */
static bool name_parts(const char *name, char **id, char **version)
{
	const char *dash = strrchr(name, '-');
	size_t l = strlen(name);
	if (!dash || dash == name || (size_t)(dash - name) + 1 + 5 >= l)
		return false;
	*id = xstrndup(name, (size_t)(dash - name));
	*version = xstrndup(dash + 1, l - 5 - (size_t)(dash - name) - 1);
	return true;
}

/* The registry of documents, forms/documents; none when the file is not
 * there (a data directory of forms only, as the tests make). */
static bool load_documents(struct formset *fs, const char *dirpath, struct diag *err)
{
	struct strbuf path;
	sb_init(&path);
	sb_addf(&path, "%s/documents", dirpath);
	char *data = NULL;
	size_t len = 0;
	FILE *probe = fopen(path.buf, "r");
	bool ok = true;
	if (probe) {
		fclose(probe);
		ok = file_read_all(path.buf, &data, &len, err) &&
		     docset_parse(data, len, path.buf, &fs->docs, err);
	}
	free(data);
	sb_release(&path);
	return ok;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct formset *formset_load(const char *datadir, struct diag *err)
{
	struct strbuf dirpath;
	sb_init(&dirpath);
	sb_addf(&dirpath, "%s/forms", datadir);
	DIR *d = opendir(dirpath.buf);
	if (!d) {
		diag_set(err, dirpath.buf, 0, "cannot open the forms directory "
		         "(set TODOKE_DATADIR to the folder that holds forms/)");
		sb_release(&dirpath);
		return NULL;
	}
	char **names = NULL;
	size_t nnames = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 5 && strcmp(e->d_name + l - 5, ".form") == 0 && e->d_name[0] != '.') {
			names = xrealloc(names, (nnames + 1) * sizeof *names);
			names[nnames++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	qsort(names, nnames, sizeof *names, by_name);

	struct formset *fs = xcalloc(1, sizeof *fs);
	fs->err = xcalloc(1, sizeof *fs->err);
	bool ok = true;
	for (size_t i = 0; i < nnames; i++) {
		struct slot sl = { 0 };
		struct strbuf path;
		sb_init(&path);
		sb_addf(&path, "%s/%s", dirpath.buf, names[i]);
		sl.path = sb_detach(&path);
		if (ok && !name_parts(names[i], &sl.id, &sl.version)) {
			diag_set(err, sl.path, 0, "a form file is named ID-VERSION.form");
			ok = false;
		}
		fs->s = xrealloc(fs->s, (fs->n + 1) * sizeof *fs->s);
		fs->s[fs->n++] = sl;
		free(names[i]);
	}
	free(names);
	if (ok && fs->n == 0) {
		diag_set(err, dirpath.buf, 0, "no .form files found");
		ok = false;
	}
	if (ok)
		ok = load_documents(fs, dirpath.buf, err);
	sb_release(&dirpath);
	if (!ok)
		formset_free(&fs);
	return fs;
}

void formset_free(struct formset **pfs)
{
	struct formset *fs = pfs ? *pfs : NULL;
	if (!fs)
		return;
	for (size_t i = 0; i < fs->n; i++) {
		form_free(&fs->s[i].form);
		free(fs->s[i].path);
		free(fs->s[i].id);
		free(fs->s[i].version);
	}
	free(fs->s);
	free(fs->err);
	docset_release(&fs->docs);
	free(fs);
	*pfs = NULL;
}

const struct form *formset_find(const struct formset *fs, const char *id,
                                const char *version)
{
	for (size_t i = 0; i < fs->n; i++)
		if (strcmp(fs->s[i].id, id) == 0 && strcmp(fs->s[i].version, version) == 0)
			return slot_form(fs, i);
	return NULL;
}

/* Versions compare numerically part by part: 3.10 is newer than 3.9. */
static int version_cmp(const char *a, const char *b)
{
	while (*a || *b) {
		char *ea, *eb;
		long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);
		if (x != y)
			return x < y ? -1 : 1;
		a = *ea ? ea + 1 : ea;
		b = *eb ? eb + 1 : eb;
		if (ea == a && eb == b)
			break;
	}
	return 0;
}

const struct form *formset_latest(const struct formset *fs, const char *id)
{
	size_t best = fs->n;
	for (size_t i = 0; i < fs->n; i++)
		if (strcmp(fs->s[i].id, id) == 0 &&
		    (best == fs->n || version_cmp(fs->s[i].version, fs->s[best].version) > 0))
			best = i;
	return best < fs->n ? slot_form(fs, best) : NULL;
}

size_t formset_count(const struct formset *fs)
{
	return fs->n;
}

const struct form *formset_at(const struct formset *fs, size_t i)
{
	return i < fs->n ? slot_form(fs, i) : NULL;
}

const struct diag *formset_error(const struct formset *fs)
{
	return fs->err->msg[0] ? fs->err : NULL;
}

const struct docset *formset_documents(const struct formset *fs)
{
	return &fs->docs;
}
