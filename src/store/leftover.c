/* leftover — temporary files that a save cut short left beside an
 * incident (store.h, store_leftover). */
#include "todoke/store.h"

#include <dirent.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "todoke/incident.h"
#include "todoke/strbuf.h"

/* ".BASE.XXXXXX": what file_write_atomic's mkstemp makes for BASE. */
static bool is_temp_of(const char *name, const char *base)
{
	size_t b = strlen(base), n = strlen(name);
	if (n != b + 8 || name[0] != '.' || strncmp(name + 1, base, b) != 0 || name[b + 1] != '.')
		return false;
	for (size_t i = b + 2; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
		      (name[i] >= '0' && name[i] <= '9')))
			return false;
	return true;
}

char *store_leftover(const char *path, const struct formset *fs)
{
	char *dcopy = xstrdup(path), *bcopy = xstrdup(path);
	const char *dir = dirname(dcopy), *base = basename(bcopy);
	struct stat ist;
	time_t since = stat(path, &ist) == 0 ? ist.st_mtime : 0;
	char *best = NULL;
	time_t best_t = 0;
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		if (!is_temp_of(de->d_name, base))
			continue;
		struct strbuf p;
		sb_init(&p);
		sb_addf(&p, "%s/%s", dir, de->d_name);
		struct stat st;
		struct incident *inc = NULL;
		struct diag err;
		bool keep = lstat(p.buf, &st) == 0 && S_ISREG(st.st_mode) &&
		            st.st_uid == geteuid() && st.st_mtime >= since &&
		            (!best || st.st_mtime > best_t) &&
		            incident_load(p.buf, fs, &inc, &err);
		incident_free(&inc);
		if (keep) {
			if (best)
				unlink(best);
			free(best);
			best = sb_detach(&p);
			best_t = st.st_mtime;
		} else if (lstat(p.buf, &st) == 0 && st.st_uid == geteuid()) {
			unlink(p.buf);  /* older, or half written: personal data, nothing more */
		}
		sb_release(&p);
	}
	if (d)
		closedir(d);
	free(dcopy);
	free(bcopy);
	return best;
}
