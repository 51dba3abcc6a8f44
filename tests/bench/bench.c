/* make bench — how long the work behind each keystroke and export takes.
 * Prints times; passes or fails nothing (tests never time themselves). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "todoke/editor.h"
#include "todoke/export.h"
#include "todoke/fileio.h"
#include "todoke/incident.h"
#include "todoke/notice.h"
#include "todoke/ppc.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void report(const char *what, int n, double t0)
{
	double per = (now() - t0) / n;
	printf("%-44s %8d x %10.1f us\n", what, n, per * 1e6);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const char *dir = getenv("TODOKE_DATADIR") ? getenv("TODOKE_DATADIR") : ".";
	struct diag d;
	double t0 = now();
	for (int i = 0; i < 200; i++) {
		struct formset *fs = formset_load(dir, &d);
		formset_free(&fs);
	}
	report("find the forms, read the registry", 200, t0);
	/* Forms are parsed on first use: all of them, as `todoke forms`. */
	t0 = now();
	for (int i = 0; i < 200; i++) {
		struct formset *fs = formset_load(dir, &d);
		for (size_t k = 0; fs && k < formset_count(fs); k++)
			formset_at(fs, k);
		formset_free(&fs);
	}
	report("... and parse every form", 200, t0);

	struct formset *fs = formset_load(dir, &d);
	char *text;
	size_t len;
	if (!fs || !file_read_all("tests/golden/ppc/final.incident", &text, &len, &d)) {
		fprintf(stderr, "bench: %s\n", d.msg);
		return 1;
	}
	struct incident *inc = NULL;
	t0 = now();
	for (int i = 0; i < 5000; i++) {
		incident_free(&inc);
		incident_parse(text, len, "final.incident", fs, &inc, &d);
	}
	report("read an incident (the PPC final example)", 5000, t0);

	struct strbuf out;
	t0 = now();
	for (int i = 0; i < 5000; i++) {
		sb_init(&out);
		incident_serialize(inc, &out);
		sb_release(&out);
	}
	report("write an incident", 5000, t0);
	t0 = now();
	for (int i = 0; i < 5000; i++) {
		sb_init(&out);
		export_document(docset_find(formset_documents(fs), "ipa"), inc, NULL, NOTICE_TEXT, &out,
		                NULL, &d);
		sb_release(&out);
	}
	report("export the IPA form", 5000, t0);
	t0 = now();
	for (int i = 0; i < 5000; i++) {
		sb_init(&out);
		export_document(docset_find(formset_documents(fs), "ppc"), inc, NULL, NOTICE_TEXT, &out,
		                NULL, &d);
		sb_release(&out);
	}
	report("export the PPC report with its decision", 5000, t0);

	/* The notice: its wording is read once, then built from the answers
	 * (the review's problem list builds it on every redraw). */
	t0 = now();
	for (int i = 0; i < 200; i++) {
		struct notice_set *ns = notice_set_load(dir, &d);
		notice_set_free(&ns);
	}
	report("load the notice's wording (8 files)", 200, t0);
	struct notice_set *ns = notice_set_load(dir, &d);
	struct incident *ninc = NULL;
	char *ntext;
	size_t nlen;
	if (!ns || !file_read_all("tests/golden/notice/skimming.incident", &ntext, &nlen, &d) ||
	    !incident_parse(ntext, nlen, "skimming.incident", fs, &ninc, &d)) {
		fprintf(stderr, "bench: %s\n", d.msg);
		return 1;
	}
	t0 = now();
	for (int i = 0; i < 5000; i++) {
		sb_init(&out);
		export_document(docset_find(formset_documents(fs), "notice"), ninc, ns, NOTICE_TEXT,
		                &out, NULL, &d);
		sb_release(&out);
	}
	report("export the notice as text (skimming)", 5000, t0);
	t0 = now();
	for (int i = 0; i < 5000; i++) {
		sb_init(&out);
		export_document(docset_find(formset_documents(fs), "notice"), ninc, ns, NOTICE_HTML,
		                &out, NULL, &d);
		sb_release(&out);
	}
	report("export the notice as HTML (skimming)", 5000, t0);
	incident_free(&ninc);
	free(ntext);

	/* One answer line of 100 KB, 1 MB, 10 MB in the notice (the cause of
	 * the intrusion example): the time per MB stays the same (linear). */
	if (!file_read_all("tests/golden/notice/intrusion.incident", &ntext, &nlen, &d)) {
		fprintf(stderr, "bench: %s\n", d.msg);
		return 1;
	}
	const char *at = strstr(ntext, "\ncause:\n| ");
	for (size_t kb = 100; at && kb <= 10240; kb = kb < 1024 ? 1024 : kb * 10) {
		struct strbuf big;
		sb_init(&big);
		size_t head = (size_t)(at - ntext) + strlen("\ncause:\n| ");
		sb_addn(&big, ntext, head);
		while (big.len < head + kb * 1024)
			sb_add(&big, "不正アクセスの原因を調査しています、");
		sb_add(&big, ntext + head);
		if (!incident_parse(big.buf, big.len, "big.incident", fs, &ninc, &d)) {
			fprintf(stderr, "bench: %s\n", d.msg);
			return 1;
		}
		for (int html = 0; html < 2; html++) {
			char what[80];
			snprintf(what, sizeof what, "export the notice (%s), a %zu KB answer line",
			         html ? "HTML" : "text", kb);
			t0 = now();
			sb_init(&out);
			export_document(docset_find(formset_documents(fs), "notice"), ninc, ns,
			                html ? NOTICE_HTML : NOTICE_TEXT, &out, NULL, &d);
			sb_release(&out);
			report(what, 1, t0);
		}
		incident_free(&ninc);
		sb_release(&big);
	}
	free(ntext);
	notice_set_free(&ns);

	/* A long pasted text: the wizard lays it out on every keystroke. */
	struct strbuf paste;
	sb_init(&paste);
	for (int i = 0; i < 2000; i++)
		sb_add(&paste, "決済代行会社からカード情報漏えい懸念の連絡があり、ｶﾀｶﾅ😀 abc.\n");
	struct editor *ed = ed_new(true);
	t0 = now();
	ed_insert(ed, paste.buf);
	report("paste 2,000 lines (126,000 characters)", 1, t0);
	size_t rows;
	t0 = now();
	for (int i = 0; i < 200; i++) {
		ed_insert(ed, "字");
		ed_layout(ed, 78 - i % 2, &rows);
	}
	report("type a character in it and lay it out again", 200, t0);
	t0 = now();
	ed_top(ed);
	for (int i = 0; i < 2000; i++)
		ed_down(ed, 78);
	report("move down a row", 2000, t0);
	ed_free(&ed);
	sb_release(&paste);
	incident_free(&inc);
	free(text);
	formset_free(&fs);
	return 0;
}
