/* The reporter's profile: exact round trips of Japanese text, nothing but
 * reporter.* saved, modes, and bad files named with file and line. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suite.h"

#include "todoke/fileio.h"
#include "todoke/profile.h"

static char tmpdir[64];
static char path[128];

static void setup(void)
{
	strcpy(tmpdir, "/tmp/todoke-profile-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(path, sizeof path, "%s/profile", tmpdir);
}

static void teardown(void)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	unsetenv("TODOKE_HOME");
}

static void put(const char *text)
{
	struct diag d;
	ck_assert_msg(file_write_atomic(path, text, strlen(text), 0600, &d), "%s", d.msg);
}

static char *slurp(const char *p)
{
	char *data;
	size_t len;
	struct diag d;
	ck_assert_msg(file_read_all(p, &data, &len, &d), "%s", d.msg);
	return data;
}

START_TEST(keys_are_the_reporter_questions)
{
	const char *want[] = { "reporter.address", "reporter.org", "reporter.name",
	                       "reporter.email", "reporter.tel" };
	size_t i = 0;
	for (; profile_keys[i]; i++) {
		ck_assert_uint_lt(i, 5);
		ck_assert_str_eq(profile_keys[i], want[i]);
	}
	ck_assert_uint_eq(i, 5);
}
END_TEST

START_TEST(profile_path_precedence)
{
	char *p;
	setenv("HOME", "/home/yamada", 1);
	setenv("XDG_CONFIG_HOME", "/xdg/config", 1);
	setenv("TODOKE_HOME", "/t/home", 1);
	ck_assert_str_eq(p = profile_path(), "/t/home/profile");
	free(p);
	unsetenv("TODOKE_HOME");
	ck_assert_str_eq(p = profile_path(), "/xdg/config/todoke/profile");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1);  /* ignored, as XDG says */
	ck_assert_str_eq(p = profile_path(), "/home/yamada/.config/todoke/profile");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	ck_assert_str_eq(p = profile_path(), "/home/yamada/.config/todoke/profile");
	free(p);
}
END_TEST

START_TEST(round_trip_keeps_every_character)
{
	struct model *m = model_new();
	model_set_text(m, "reporter.address", Q_TEXT, "東京都千代田区丸の内１－２－３　〇〇ビル");
	model_set_text(m, "reporter.org", Q_TEXT, "(株)テスト ｶﾌﾞｼｷｶﾞｲｼｬ\tﾃｽﾄ");
	model_set_text(m, "reporter.name", Q_TEXT, "  山田 太郎 😀  ");
	model_set_text(m, "reporter.email", Q_TEXT, "");
	model_set_text(m, "reporter.tel", Q_LINES, "03-1234-5678 (内線 #12: 代表)");
	/* Answers of the incident itself stay out of the profile. */
	model_set_text(m, "cause", Q_LINES, "原因\n二行目");
	model_set_date(m, "discovery.date", (struct date){ 2022, 10, 24 });
	model_set_check(m, "device.pc", true, NULL);
	model_set_text(m, "reporter.dept", Q_TEXT, "総務部");

	struct diag d;
	ck_assert_msg(profile_save(path, m, &d), "%s", d.msg);
	char *text = slurp(path);
	ck_assert_str_eq(text, "todoke-profile 1\n"
	                 "reporter.address: 東京都千代田区丸の内１－２－３　〇〇ビル\n"
	                 "reporter.org: (株)テスト ｶﾌﾞｼｷｶﾞｲｼｬ\tﾃｽﾄ\n"
	                 "reporter.name:   山田 太郎 😀  \n"
	                 "reporter.email:\n"
	                 "reporter.tel: 03-1234-5678 (内線 #12: 代表)\n");
	free(text);

	struct model *back = model_new();
	ck_assert_msg(profile_load(path, back, &d), "%s", d.msg);
	ck_assert_uint_eq(model_count(back), 5);
	for (size_t i = 0; profile_keys[i]; i++) {
		ck_assert_str_eq(model_text(back, profile_keys[i]), model_text(m, profile_keys[i]));
		ck_assert_int_eq(model_get(back, profile_keys[i])->type, Q_TEXT);
	}
	ck_assert_str_eq(model_text(back, "reporter.name"), "  山田 太郎 😀  ");
	ck_assert_ptr_nonnull(model_get(back, "reporter.email"));
	ck_assert_ptr_null(model_get(back, "cause"));
	ck_assert_ptr_null(model_get(back, "reporter.dept"));
	model_free(&m);
	model_free(&back);
}
END_TEST

/* The own name (the 氏名 the history records) is no reporter's detail:
 * saving an incident's reporter keeps it; only profile_set_own_name
 * changes it, and it never reaches an incident. */
START_TEST(own_name_survives_the_reporter)
{
	struct diag d;
	char buf[256];
	ck_assert(!profile_own_name(path, buf, sizeof buf));
	ck_assert_str_eq(buf, "");
	ck_assert_msg(profile_set_own_name(path, "鈴木 花子", &d), "%s", d.msg);
	struct model *m = model_new();
	model_set_text(m, "reporter.name", Q_TEXT, "山田 太郎");  /* someone else's incident */
	ck_assert(profile_save(path, m, &d));
	char *text = slurp(path);
	ck_assert_str_eq(text, "todoke-profile 1\nreporter.name: 山田 太郎\nuser.name: 鈴木 花子\n");
	free(text);
	ck_assert(profile_own_name(path, buf, sizeof buf));
	ck_assert_str_eq(buf, "鈴木 花子");
	struct model *back = model_new();
	ck_assert(profile_load(path, back, &d));
	ck_assert_ptr_null(model_get(back, "user.name"));
	ck_assert_str_eq(model_text(back, "reporter.name"), "山田 太郎");
	/* Removing it keeps the reporter; a control character is refused. */
	ck_assert(profile_set_own_name(path, "", &d));
	text = slurp(path);
	ck_assert_str_eq(text, "todoke-profile 1\nreporter.name: 山田 太郎\n");
	free(text);
	ck_assert(!profile_set_own_name(path, "a\x1b[2Jb", &d));
	ck_assert(strstr(d.msg, "user.name") != NULL);
	model_free(&m);
	model_free(&back);
}
END_TEST

START_TEST(only_answered_text_is_saved)
{
	struct model *m = model_new();
	model_set_text(m, "reporter.name", Q_TEXT, "山田");
	model_set_date(m, "reporter.tel", (struct date){ 2022, 10, 24 });  /* not text */
	model_set_text(m, "damage.summary", Q_TEXT, "not reporter");
	struct diag d;
	ck_assert(profile_save(path, m, &d));
	char *text = slurp(path);
	ck_assert_str_eq(text, "todoke-profile 1\nreporter.name: 山田\n");
	free(text);
	/* Nothing answered: just the header. */
	struct model *empty = model_new();
	ck_assert(profile_save(path, empty, &d));
	text = slurp(path);
	ck_assert_str_eq(text, "todoke-profile 1\n");
	free(text);
	ck_assert(profile_load(path, empty, &d));
	ck_assert_uint_eq(model_count(empty), 0);
	model_free(&m);
	model_free(&empty);
}
END_TEST

START_TEST(unwritable_value_keeps_the_old_file)
{
	struct model *m = model_new();
	model_set_text(m, "reporter.name", Q_TEXT, "山田");
	struct diag d;
	ck_assert(profile_save(path, m, &d));
	model_set_text(m, "reporter.address", Q_LINES, "東京都\n千代田区");
	diag_clear(&d);
	ck_assert(!profile_save(path, m, &d));
	ck_assert_str_eq(d.file, path);
	ck_assert_ptr_nonnull(strstr(d.msg, "reporter.address"));
	char *text = slurp(path);
	ck_assert_str_eq(text, "todoke-profile 1\nreporter.name: 山田\n");
	free(text);
	model_free(&m);
}
END_TEST

START_TEST(missing_file_is_no_profile)
{
	struct model *m = model_new();
	struct diag d;
	ck_assert(profile_load(path, m, &d));
	ck_assert_uint_eq(model_count(m), 0);
	char deep[160];
	snprintf(deep, sizeof deep, "%s/no/such/profile", tmpdir);
	ck_assert(profile_load(deep, m, &d));
	ck_assert_uint_eq(model_count(m), 0);
	ck_assert(!profile_load(NULL, m, &d));
	ck_assert(!profile_save(NULL, m, &d));
	/* Loading never creates anything. */
	struct stat st;
	ck_assert_int_eq(stat(path, &st), -1);
	model_free(&m);
}
END_TEST

/* Unknown keys are ignored (see profile.h); comments, blank lines, CRLF
 * and a missing last newline are fine; a loaded key replaces an answer. */
START_TEST(lenient_where_harmless)
{
	put("todoke-profile 1\r\n# my details\r\n\r\nreporter.dept: 総務部\r\n"
	    "reporter.name: 山田\r\nx-future_key.2: ?\r\nreporter.tel:  03 ");
	struct model *m = model_new();
	model_set_text(m, "reporter.name", Q_TEXT, "old");
	model_set_text(m, "reporter.org", Q_TEXT, "kept");
	struct diag d;
	ck_assert_msg(profile_load(path, m, &d), "%s", d.msg);
	ck_assert_str_eq(model_text(m, "reporter.name"), "山田");
	ck_assert_str_eq(model_text(m, "reporter.tel"), " 03 ");
	ck_assert_str_eq(model_text(m, "reporter.org"), "kept");
	ck_assert_ptr_null(model_get(m, "reporter.dept"));
	ck_assert_uint_eq(model_count(m), 3);
	model_free(&m);
}
END_TEST

struct bad {
	const char *text;
	int line, col;     /* col 0: the whole line */
	const char *msg;
};

static const struct bad bad_files[] = {
	{ "", 0, 0, "empty file: the first line must be \"todoke-profile 1\"" },
	{ "reporter.name: 山田\n", 1, 0, "not a todoke-profile file" },
	{ "todoke-profile\n", 1, 0, "not a todoke-profile file" },
	{ "todoke-profile 1 extra\n", 1, 0, "not a todoke-profile file" },
	{ "todoke-profile 2\nreporter.name: 山田\n", 1, 0, "newer" },
	{ "todoke-profile 1\nreporter.name: 山田\njust text\n", 3, 0, "expected \"key: value\"" },
	{ "todoke-profile 1\n: no key\n", 2, 0, "expected \"key: value\"" },
	{ "todoke-profile 1\nreporter name: 山田\n", 2, 1, "expected \"key: value\"" },
	{ "todoke-profile 1\nreporter.name: a\nreporter.tel: 1\nreporter.name: b\n", 4, 0,
	  "\"reporter.name\" is given twice (first on line 2)" },
	{ "todoke-profile 1\nreporter.org: ok\nreporter.name: bell \a\n", 3, 21,
	  "control character U+0007" },
	{ "todoke-profile 1\nreporter.org: ok\nreporter.name: caf\xc3\n", 3, 19, "not valid UTF-8" },
	{ "todoke-profile 1\nreporter.org: ok\nreporter.name: a\r\r\n", 3, 17,
	  "control character U+000D" },
	/* Columns count display columns: 山田 is four. */
	{ "todoke-profile 1\nreporter.name: 山田\x1b[2J\n", 2, 20, "control character U+001B" },
};

START_TEST(bad_file_is_named_and_not_loaded)
{
	const struct bad *b = &bad_files[_i];
	put(b->text);
	struct model *m = model_new();
	model_set_text(m, "reporter.org", Q_TEXT, "before");
	struct diag d;
	diag_clear(&d);
	ck_assert_msg(!profile_load(path, m, &d), "case %d was accepted", _i);
	ck_assert_str_eq(d.file, path);
	ck_assert_msg(d.line == b->line, "case %d: line %d, want %d (%s)", _i, d.line,
	              b->line, d.msg);
	ck_assert_msg(strstr(d.msg, b->msg), "case %d: \"%s\" lacks \"%s\"", _i, d.msg, b->msg);
	/* Nothing half-loaded. */
	ck_assert_uint_eq(model_count(m), 1);
	ck_assert_str_eq(model_text(m, "reporter.org"), "before");
	ck_assert_msg(d.col == b->col, "case %d: column %d, want %d", _i, d.col, b->col);
	char buf[2048], want[512];
	if (b->col)
		snprintf(want, sizeof want, "%s:%d:%d: ", path, b->line, b->col);
	else if (b->line)
		snprintf(want, sizeof want, "%s:%d: ", path, b->line);
	else
		snprintf(want, sizeof want, "%s: ", path);
	ck_assert_ptr_nonnull(strstr(diag_format(&d, buf, sizeof buf), want));
	model_free(&m);
}
END_TEST

START_TEST(modes_0600_and_0700)
{
	char home[128];
	snprintf(home, sizeof home, "%s/a/b", tmpdir);
	setenv("TODOKE_HOME", home, 1);
	char *p = profile_path();
	char want[160];
	snprintf(want, sizeof want, "%s/profile", home);
	ck_assert_str_eq(p, want);
	struct model *m = model_new();
	model_set_text(m, "reporter.name", Q_TEXT, "山田");
	mode_t old = umask(0);  /* even a permissive umask */
	struct diag d;
	ck_assert_msg(profile_save(p, m, &d), "%s", d.msg);
	/* Replacing a more open file makes it 0600 too. */
	ck_assert_int_eq(chmod(p, 0644), 0);
	ck_assert_msg(profile_save(p, m, &d), "%s", d.msg);
	umask(old);
	struct stat st;
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0600);
	char sub[160];
	snprintf(sub, sizeof sub, "%s/a", tmpdir);
	ck_assert_int_eq(stat(sub, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0700);
	ck_assert_int_eq(stat(home, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0700);
	free(p);
	model_free(&m);
}
END_TEST

START_TEST(unwritable_place_is_reported)
{
	char p[200];
	snprintf(p, sizeof p, "%s/file/profile", tmpdir);
	snprintf(path, sizeof path, "%s/file", tmpdir);
	put("x");
	struct model *m = model_new();
	model_set_text(m, "reporter.name", Q_TEXT, "山田");
	struct diag d;
	diag_clear(&d);
	ck_assert(!profile_save(p, m, &d));
	ck_assert_str_eq(d.file, path);
	model_free(&m);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("profile");
	TCase *tc = tcase_create("profile");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, keys_are_the_reporter_questions);
	tcase_add_test(tc, profile_path_precedence);
	tcase_add_test(tc, round_trip_keeps_every_character);
	tcase_add_test(tc, only_answered_text_is_saved);
	tcase_add_test(tc, own_name_survives_the_reporter);
	tcase_add_test(tc, unwritable_value_keeps_the_old_file);
	tcase_add_test(tc, missing_file_is_no_profile);
	tcase_add_test(tc, lenient_where_harmless);
	tcase_add_loop_test(tc, bad_file_is_named_and_not_loaded, 0,
	                    (int)(sizeof bad_files / sizeof bad_files[0]));
	tcase_add_test(tc, modes_0600_and_0700);
	tcase_add_test(tc, unwritable_place_is_reported);
	suite_add_tcase(s, tc);
	return s;
}
