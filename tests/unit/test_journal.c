/* journal: records read back as written (Japanese, paragraphs); a last
 * record cut short at any byte is ignored and the ones before it kept; a
 * damaged checksum stops the reading there; not a journal, a link, or
 * control characters are refused; the file is 0600 whatever the umask;
 * and the wizard's replay stores a record as typed text (journal.h,
 * wizard.h). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suite.h"

#include "todoke/fileio.h"
#include "todoke/incident.h"
#include "todoke/journal.h"
#include "todoke/strbuf.h"
#include "todoke/wizard.h"

static char dir[64], path[128], jpath[160];

static void setup(void)
{
	strcpy(dir, "/tmp/todoke-journal-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.incident", dir);
	snprintf(jpath, sizeof jpath, "%s/.a.incident.journal", dir);
}

static void teardown(void)
{
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void slurp(const char *p, char **data, size_t *len)
{
	struct diag d;
	ck_assert_msg(file_read_all(p, data, len, &d), "%s", d.msg);
}

static void put(const char *p, const char *data, size_t len)
{
	FILE *f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

static void append3(void)
{
	struct journal *j = NULL;
	struct diag d;
	ck_assert_msg(journal_append(&j, path, "found.detail", "不正アクセス", &d), "%s", d.msg);
	ck_assert_msg(journal_append(&j, path, "timeline[2].text", "一行目\n二行目\n", &d), "%s",
	              d.msg);
	ck_assert_msg(journal_append(&j, path, "found.detail", "不正アクセスを検知", &d), "%s",
	              d.msg);
	journal_close(&j);
	ck_assert_ptr_null(j);
}

START_TEST(records_read_back)
{
	char *jp = journal_path(path);
	ck_assert_str_eq(jp, jpath);
	free(jp);
	struct journal_records r;
	struct diag d;
	ck_assert(journal_read(path, &r, &d));   /* none yet: no records */
	ck_assert_uint_eq(r.n, 0);
	append3();
	ck_assert_msg(journal_read(path, &r, &d), "%s", d.msg);
	ck_assert_uint_eq(r.n, 3);
	ck_assert(!r.torn);
	ck_assert_str_eq(r.v[0].key, "found.detail");
	ck_assert_str_eq(r.v[0].text, "不正アクセス");
	ck_assert_str_eq(r.v[1].key, "timeline[2].text");
	ck_assert_str_eq(r.v[1].text, "一行目\n二行目\n");
	ck_assert_str_eq(r.v[2].text, "不正アクセスを検知");
	journal_records_release(&r);
	journal_remove(NULL, path);
	ck_assert_int_ne(access(jpath, F_OK), 0);
}
END_TEST

/* A kill inside the last write(2): every cut of the last record leaves
 * the two records before it, and says something was ignored. */
START_TEST(torn_last_record_ignored)
{
	append3();
	size_t len;
	char *all;
	slurp(jpath, &all, &len);
	/* Where the third record starts. */
	const char *third = strstr(all, "R 12 27 ");
	ck_assert_ptr_nonnull(third);
	size_t start = (size_t)(third - all);
	for (size_t cut = start + 1; cut < len; cut++) {
		struct journal_records r;
		struct diag d;
		ck_assert_msg(journal_parse(all, cut, "j", &r, &d), "%zu: %s", cut, d.msg);
		ck_assert_msg(r.n == 2, "cut at %zu of %zu: %zu records", cut, len, r.n);
		ck_assert(r.torn);
		ck_assert_str_eq(r.v[1].text, "一行目\n二行目\n");
		journal_records_release(&r);
	}
	/* Cut exactly between records: both whole, nothing torn. */
	struct journal_records r;
	struct diag d;
	ck_assert(journal_parse(all, start, "j", &r, &d));
	ck_assert_uint_eq(r.n, 2);
	ck_assert(!r.torn);
	journal_records_release(&r);
	/* A flipped byte inside the second record's text: the checksum
	 * stops the reading before it. */
	char *bad = xstrdup(all);
	char *two = strstr(bad, "一行目");
	two[0] = (char)0xe4;  /* 一 is e4 b8 80: make it 二's first byte… */
	two[1] = (char)0xba;
	two[2] = (char)0x8c;  /* …二, same length, other bytes */
	ck_assert(journal_parse(bad, len, "j", &r, &d));
	ck_assert_uint_eq(r.n, 1);
	ck_assert(r.torn);
	journal_records_release(&r);
	free(bad);
	free(all);
}
END_TEST

START_TEST(refused_journals)
{
	struct journal_records r;
	struct diag d;
	static const char notj[] = "todoke-incident 1\n";
	diag_clear(&d);
	ck_assert(!journal_parse(notj, sizeof notj - 1, "x", &r, &d));
	ck_assert_ptr_nonnull(strstr(d.msg, "not a todoke journal"));
	/* An ESC in a record with a right checksum: refused, not replayed. */
	struct journal *j = NULL;
	ck_assert(journal_append(&j, path, "found.detail", "a\033]0;x\007b", &d));
	journal_close(&j);
	diag_clear(&d);
	ck_assert(!journal_read(path, &r, &d));
	ck_assert_ptr_nonnull(strstr(d.msg, "control character"));
	ck_assert_ptr_nonnull(strstr(d.msg, "found.detail"));
	/* A link planted as the journal is neither read nor written through. */
	unlink(jpath);
	char target[160];
	snprintf(target, sizeof target, "%s/elsewhere", dir);
	put(target, "todoke-journal 2\n", 17);
	ck_assert_int_eq(symlink(target, jpath), 0);
	ck_assert(!journal_read(path, &r, &d));
	ck_assert(journal_append(&j, path, "found.detail", "x", &d));
	journal_close(&j);
	size_t len;
	char *t;
	slurp(target, &t, &len);
	ck_assert_str_eq(t, "todoke-journal 2\n");
	free(t);
	struct stat st;
	ck_assert_int_eq(lstat(jpath, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
}
END_TEST

/* A record of the lines a burst changed (L) applies to the text of the
 * record before, of the same field; a stretch of typing into one field
 * reads as one record; an L that cannot apply, or whose line counts were
 * changed, is where reading stops. */
START_TEST(line_records)
{
	struct journal *j = NULL;
	struct diag d;
	struct journal_records r;
	/* Nothing to change lines of before the journal has a record. */
	ck_assert(!journal_append_lines(&j, path, "found.detail", 0, 0, "x", &d));
	ck_assert_ptr_null(j);
	ck_assert_int_ne(access(jpath, F_OK), 0);
	ck_assert(journal_append(&j, path, "found.detail", "一行目\n二行目\n三行目", &d));
	ck_assert(journal_append_lines(&j, path, "found.detail", 1, 1, "二行目です\n", &d));
	ck_assert(journal_append_lines(&j, path, "found.detail", 2, 0, "三行目\n四行目", &d));
	ck_assert(journal_append(&j, path, "timeline[1].text", "😀", &d));
	ck_assert(journal_append_lines(&j, path, "timeline[1].text", 0, 0, "😀ｶﾞ\n", &d));
	ck_assert(journal_append_lines(&j, path, "timeline[1].text", 1, 0, "か\xE3\x82\x99", &d));
	journal_close(&j);
	ck_assert_msg(journal_read(path, &r, &d), "%s", d.msg);
	ck_assert_uint_eq(r.n, 2);
	ck_assert(!r.torn);
	ck_assert_str_eq(r.v[0].key, "found.detail");
	ck_assert_str_eq(r.v[0].text, "一行目\n二行目です\n三行目\n四行目");
	ck_assert_str_eq(r.v[1].key, "timeline[1].text");
	ck_assert_str_eq(r.v[1].text, "😀ｶﾞ\nか\xE3\x82\x99");
	journal_records_release(&r);

	size_t len;
	char *all;
	slurp(jpath, &all, &len);
	ck_assert(strncmp(all, "todoke-journal 2\n", 17) == 0);
	/* Every cut inside the last L record leaves the text before it. */
	const char *last = strstr(all, "L 16 1 0 ");
	ck_assert_ptr_nonnull(last);
	for (size_t cut = (size_t)(last - all) + 1; cut < len; cut++) {
		ck_assert(journal_parse(all, cut, "j", &r, &d));
		ck_assert_uint_eq(r.n, 2);
		ck_assert(r.torn);
		ck_assert_str_eq(r.v[1].text, "😀ｶﾞ\n");
		journal_records_release(&r);
	}
	/* Counts changed, checksum not: reading stops before that record. */
	char *bad = xstrdup(all);
	char *counts = strstr(bad, "L 12 1 1 ");
	ck_assert_ptr_nonnull(counts);
	counts[5] = '0';  /* L 12 0 1 */
	ck_assert(journal_parse(bad, len, "j", &r, &d));
	ck_assert_uint_eq(r.n, 1);
	ck_assert(r.torn);
	ck_assert_str_eq(r.v[0].text, "一行目\n二行目\n三行目");
	journal_records_release(&r);
	free(bad);
	/* A version 1 journal has no line records. */
	bad = xstrdup(all);
	bad[15] = '1';
	ck_assert(journal_parse(bad, len, "j", &r, &d));
	ck_assert_uint_eq(r.n, 1);
	ck_assert(r.torn);
	journal_records_release(&r);
	free(bad);
	free(all);

	/* Lines of another field's text, more lines than the text has, or a
	 * kept tail after a text that ends no line: none applies. */
	static const struct { const char *key2; size_t first, tail; const char *text; } cant[] = {
		{ "found.other", 0, 0, "x" },
		{ "found.detail", 2, 1, "x\n" },
		{ "found.detail", 0, 1, "no newline" },
	};
	for (size_t i = 0; i < sizeof cant / sizeof *cant; i++) {
		unlink(jpath);
		ck_assert(journal_append(&j, path, "found.detail", "a\nb", &d));
		ck_assert(journal_append_lines(&j, path, cant[i].key2, cant[i].first, cant[i].tail,
		                               cant[i].text, &d));
		journal_close(&j);
		ck_assert_msg(journal_read(path, &r, &d), "%s", d.msg);
		ck_assert_msg(r.n == 1 && r.torn, "case %zu: %zu records", i, r.n);
		ck_assert_str_eq(r.v[0].text, "a\nb");
		journal_records_release(&r);
	}
}
END_TEST

/* A save marks the journal: only what follows the last mark is put back,
 * and a line record after it still changes the text from before it.  A
 * long journal is started again at a save, and a save with no journal of
 * this session's removes one left by an earlier session. */
START_TEST(saves_mark_the_journal)
{
	struct journal *j = NULL;
	struct diag d;
	struct journal_records r;
	ck_assert(journal_append(&j, path, "reporter.org", "(株)", &d));
	ck_assert(journal_append(&j, path, "system.diagram", "一\n二\n三", &d));
	ck_assert(journal_saved(&j, path));
	ck_assert_msg(journal_read(path, &r, &d), "%s", d.msg);
	ck_assert_uint_eq(r.n, 0);   /* all of it is in the file */
	journal_records_release(&r);
	ck_assert(journal_append_lines(&j, path, "system.diagram", 1, 1, "二です\n", &d));
	ck_assert(journal_saved(&j, path));
	ck_assert(journal_append_lines(&j, path, "system.diagram", 2, 0, "三です", &d));
	ck_assert_msg(journal_read(path, &r, &d), "%s", d.msg);
	ck_assert_uint_eq(r.n, 1);
	ck_assert(!r.torn);
	ck_assert_str_eq(r.v[0].key, "system.diagram");
	ck_assert_str_eq(r.v[0].text, "一\n二です\n三です");
	journal_records_release(&r);
	/* A mark cut short: the records before it still count. */
	size_t len;
	char *all;
	slurp(jpath, &all, &len);
	ck_assert(len > 2 && all[len - 1] == '\n');
	ck_assert(journal_saved(&j, path));
	ck_assert(journal_parse(all, len, "j", &r, &d));
	ck_assert_uint_eq(r.n, 1);
	journal_records_release(&r);
	free(all);
	slurp(jpath, &all, &len);
	ck_assert(journal_parse(all, len - 1, "j", &r, &d));   /* "S" alone */
	ck_assert_uint_eq(r.n, 1);
	ck_assert(r.torn);
	journal_records_release(&r);
	free(all);
	/* A long text in one whole record is marked, not written again... */
	char *big = malloc(70 * 1024);
	memset(big, 'x', 70 * 1024 - 1);
	big[70 * 1024 - 1] = '\0';
	ck_assert(journal_append(&j, path, "system.diagram", big, &d));
	ck_assert(journal_saved(&j, path));
	/* ...but 64 KiB more than the record that lines would change, or
	 * over 1,024 line records, start it again at a save. */
	ck_assert(journal_append(&j, path, "reporter.org", "(株)", &d));
	ck_assert(!journal_saved(&j, path));
	ck_assert_ptr_null(j);
	ck_assert_int_ne(access(jpath, F_OK), 0);
	ck_assert(journal_append(&j, path, "system.diagram", big, &d));
	free(big);
	for (int i = 0; i < 1024; i++)
		ck_assert(journal_append_lines(&j, path, "system.diagram", 0, 0, "y", &d));
	ck_assert(journal_saved(&j, path));
	ck_assert(journal_append_lines(&j, path, "system.diagram", 0, 0, "z", &d));
	ck_assert_msg(journal_read(path, &r, &d), "%s", d.msg);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_str_eq(r.v[0].text, "z");
	journal_records_release(&r);
	ck_assert(!journal_saved(&j, path));
	ck_assert_ptr_null(j);
	ck_assert_int_ne(access(jpath, F_OK), 0);
	/* An earlier session's journal goes at this session's first save. */
	ck_assert(journal_append(&j, path, "reporter.org", "(株)", &d));
	journal_close(&j);
	ck_assert_int_eq(access(jpath, F_OK), 0);
	ck_assert(!journal_saved(&j, path));
	ck_assert_int_ne(access(jpath, F_OK), 0);
}
END_TEST

START_TEST(private_whatever_the_umask)
{
	mode_t old = umask(0);
	struct journal *j = NULL;
	struct diag d;
	ck_assert(journal_append(&j, path, "found.detail", "x", &d));
	journal_close(&j);
	umask(old);
	struct stat st;
	ck_assert_int_eq(stat(jpath, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0600);
	/* In a team directory (setgid, 2770), the team's as its incidents. */
	unlink(jpath);
	ck_assert_int_eq(chmod(dir, 02770), 0);
	ck_assert(journal_append(&j, path, "found.detail", "x", &d));
	journal_close(&j);
	ck_assert_int_eq(stat(jpath, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0660);
}
END_TEST

/* What the wizard journals for a field is its answer's key; replaying the
 * record stores the text as typed into that field. */
START_TEST(replay_stores_typed_text)
{
	struct formset *fs = test_forms();
	struct diag d;
	struct incident *inc = incident_create(fs, "t", &d);
	ck_assert_ptr_nonnull(inc);
	const struct question *q = incident_question(inc, "found.detail", NULL);
	char *key = wizard_answer_key(inc, inc->answers, q);
	ck_assert_str_eq(key, "found.detail");
	free(key);
	ck_assert(wizard_replay(inc, "found.detail", "検知した", &d));
	ck_assert_str_eq(model_text(inc->answers, "found.detail"), "検知した");
	ck_assert(wizard_replay(inc, "discovery.date", "2026年11月20日", &d));
	struct date dt;
	ck_assert(model_date(inc->answers, "discovery.date", &dt));
	ck_assert_int_eq(dt.d, 20);
	/* An entry not saved before the kill is added. */
	ck_assert(wizard_replay(inc, "timeline[2].text", "初動", &d));
	ck_assert_uint_eq(model_entry_count(inc->answers, "timeline"), 2);
	struct model *e = model_entry(inc->answers, "timeline", 1);
	ck_assert_str_eq(model_text(e, "text"), "初動");
	const struct question *tl = incident_question(inc, "timeline", NULL);
	key = wizard_answer_key(inc, e, &tl->fields[1]);
	ck_assert_str_eq(key, "timeline[2].text");
	free(key);
	/* A half-typed date does not read: false with why, nothing set. */
	diag_clear(&d);
	ck_assert(!wizard_replay(inc, "report.date", "2026-1", &d));
	ck_assert(d.msg[0]);
	ck_assert_ptr_null(model_get(inc->answers, "report.date"));
	ck_assert(!wizard_replay(inc, "no.such", "x", &d));
	ck_assert(!wizard_replay(inc, "timeline[0].text", "x", &d));
	ck_assert(!wizard_replay(inc, "timeline", "x", &d));
	incident_free(&inc);
	formset_free(&fs);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("journal");
	TCase *tc = tcase_create("journal");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, records_read_back);
	tcase_add_test(tc, torn_last_record_ignored);
	tcase_add_test(tc, refused_journals);
	tcase_add_test(tc, line_records);
	tcase_add_test(tc, saves_mark_the_journal);
	tcase_add_test(tc, private_whatever_the_umask);
	tcase_add_test(tc, replay_stores_typed_text);
	suite_add_tcase(s, tc);
	return s;
}
