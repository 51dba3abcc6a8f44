/* fuzz_profile — the profile reader; what reads is saved and read again. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"
#include "todoke/model.h"
#include "todoke/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct model *m = model_new();
	if (profile_load(fuzz_path(data, size), m, &d)) {
		char path[64];
		snprintf(path, sizeof path, "/dev/shm/todoke-fuzz-profile-%ld", (long)getpid());
		struct model *again = model_new();
		if (profile_save(path, m, &d) && !profile_load(path, again, &d))
			abort();  /* todoke wrote a profile it cannot read */
		unlink(path);
		model_free(&again);
	}
	model_free(&m);
	return 0;
}
