/* fuzz_storeindex — the reader of the start screen's index (storeindex.h):
 * whatever it accepts is written again to the very same text, and that
 * reads back the same rows; the stamp is "fuzz". */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "todoke/storeindex.h"
#include "todoke/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store_index x, y;
	if (!store_index_parse((const char *)data, size, "fuzz", &x))
		return 0;
	struct strbuf sb;
	sb_init(&sb);
	store_index_format(&x, "fuzz", &sb);
	/* One way to write each row: an accepted text is what todoke writes. */
	if (sb.len != size || memcmp(sb.buf, data, size) != 0)
		abort();
	if (!store_index_parse(sb.buf, sb.len, "fuzz", &y) || y.n != x.n)
		abort();
	for (size_t i = 0; i < x.n; i++)
		if (!store_index_find(&y, x.rows[i].name, &x.rows[i].key))
			abort();
	sb_release(&sb);
	store_index_release(&x);
	store_index_release(&y);
	return 0;
}
