/* writeout — the wizard's side of writing one document file (internal to
 * tui), for the documents screen and the export screen: the encodings
 * offered, what to do with characters an encoding lacks, and what to do
 * when the file is there already.  The bytes come from send.h, the write
 * from fileio.h, as for `todoke export`. */
#ifndef TODOKE_TUI_WRITEOUT_H
#define TODOKE_TUI_WRITEOUT_H

#include <stdbool.h>

#include "app.h"
#include "todoke/document.h"
#include "todoke/encode.h"

/* The encodings the wizard writes, keys 1-5: CP932 (for Windows) with
 * CR LF. */
struct writeout_encoding {
	wint_t key;
	const char *name;
	bool crlf;
};
extern const struct writeout_encoding writeout_encodings[];
/* The index of an encoding by name (an iconv alias is fine), -1 if none. */
int writeout_encoding_index(const char *name);
/* Asks which encoding to write doc in (only those its entry offers): the
 * index, or -1 for Esc. */
int writeout_choose_encoding(struct app *a, const struct document *doc);
/* The characters that will not convert, where they are, and what the user
 * may do: the key that closed the list (s stand-ins, e another encoding,
 * else cancel). */
wint_t writeout_explain(struct app *a, const struct enc_report *rep, const char *enc);

/* Where to write when path is there already: asked per file. */
enum writeout_place {
	WRITE_HERE,      /* new, the user's own device, or: replace it */
	WRITE_SKIP,      /* not written (said on the message line) */
	WRITE_QUIT,      /* a signal ends the session: nothing written */
};
/* Judges *path as `export -o` does (fileio.h: a directory is refused…),
 * and for a file that exists asks "o overwrite  n new name  s skip"; a
 * new name is asked for (the old one offered) and judged again, replacing
 * *path (malloc'd). */
enum writeout_place writeout_place(struct app *a, char **path);

/* NAME.EXT for the incident's title (fileio.h, file_name_from_title;
 * the incident file's name when the title gives none) and the document's
 * suffix, ".ipa.eml": "<title>-ipa.eml", in the incident's folder, or,
 * when that is hidden (the personal store, ~/.local/share/…), in
 * ~/todoke/.  malloc'd. */
char *writeout_default_path(const struct app *a, const struct document *doc, const char *ext);
/* Makes the folder of path when it is ~/todoke/ (0700); false with the
 * reason on the message line. */
bool writeout_folder(struct app *a, const char *path);

#endif
