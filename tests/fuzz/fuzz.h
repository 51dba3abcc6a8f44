/* fuzz — the libFuzzer targets of todoke's readers (tests/fuzz/fuzz_*.c).
 * Each defines LLVMFuzzerTestOneInput; `make fuzz` links it with
 * libFuzzer (clang, ASan, UBSan), `make fuzz-regress` with run.c, a plain
 * main that feeds it the files it is given (the seeds and the inputs that
 * once crashed, tests/fuzz/regress/TARGET/), under the normal build. */
#ifndef TODOKE_FUZZ_H
#define TODOKE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A path that reads as data (a memfd, /proc/self/fd/N), for the readers
 * that take a path; "" when it cannot be made.  Valid until the next call. */
const char *fuzz_path(const uint8_t *data, size_t size);

/* The source tree (forms/, forms/notice/), compiled in. */
#ifndef FUZZ_DATADIR
#define FUZZ_DATADIR "."
#endif

#endif
