/* fuzz_incident — the incident reader, then check and a round trip: what
 * reads is written back (incident_serialize) and must read again. */
#include <stdlib.h>

#include "fuzz.h"
#include "todoke/check.h"
#include "todoke/form.h"
#include "todoke/incident.h"
#include "todoke/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct formset *fs;
	struct diag d;
	if (!fs && !(fs = formset_load(FUZZ_DATADIR, &d)))
		abort();
	struct incident *inc = NULL;
	if (!incident_parse((const char *)data, size, "fuzz.incident", fs, &inc, &d))
		return 0;
	struct problems p;
	check_incident(inc, (struct date){ 2022, 10, 27 }, &p);
	problems_release(&p);
	struct strbuf sb;
	sb_init(&sb);
	incident_serialize(inc, &sb);
	struct incident *again = NULL;
	if (!incident_parse(sb.buf, sb.len, "fuzz.incident", fs, &again, &d))
		abort();  /* todoke wrote a file it cannot read */
	incident_free(&again);
	sb_release(&sb);
	incident_free(&inc);
	return 0;
}
