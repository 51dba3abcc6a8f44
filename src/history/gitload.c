/* gitload — libgit2 opened on first use (see gitload.h). */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "internal.h"
#include "todoke/i18n.h"

#define GITLOAD_DEFINE(f) __typeof__(f) *gitload_##f;
/* The names, unexpanded (# and ## do not expand the #defines). */
#define GITLOAD_NAME(f) #f,
#define GITLOAD_PTR(f) (void *)&gitload_##f,

GITLOAD_FUNCS(GITLOAD_DEFINE)

static const char *const names[] = { GITLOAD_FUNCS(GITLOAD_NAME) };
static void *const ptrs[] = { GITLOAD_FUNCS(GITLOAD_PTR) };

bool gitload(struct diag *err)
{
	static int state;  /* 0 not tried, 1 loaded, -1 failed */
	static char why[512];
	if (state == 0) {
		/* Local: its symbols are not for the libraries loaded after it. */
		void *h = dlopen(TODOKE_LIBGIT2, RTLD_NOW | RTLD_LOCAL);
		const char *missing = NULL;
		for (size_t i = 0; h && !missing && i < sizeof names / sizeof names[0]; i++) {
			void *p = dlsym(h, names[i]);
			if (p)
				memcpy(ptrs[i], &p, sizeof p);
			else
				missing = names[i];
		}
		if (!h || missing) {
			const char *e = dlerror();
			snprintf(why, sizeof why, "%s", e ? e : missing ? missing : TODOKE_LIBGIT2);
			if (h)
				dlclose(h);
			state = -1;
		} else {
			state = 1;  /* kept open until the program ends */
		}
	}
	if (state < 0) {
		diag_set(err, "", 0, _("history: libgit2 cannot be loaded: %s"), why);
		return false;
	}
	return true;
}
