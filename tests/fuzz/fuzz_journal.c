/* fuzz_journal — the journal reader; what it reads is written again and
 * reads back the same (journal.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "todoke/journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct journal_records r;
	if (!journal_parse((const char *)data, size, "fuzz", &r, &d))
		return 0;
	char inc[80];
	snprintf(inc, sizeof inc, "/dev/shm/todoke-fuzz-journal-%ld.incident", (long)getpid());
	struct journal *j = NULL;
	bool wrote = true;
	for (size_t i = 0; i < r.n && wrote; i++)
		wrote = journal_append(&j, inc, r.v[i].key, r.v[i].text, &d);
	journal_close(&j);
	if (wrote && r.n) {
		struct journal_records back;
		if (!journal_read(inc, &back, &d) || back.n != r.n || back.torn)
			abort();  /* todoke wrote a journal it cannot read */
		for (size_t i = 0; i < r.n; i++)
			if (strcmp(back.v[i].key, r.v[i].key) || strcmp(back.v[i].text, r.v[i].text))
				abort();
		journal_records_release(&back);
	}
	journal_remove(&j, inc);
	journal_records_release(&r);
	return 0;
}
