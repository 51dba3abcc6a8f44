/* load — an incident and the identity of the very bytes it was read from
 * (store.h, store_load). */
#include "todoke/store.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "todoke/fileio.h"
#include "todoke/incident.h"

bool store_load(const char *path, const struct formset *fs, struct incident **out,
                struct file_id *id, char **text, size_t *len, struct diag *err)
{
	char *data;
	size_t n;
	struct stat st;
	*out = NULL;
	if (text)
		*text = NULL;
	if (!file_read_all_st(path, &data, &n, &st, err))
		return false;
	if (!incident_parse(data, n, path, fs, out, err)) {
		free(data);
		return false;
	}
	file_id_of(&st, data, n, id);
	if (text) {
		*text = data;
		*len = n;
	} else
		free(data);
	return true;
}
