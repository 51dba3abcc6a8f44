/* formset — every form installed in the data directory. */
#include "todoke/form.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/document.h"
#include "todoke/fileio.h"
#include "todoke/strbuf.h"

struct formset {
	struct form **forms;
	size_t n;
	struct docset docs;     /* forms/documents */
};

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
	bool ok = true;
	for (size_t i = 0; i < nnames; i++) {
		struct strbuf path;
		sb_init(&path);
		sb_addf(&path, "%s/%s", dirpath.buf, names[i]);
		struct form *f = ok ? form_load(path.buf, err) : NULL;
		if (ok && !f)
			ok = false;
		if (f && formset_find(fs, f->id, f->version)) {
			diag_set(err, path.buf, 0, "form %s %s is defined twice", f->id, f->version);
			form_free(&f);
			ok = false;
		}
		if (f) {
			fs->forms = xrealloc(fs->forms, (fs->n + 1) * sizeof *fs->forms);
			fs->forms[fs->n++] = f;
		}
		sb_release(&path);
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
	for (size_t i = 0; i < fs->n; i++)
		form_free(&fs->forms[i]);
	free(fs->forms);
	docset_release(&fs->docs);
	free(fs);
	*pfs = NULL;
}

const struct form *formset_find(const struct formset *fs, const char *id,
                                const char *version)
{
	for (size_t i = 0; i < fs->n; i++)
		if (strcmp(fs->forms[i]->id, id) == 0 &&
		    strcmp(fs->forms[i]->version, version) == 0)
			return fs->forms[i];
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
	const struct form *best = NULL;
	for (size_t i = 0; i < fs->n; i++)
		if (strcmp(fs->forms[i]->id, id) == 0 &&
		    (!best || version_cmp(fs->forms[i]->version, best->version) > 0))
			best = fs->forms[i];
	return best;
}

size_t formset_count(const struct formset *fs)
{
	return fs->n;
}

const struct form *formset_at(const struct formset *fs, size_t i)
{
	return i < fs->n ? fs->forms[i] : NULL;
}

const struct docset *formset_documents(const struct formset *fs)
{
	return &fs->docs;
}
