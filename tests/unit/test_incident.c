/* Incident files: round trips, forward compatibility, and every kind of
 * bad input reported with file and line, never half-loaded. */
#include <check.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>
#include <stdio.h>

#include "suite.h"

#include "todoke/fileio.h"
#include "todoke/incident.h"
#include "todoke/strbuf.h"

static struct formset *fs;

static void setup(void)
{
	fs = test_forms();
}

static void teardown(void)
{
	formset_free(&fs);
}

static char *slurp(const char *path, size_t *len)
{
	char *data;
	struct diag d;
	ck_assert_msg(file_read_all(path, &data, len, &d), "%s", d.msg);
	return data;
}

static struct incident *parse_ok(const char *text)
{
	struct incident *inc = NULL;
	struct diag d;
	diag_clear(&d);
	ck_assert_msg(incident_parse(text, strlen(text), "t.incident", fs, &inc, &d),
	              "unexpected error: line %d: %s", d.line, d.msg);
	return inc;
}

#define HEAD "todoke-incident 1\n[incident]\nform: ipa-access 3.5\n[answers]\n"

START_TEST(example_round_trips_byte_exact)
{
	size_t len;
	char *text = slurp("tests/golden/ipa/example.incident", &len);
	struct incident *inc = parse_ok(text);
	struct strbuf out;
	sb_init(&out);
	incident_serialize(inc, &out);
	ck_assert_uint_eq(out.len, len);
	ck_assert_str_eq(out.buf, text);
	sb_release(&out);
	incident_free(&inc);
	ck_assert_ptr_null(inc);
	free(text);
}
END_TEST

START_TEST(values_read_as_typed)
{
	struct incident *inc = parse_ok(HEAD
		"reporter.name:  山田 太郎  \n"
		"discovery.date: 2022年2月28日\n"
		"found.provider: [x] 決済代行会社:社名は差し控える\n"
		"device.other: [ ]\n"
		"damage.present: no\n"
		"cause:\n| 一行目\n|\n|   字下げ 😀\n"
		"timeline[1].date: 2022-10-24\n"
		"timeline[2].text:\n| 二件目\n"
		"timeline[1].text:\n| 一件目\n"
		"[end]\n");
	const struct model *m = inc->answers;
	ck_assert_str_eq(model_text(m, "reporter.name"), " 山田 太郎  ");
	struct date d;
	ck_assert(model_date(m, "discovery.date", &d));
	ck_assert_int_eq(d.y, 2022);
	ck_assert_int_eq(d.m, 2);
	ck_assert_int_eq(d.d, 28);
	ck_assert(model_checked(m, "found.provider"));
	ck_assert_str_eq(model_text(m, "found.provider"), "決済代行会社:社名は差し控える");
	ck_assert(!model_checked(m, "device.other"));
	ck_assert_ptr_nonnull(model_get(m, "device.other"));
	ck_assert_str_eq(model_text(m, "damage.present"), "no");
	ck_assert_str_eq(model_text(m, "cause"), "一行目\n\n  字下げ 😀");
	ck_assert_uint_eq(model_entry_count(m, "timeline"), 2);
	ck_assert_str_eq(model_text(model_entry(m, "timeline", 0), "text"), "一件目");
	ck_assert_str_eq(model_text(model_entry(m, "timeline", 1), "text"), "二件目");
	ck_assert_int_eq(model_get(m, "discovery.date")->line, 6);
	incident_free(&inc);
}
END_TEST

/* Unknown [incident] keys and unknown sections survive a save. */
START_TEST(unknown_keys_and_sections_are_kept)
{
	size_t len;
	char *text = slurp("tests/golden/ipa/partial.incident", &len);
	struct incident *inc = parse_ok(text);
	ck_assert_str_eq(incident_meta(inc, "owner"), "総務部 (a key a newer todoke wrote)");
	struct strbuf once, twice;
	sb_init(&once);
	sb_init(&twice);
	incident_serialize(inc, &once);
	ck_assert_ptr_nonnull(strstr(once.buf, "owner: 総務部 (a key a newer todoke wrote)\n"));
	ck_assert_ptr_nonnull(strstr(once.buf,
		"\n[history]\n2023-01-05 created by a newer todoke\n  kept as it is\n\n[end]\n"));
	struct incident *again = parse_ok(once.buf);
	incident_serialize(again, &twice);
	ck_assert_str_eq(once.buf, twice.buf);
	ck_assert(model_equal(inc->answers, again->answers));
	sb_release(&once);
	sb_release(&twice);
	incident_free(&inc);
	incident_free(&again);
	free(text);
}
END_TEST

/* Every answer type written and read back gives the same model. */
START_TEST(serialize_parse_is_identity)
{
	struct incident *inc = incident_new(&(const struct form *){
		formset_find(fs, "ipa-access", "3.5") }, 1);
	struct model *m = inc->answers;
	model_set_text(m, "reporter.org", Q_TEXT, "  (株)テスト ｶﾌﾞｼｷｶﾞｲｼｬ ");
	model_set_text(m, "reporter.name", Q_TEXT, "");
	model_set_check(m, "device.other", true, "  前後に空白 ");
	model_set_check(m, "device.pc", false, NULL);
	model_set_text(m, "insurance.disclose", Q_CHOICE, "deny");
	model_set_text(m, "cause", Q_LINES, "\n先頭が空行\n| 縦棒で始まる行\n\n末尾も空行\n");
	model_set_text(m, "damage.impact", Q_LINES, "");
	model_set_date(m, "discovery.date", (struct date){ 2024, 2, 29 });
	struct model *e = model_entry_add(m, "timeline");
	model_set_text(e, "text", Q_LINES, "が\xe3\x82\x99合成");
	incident_set_meta(inc, "title", "タイトル");

	struct strbuf out;
	sb_init(&out);
	incident_serialize(inc, &out);
	struct incident *back = parse_ok(out.buf);
	ck_assert(model_equal(m, back->answers));
	ck_assert_str_eq(incident_meta(back, "title"), "タイトル");
	sb_release(&out);
	incident_free(&inc);
	incident_free(&back);
}
END_TEST

struct bad {
	const char *text;
	int line;
	const char *msg;
};

static const struct bad bad_inputs[] = {
	{ "todoke-incident 1\n[incident]\nform: ipa-access 3.5\ntitle: caf\xc3\n[answers]\n[end]\n",
	  4, "not valid UTF-8" },
	{ HEAD "reporter.name: ok\nreporter.nmae: typo\n[end]\n", 6, "unknown question id \"reporter.nmae\"" },
	{ HEAD "discovery.date: 2022-02-30\n[end]\n", 5, "February 2022 has 28 days" },
	{ HEAD "discovery.date: 2023-02-29\n[end]\n", 5, "no such day" },
	{ HEAD "discovery.date: yesterday\n[end]\n", 5, "bad date" },
	{ HEAD "device.pc: yes\n[end]\n", 5, "checkbox" },
	{ HEAD "device.pc: [x] text\n[end]\n", 5, "no text blank" },
	{ HEAD "damage.present: maybe\n[end]\n", 5, "choose one of: yes (被害有り), no (被害無し(未遂))" },
	{ HEAD "reporter.name: a\nreporter.name: b\n[end]\n", 6, "answered twice (first on line 5)" },
	{ HEAD "timeline: x\n[end]\n", 5, "is a list" },
	{ HEAD "timeline[2].date: 2022-10-24\n[end]\n", 5, "comes before timeline[1]" },
	{ HEAD "timeline[1].when: 2022-10-24\n[end]\n", 5, "no field \"when\"" },
	{ HEAD "| stray\n[end]\n", 5, "belongs under" },
	{ HEAD "reporter.name: a\n", 5, "without its last line \"[end]\"" },
	{ HEAD "cause:\n| 途中で切れ", 6, "ends in the middle of this line" },
	{ HEAD "[end]\nreporter.name: late\n", 6, "after [end]" },
	{ HEAD "reporter.name: tab\tok but bell \a not\n[end]\n", 5, "control character" },
	{ "todoke-incident 2\n", 1, "newer" },
	{ "name: something else\n", 1, "not a todoke-incident file" },
	{ "", 0, "empty file" },
	{ "todoke-incident 1\n[incident]\nform: ipa-access 9.9\n", 3, "not installed" },
	{ "todoke-incident 1\n[incident]\n[answers]\n", 3, "names no form" },
	{ "todoke-incident 1\n[answers]\n", 2, "out of place" },
	{ HEAD "reporter.name\n[end]\n", 5, "expected \"question-id: value\"" },
	{ "todoke-incident 1\n[incident]\n[end]\n", 3, "names no form" },
	{ "todoke-incident 1\n[incident]\nform: ipa-access 3.5 junk\n", 3, "use \"form: FORM-ID VERSION\"" },
	{ HEAD "timeline[1].date: 2022-10-24\ntimeline[1].date: 2022-10-25\n[end]\n", 6,
	  "\"timeline[1].date\" is answered twice (first on line 5)" },
};

START_TEST(bad_input_is_located_and_rejected)
{
	const struct bad *b = &bad_inputs[_i];
	struct incident *inc = (struct incident *)&inc; /* must become NULL */
	struct diag d;
	diag_clear(&d);
	ck_assert_msg(!incident_parse(b->text, strlen(b->text), "bad.incident", fs, &inc, &d),
	              "case %d was accepted", _i);
	ck_assert_ptr_null(inc);
	ck_assert_str_eq(d.file, "bad.incident");
	ck_assert_msg(d.line == b->line, "case %d: line %d, want %d (%s)", _i, d.line,
	              b->line, d.msg);
	ck_assert_msg(strstr(d.msg, b->msg), "case %d: \"%s\" lacks \"%s\"", _i, d.msg, b->msg);
}
END_TEST

START_TEST(crlf_is_read)
{
	struct incident *inc = parse_ok("todoke-incident 1\r\n[incident]\r\nform: ipa-access 3.5\r\n"
	                                "[answers]\r\nreporter.name: 山田\r\ncause:\r\n| 一\r\n| 二\r\n[end]\r\n");
	ck_assert_str_eq(model_text(inc->answers, "reporter.name"), "山田");
	ck_assert_str_eq(model_text(inc->answers, "cause"), "一\n二");
	incident_free(&inc);
}
END_TEST

static char tmpdir[64];

static void tmp_setup(void)
{
	setup();
	strcpy(tmpdir, "/tmp/todoke-test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void tmp_teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	teardown();
}

static int count_entries(const char *dir)
{
	int n = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.' || (e->d_name[1] && strcmp(e->d_name, ".."));
	closedir(d);
	return n;
}

START_TEST(save_is_0600_atomic_and_leaves_no_temp_file)
{
	char path[128];
	snprintf(path, sizeof path, "%s/a.incident", tmpdir);
	struct incident *inc = parse_ok(HEAD "reporter.name: 山田\n[end]\n");
	mode_t old = umask(0);  /* even a permissive umask gives 0600 */
	struct diag d;
	ck_assert_msg(incident_save(inc, path, &d), "%s", d.msg);
	/* Replacing an existing, more open file makes it 0600 too. */
	chmod(path, 0644);
	ck_assert_msg(incident_save(inc, path, &d), "%s", d.msg);
	umask(old);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(count_entries(tmpdir), 1);

	struct incident *back = NULL;
	ck_assert(incident_load(path, fs, &back, &d));
	ck_assert(model_equal(inc->answers, back->answers));
	incident_free(&inc);
	incident_free(&back);
}
END_TEST

START_TEST(failed_save_keeps_the_old_file)
{
	char path[160];
	snprintf(path, sizeof path, "%s/no-such-dir/a.incident", tmpdir);
	struct incident *inc = parse_ok(HEAD "[end]\n");
	struct diag d;
	diag_clear(&d);
	ck_assert(!incident_save(inc, path, &d));
	ck_assert_ptr_nonnull(strstr(d.msg, "temporary file"));
	ck_assert_str_eq(d.file, path);
	incident_free(&inc);
}
END_TEST

START_TEST(load_names_missing_file)
{
	struct incident *inc;
	struct diag d;
	ck_assert(!incident_load("/nonexistent/x.incident", fs, &inc, &d));
	ck_assert_ptr_null(inc);
	ck_assert_str_eq(d.file, "/nonexistent/x.incident");
	ck_assert_ptr_nonnull(strstr(d.msg, "No such file"));
}
END_TEST

/* `todoke new` and the wizard begin an incident alike (incident_create). */
START_TEST(created_incident_has_the_newest_forms)
{
	struct diag d;
	diag_clear(&d);
	struct incident *inc = incident_create(fs, "ECサイトの不正アクセス", &d);
	ck_assert_ptr_nonnull(inc);
	struct strbuf sb;
	sb_init(&sb);
	incident_serialize(inc, &sb);
	ck_assert_str_eq(sb.buf,
		"todoke-incident 1\n"
		"# todoke incident: UTF-8 text, one answer a line, see todoke-incident(5).\n"
		"# After editing by hand, run `todoke check` on it.\n\n"
		"[incident]\nform: ipa-access 3.5\nform: ppc-report 2024\nform: notice 1\n"
		"title: ECサイトの不正アクセス\n\n[answers]\n\n[end]\n");
	sb_release(&sb);
	incident_free(&inc);
	/* No title, or an empty one: no title line. */
	inc = incident_create(fs, "", &d);
	ck_assert_ptr_null(incident_meta(inc, "title"));
	ck_assert_uint_eq(inc->nforms, 3);
	incident_free(&inc);
}
END_TEST

START_TEST(created_incident_needs_the_ipa_form)
{
	/* Forms installed without the IPA form: refused, saying which. */
	char dir[160], path[200];
	snprintf(dir, sizeof dir, "%s/forms", tmpdir);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	snprintf(path, sizeof path, "%s/ppc-report-2024.form", dir);
	const char *src = getenv("TODOKE_DATADIR");
	char from[4096];
	snprintf(from, sizeof from, "%s/forms/ppc-report-2024.form", src ? src : ".");
	size_t len;
	char *text = slurp(from, &len);
	struct diag d;
	ck_assert_msg(file_write_atomic(path, text, len, 0600, &d), "%s", d.msg);
	free(text);
	/* The registry names the IPA form first: a new incident needs it. */
	snprintf(path, sizeof path, "%s/documents", dir);
	snprintf(from, sizeof from, "%s/forms/documents", src ? src : ".");
	text = slurp(from, &len);
	ck_assert_msg(file_write_atomic(path, text, len, 0600, &d), "%s", d.msg);
	free(text);
	struct formset *only = formset_load(tmpdir, &d);
	ck_assert_msg(only != NULL, "%s", d.msg);
	diag_clear(&d);
	ck_assert_ptr_null(incident_create(only, "t", &d));
	ck_assert_msg(strstr(d.msg, "the form of コンピュータ不正アクセス届出様式 (ipa-access) is not "
	                      "installed in"), "%s", d.msg);
	formset_free(&only);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("incident");
	TCase *tc = tcase_create("read-write");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, example_round_trips_byte_exact);
	tcase_add_test(tc, values_read_as_typed);
	tcase_add_test(tc, unknown_keys_and_sections_are_kept);
	tcase_add_test(tc, serialize_parse_is_identity);
	tcase_add_loop_test(tc, bad_input_is_located_and_rejected, 0,
	                    (int)(sizeof bad_inputs / sizeof bad_inputs[0]));
	tcase_add_test(tc, crlf_is_read);
	tcase_add_test(tc, load_names_missing_file);
	tcase_add_test(tc, created_incident_has_the_newest_forms);
	suite_add_tcase(s, tc);
	TCase *files = tcase_create("files");
	tcase_add_checked_fixture(files, tmp_setup, tmp_teardown);
	tcase_add_test(files, save_is_0600_atomic_and_leaves_no_temp_file);
	tcase_add_test(files, failed_save_keeps_the_old_file);
	tcase_add_test(files, created_incident_needs_the_ipa_form);
	suite_add_tcase(s, files);
	return s;
}
