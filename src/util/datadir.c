/* datadir — the data directory that holds forms/ (see datadir.h). */
#include "todoke/datadir.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"

static bool has_forms(const char *dir)
{
	char path[PATH_MAX + 8];
	struct stat st;
	snprintf(path, sizeof path, "%s/forms", dir);
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *todoke_datadir(void)
{
	static char srcdir[PATH_MAX];
	const char *env = getenv("TODOKE_DATADIR");
	if (env && *env)
		return env;
	if (has_forms(TODOKE_PKGDATADIR))
		return TODOKE_PKGDATADIR;
	ssize_t n = readlink("/proc/self/exe", srcdir, sizeof srcdir - 32);
	if (n > 0) {
		srcdir[n] = '\0';
		char *slash = strrchr(srcdir, '/');
		if (slash) {
			/* Installed elsewhere than configured (a DESTDIR staging
			 * tree, a moved prefix): BIN/../share/todoke. */
			strcpy(slash, "/../share/todoke");
			if (has_forms(srcdir))
				return srcdir;
			strcpy(slash, "/..");
			if (has_forms(srcdir))
				return srcdir;
		}
	}
	return TODOKE_PKGDATADIR;
}
