/* The history (libgit2, a temporary store): who changed which answer, the
 * autosave rule, a killed session's change kept as its author's, where an
 * old incident's history begins, the answer diff, submission records with
 * the exact bytes sent, and the modes of the repository's files. */
#include <check.h>
#include <dirent.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suite.h"

#include "todoke/document.h"
#include "todoke/fileid.h"
#include "todoke/fileio.h"
#include "todoke/form.h"
#include "todoke/history.h"
#include "todoke/incident.h"
#include "todoke/store.h"
#include "todoke/strbuf.h"

static struct formset *fs;
static char tmpdir[64];
static char path[160];

static void setup(void)
{
	fs = test_forms();
	strcpy(tmpdir, "/tmp/todoke-history-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(path, sizeof path, "%s/2026-11-22.incident", tmpdir);
	setenv("TODOKE_HOME", tmpdir, 1);
	setenv("TODOKE_TODAY", "2026-11-22", 1);
}

static void teardown(void)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	formset_free(&fs);
	unsetenv("TODOKE_HOME");
	unsetenv("TODOKE_TODAY");
}

/* The 氏名 of the profile: the second half of who is working. */
static void profile_name(const char *name)
{
	char p[200], text[300];
	struct diag d;
	snprintf(p, sizeof p, "%s/profile", tmpdir);
	snprintf(text, sizeof text, "todoke-profile 1\nuser.name: %s\n", name);
	ck_assert_msg(file_write_atomic(p, text, strlen(text), 0600, &d), "%s", d.msg);
}

/* A document of the registry (forms/documents). */
static const struct document *doc(const struct formset *set, const char *id)
{
	const struct document *d = docset_find(formset_documents(set), id);
	ck_assert_ptr_nonnull(d);
	return d;
}

static struct incident *fresh(void)
{
	struct diag d;
	struct incident *inc = incident_create(fs, "試験", &d);
	ck_assert_msg(inc != NULL, "%s", d.msg);
	return inc;
}

static void save(struct incident *inc, bool commit)
{
	struct diag d;
	diag_clear(&d);
	enum history_save_result r = history_save(inc, path, commit, &d);
	ck_assert_msg(r == HS_OK, "%d: %s", r, d.msg);
}

static void get_log(const char *q, struct history_log *l)
{
	struct diag d;
	diag_clear(&d);
	ck_assert_msg(history_log(path, fs, q, l, &d), "%s", d.msg);
}

static const char *my_login(void)
{
	struct passwd *pw = getpwuid(getuid());
	ck_assert_ptr_nonnull(pw);
	return pw->pw_name;
}

START_TEST(each_change_has_its_author)
{
	profile_name("山田 太郎");
	struct incident *inc = fresh();
	save(inc, true);
	model_set_text(inc->answers, "ppc.summary", Q_LINES, "10名");
	save(inc, true);
	profile_name("鈴木 花子");
	model_set_text(inc->answers, "ppc.summary", Q_LINES, "12名");
	model_set_text(inc->answers, "cause", Q_LINES, "不明\n調査中");
	save(inc, true);
	struct history_log l;
	get_log(NULL, &l);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_str_eq(l.v[0].key, "ppc.summary");
	ck_assert_str_eq(l.v[0].old_text, "");
	ck_assert_str_eq(l.v[0].new_text, "10名");
	ck_assert_str_eq(l.v[0].name, "山田 太郎");
	ck_assert_str_eq(l.v[0].login, my_login());
	ck_assert_str_eq(l.v[1].key, "cause");
	ck_assert_str_eq(l.v[1].new_text, "不明 ⏎ 調査中");
	ck_assert_str_eq(l.v[1].name, "鈴木 花子");
	ck_assert_str_eq(l.v[2].key, "ppc.summary");
	ck_assert_str_eq(l.v[2].old_text, "10名");
	ck_assert_str_eq(l.v[2].new_text, "12名");
	ck_assert_str_eq(l.v[2].name, "鈴木 花子");
	ck_assert(l.v[2].when > 0);
	history_log_release(&l);
	/* One question's history only. */
	get_log("ppc.summary", &l);
	ck_assert_uint_eq(l.n, 2);
	history_log_release(&l);
	get_log("ppc.summar", &l);  /* a prefix is not the question */
	ck_assert_uint_eq(l.n, 0);
	history_log_release(&l);
	incident_free(&inc);
}
END_TEST

/* The 氏名 is the user's own, not the reporter's of the incident last
 * edited: a profile naming someone else as reporter changes nothing. */
START_TEST(the_reporter_is_not_the_author)
{
	char p[200], text[300];
	struct diag d;
	snprintf(p, sizeof p, "%s/profile", tmpdir);
	snprintf(text, sizeof text, "todoke-profile 1\nreporter.name: 山田 太郎\nuser.name: 鈴木 花子\n");
	ck_assert_msg(file_write_atomic(p, text, strlen(text), 0600, &d), "%s", d.msg);
	struct who w;
	history_whoami(&w);
	ck_assert_str_eq(w.name, "鈴木 花子");
	ck_assert_str_eq(w.login, my_login());
	/* Without an own name: never the reporter's. */
	snprintf(text, sizeof text, "todoke-profile 1\nreporter.name: 山田 太郎\n");
	ck_assert_msg(file_write_atomic(p, text, strlen(text), 0600, &d), "%s", d.msg);
	history_whoami(&w);
	ck_assert_str_ne(w.name, "山田 太郎");
}
END_TEST

START_TEST(autosaves_wait_for_the_commit)
{
	profile_name("山田 太郎");
	struct incident *inc = fresh();
	save(inc, true);
	model_set_text(inc->answers, "ppc.summary", Q_LINES, "1");
	save(inc, false);
	model_set_text(inc->answers, "ppc.summary", Q_LINES, "2");
	save(inc, false);
	struct history_log l;
	get_log(NULL, &l);
	ck_assert_uint_eq(l.n, 0);  /* staged, not committed */
	history_log_release(&l);
	/* The file itself is saved each time. */
	struct incident *back = NULL;
	struct diag d;
	ck_assert_msg(incident_load(path, fs, &back, &d), "%s", d.msg);
	ck_assert_str_eq(model_text(back->answers, "ppc.summary"), "2");
	incident_free(&back);
	ck_assert_msg(history_commit(path, &d), "%s", d.msg);
	get_log(NULL, &l);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].old_text, "");
	ck_assert_str_eq(l.v[0].new_text, "2");
	history_log_release(&l);
	/* Nothing staged: a commit is nothing. */
	ck_assert_msg(history_commit(path, &d), "%s", d.msg);
	get_log(NULL, &l);
	ck_assert_uint_eq(l.n, 1);
	history_log_release(&l);
	incident_free(&inc);
}
END_TEST

START_TEST(a_killed_session_keeps_its_author)
{
	profile_name("山田 太郎");
	struct incident *inc = fresh();
	save(inc, true);
	model_set_text(inc->answers, "ppc.summary", Q_LINES, "5");
	save(inc, false);  /* then killed: never committed */
	profile_name("鈴木 花子");
	model_set_text(inc->answers, "cause", Q_LINES, "不正アクセス");
	save(inc, true);
	struct history_log l;
	get_log(NULL, &l);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.v[0].key, "ppc.summary");
	ck_assert_str_eq(l.v[0].name, "山田 太郎");
	ck_assert_str_eq(l.v[1].key, "cause");
	ck_assert_str_eq(l.v[1].name, "鈴木 花子");
	history_log_release(&l);
	incident_free(&inc);
}
END_TEST

START_TEST(an_old_incident_starts_its_history)
{
	struct incident *inc = fresh();
	model_set_text(inc->answers, "ppc.summary", Q_LINES, "7");
	struct diag d;
	ck_assert_msg(incident_save(inc, path, &d), "%s", d.msg);  /* before any history */
	profile_name("鈴木 花子");
	model_set_text(inc->answers, "ppc.summary", Q_LINES, "8");
	save(inc, true);
	struct history_log l;
	get_log(NULL, &l);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_ptr_null(l.v[0].key);  /* where it begins, not changes of hers */
	ck_assert_ptr_null(l.v[0].old_text);
	ck_assert_str_eq(l.v[1].key, "ppc.summary");
	ck_assert_str_eq(l.v[1].old_text, "7");
	ck_assert_str_eq(l.v[1].new_text, "8");
	history_log_release(&l);
	get_log("ppc.summary", &l);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_ptr_null(l.v[0].old_text);
	ck_assert_str_eq(l.v[0].new_text, "7");
	history_log_release(&l);
	incident_free(&inc);
}
END_TEST

static const struct change *find(const struct changes *c, const char *key)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0)
			return &c->v[i];
	return NULL;
}

START_TEST(answer_diff)
{
	struct incident *a = fresh(), *b = fresh();
	model_set_number(model_entry_add(a->answers, "ppc.groups"), "count", 10);
	model_set_number(model_entry_add(b->answers, "ppc.groups"), "count", 12);
	model_set_text(a->answers, "ppc.kind", Q_CHOICE, "prelim");
	model_set_text(b->answers, "ppc.kind", Q_CHOICE, "final");
	model_set_check(a->answers, "ppc.fin.other", true, "ポイント");
	model_set_date(b->answers, "discovery.date", (struct date){ 2026, 11, 20 });
	model_set_text(a->answers, "cause", Q_LINES, "同じ");
	model_set_text(b->answers, "cause", Q_LINES, "同じ");
	struct model *e = model_entry_add(b->answers, "timeline");
	model_set_text(e, "text", Q_LINES, "発見");
	struct changes c;
	changes_between(a, b, &c);
	const struct change *x;
	ck_assert_ptr_nonnull(x = find(&c, "ppc.groups[1].count"));
	ck_assert_str_eq(x->old_text, "10");
	ck_assert_str_eq(x->new_text, "12");
	ck_assert_ptr_nonnull(x->form);
	ck_assert_str_eq(x->form->id, "ppc-report");
	ck_assert_str_eq(x->form->sections[x->section].id, "ppc-persons");
	ck_assert_ptr_nonnull(x = find(&c, "ppc.kind"));
	ck_assert_str_eq(x->old_text, "速報");  /* the option's label */
	ck_assert_str_eq(x->new_text, "確報");
	ck_assert_ptr_nonnull(x = find(&c, "ppc.fin.other"));  /* removed */
	ck_assert_str_eq(x->old_text, "[x] ポイント");
	ck_assert_str_eq(x->new_text, "");
	ck_assert_ptr_nonnull(x = find(&c, "discovery.date"));  /* added */
	ck_assert_str_eq(x->old_text, "");
	ck_assert_str_eq(x->new_text, "2026-11-20");
	ck_assert_ptr_nonnull(x = find(&c, "timeline[1].text"));
	ck_assert_str_eq(x->new_text, "発見");
	ck_assert_ptr_null(find(&c, "cause"));  /* unchanged */
	ck_assert_uint_eq(c.n, 5);
	/* In form order: the IPA form's questions before the PPC report's. */
	ck_assert_str_eq(c.v[0].form->id, "ipa-access");
	ck_assert_str_eq(c.v[c.n - 1].form->id, "ppc-report");
	changes_release(&c);
	changes_between(a, a, &c);
	ck_assert_uint_eq(c.n, 0);
	changes_release(&c);
	changes_between(NULL, a, &c);
	ck_assert_uint_eq(c.n, 4);
	changes_release(&c);
	incident_free(&a);
	incident_free(&b);
}
END_TEST

START_TEST(submission_records)
{
	profile_name("山田 太郎");
	struct incident *inc = fresh();
	save(inc, true);
	struct diag d;
	struct submissions s;
	ck_assert_msg(submissions_list(path, &s, &d), "%s", d.msg);
	ck_assert_uint_eq(s.n, 0);
	char *k = submission_next_kind(&s, doc(fs, "ppc"), inc);
	ck_assert_str_eq(k, "速報");
	free(k);
	k = submission_next_kind(&s, doc(fs, "ipa"), inc);
	ck_assert_str_eq(k, "第1報");
	free(k);
	submissions_release(&s);
	/* Bytes as sent: Shift_JIS, a NUL, CR LF, kept exactly. */
	static const char sent1[] = "\x83\x65\x83\x58\x83\x67\0\r\n";
	struct submission r;
	ck_assert_msg(submission_record(path, "ppc", "速報", (struct date){ 2026, 11, 25 },
	                                "/somewhere/x-ppc.txt", "--encoding=cp932", sent1,
	                                sizeof sent1 - 1, &r, &d), "%s", d.msg);
	ck_assert_uint_eq(r.number, 1);
	ck_assert_str_eq(r.file, "x-ppc.txt");
	submission_release(&r);
	model_set_text(inc->answers, "ppc.summary", Q_LINES, "3");
	save(inc, true);
	ck_assert_msg(submission_record(path, "ipa", "第1報", (struct date){ 2026, 11, 26 },
	                                "x-ipa.eml", NULL, "mail", 4, &r, &d), "%s", d.msg);
	ck_assert_uint_eq(r.number, 2);
	submission_release(&r);
	ck_assert_msg(submissions_list(path, &s, &d), "%s", d.msg);
	ck_assert_uint_eq(s.n, 2);
	ck_assert_str_eq(s.v[0].document, "ppc");
	ck_assert_str_eq(s.v[0].kind, "速報");
	ck_assert_int_eq(s.v[0].date.d, 25);
	ck_assert_str_eq(s.v[0].options, "--encoding=cp932");
	ck_assert_str_eq(s.v[0].name, "山田 太郎");
	ck_assert_str_eq(s.v[0].login, my_login());
	ck_assert_str_eq(s.v[0].tag, "todoke/2026-11-22/1");
	ck_assert_str_eq(s.v[1].document, "ipa");
	ck_assert_str_eq(s.v[1].options, "");
	ck_assert_ptr_eq(submissions_last(&s, "ppc"), &s.v[0]);
	ck_assert_ptr_eq(submissions_last(&s, NULL), &s.v[1]);
	ck_assert_ptr_null(submissions_last(&s, "notice"));
	/* What was sent and the answers then, not now. */
	char *text, *bytes;
	size_t tlen, blen;
	ck_assert_msg(submission_read(path, &s.v[0], &text, &tlen, &bytes, &blen, &d), "%s",
	              d.msg);
	ck_assert_uint_eq(blen, sizeof sent1 - 1);
	ck_assert_mem_eq(bytes, sent1, blen);
	struct incident *then = NULL;
	ck_assert_msg(incident_parse(text, tlen, "then", fs, &then, &d), "%s", d.msg);
	ck_assert_ptr_null(model_get(then->answers, "ppc.summary"));
	incident_free(&then);
	free(text);
	free(bytes);
	k = submission_next_kind(&s, doc(fs, "ipa"), inc);
	ck_assert_str_eq(k, "第2報");
	free(k);
	k = submission_next_kind(&s, doc(fs, "ppc"), inc);  /* 報告区分 unanswered, after a 速報 */
	ck_assert_str_eq(k, "確報");
	free(k);
	model_set_text(inc->answers, "ppc.kind", Q_CHOICE, "prelim");
	k = submission_next_kind(&s, doc(fs, "ppc"), inc);  /* the report says so */
	ck_assert_str_eq(k, "速報");
	free(k);
	submissions_release(&s);
	ck_assert_str_eq(document_kind(doc(fs, "ppc"), "確報")->date_q, "ppc.final.date");
	ck_assert_ptr_null(document_kind(doc(fs, "ipa"), "第1報"));
	ck_assert(submission_bookkeeping(formset_documents(fs), "ppc.prelim.date"));
	ck_assert(submission_bookkeeping(formset_documents(fs), "ppc.kind"));
	ck_assert(submission_bookkeeping(formset_documents(fs), "notice.date"));
	ck_assert(!submission_bookkeeping(formset_documents(fs), "ppc.summary"));
	incident_free(&inc);
}
END_TEST

/* Every file and folder of the repository: no bit beyond `most`. */
static void modes_at_most(const char *dir, mode_t file_most, mode_t dir_most, int *count)
{
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	for (struct dirent *e; (e = readdir(d));) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char p[1024];
		struct stat st;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		ck_assert_int_eq(lstat(p, &st), 0);
		mode_t most = S_ISDIR(st.st_mode) ? dir_most : file_most;
		ck_assert_msg((st.st_mode & 07777 & ~most) == 0, "%s: %o", p, st.st_mode & 07777);
		(*count)++;
		if (S_ISDIR(st.st_mode))
			modes_at_most(p, file_most, dir_most, count);
	}
	closedir(d);
}

START_TEST(repository_is_private)
{
	umask(022);
	struct incident *inc = fresh();
	save(inc, true);
	struct diag d;
	struct submission r;
	ck_assert_msg(submission_record(path, "ipa", "第1報", (struct date){ 2026, 11, 25 },
	                                "x", NULL, "x", 1, &r, &d), "%s", d.msg);
	submission_release(&r);
	char g[200];
	snprintf(g, sizeof g, "%s/" HISTORY_DIR, tmpdir);
	int n = 0;
	modes_at_most(g, 0600, 0700, &n);
	ck_assert_int_gt(n, 10);
	/* Never a .git in the folder: it may be someone's project. */
	char dotgit[200];
	snprintf(dotgit, sizeof dotgit, "%s/.git", tmpdir);
	ck_assert_int_ne(access(dotgit, F_OK), 0);
	incident_free(&inc);
}
END_TEST

START_TEST(team_directory_shares_with_its_group)
{
	umask(022);
	ck_assert_int_eq(chmod(tmpdir, 02770), 0);
	struct incident *inc = fresh();
	save(inc, true);
	char g[200];
	snprintf(g, sizeof g, "%s/" HISTORY_DIR, tmpdir);
	int n = 0;
	modes_at_most(g, 0660, 02770, &n);
	ck_assert_int_gt(n, 10);
	struct stat st;
	ck_assert_int_eq(stat(g, &st), 0);
	ck_assert_uint_eq(st.st_mode & 02070, 02070);  /* setgid, the group's rwx */
	incident_free(&inc);
}
END_TEST

/* Whether any object of the repository, loose or packed, holds text. */
static bool repository_holds(const char *text)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd,
	         "cd %s && git --git-dir=" HISTORY_DIR " cat-file --batch-all-objects --batch"
	         " | grep -q '%s'", tmpdir, text);
	return system(cmd) == 0;
}

START_TEST(deleting_an_incident_takes_its_history)
{
	profile_name("山田 太郎");
	char other[200];
	snprintf(other, sizeof other, "%s/other.incident", tmpdir);
	struct incident *a = fresh(), *b = fresh();
	struct diag d;
	/* Interleaved: the branch holds both incidents' commits. */
	model_set_text(a->answers, "ppc.summary", Q_LINES, "削除される事案A");
	save(a, true);
	model_set_text(b->answers, "ppc.summary", Q_LINES, "残る事案B");
	ck_assert_int_eq(history_save(b, other, true, &d), HS_OK);
	struct submission r;
	ck_assert_msg(submission_record(path, "ppc", "速報", (struct date){ 2026, 11, 25 }, "a.txt",
	                                NULL, "送付物A", strlen("送付物A"), &r, &d), "%s", d.msg);
	submission_release(&r);
	model_set_text(b->answers, "cause", Q_LINES, "原因B");
	ck_assert_int_eq(history_save(b, other, true, &d), HS_OK);
	ck_assert_msg(submission_record(other, "ppc", "速報", (struct date){ 2026, 11, 26 }, "b.txt",
	                                NULL, "送付物B", strlen("送付物B"), &r, &d), "%s", d.msg);
	submission_release(&r);
	model_set_text(a->answers, "cause", Q_LINES, "原因A");
	save(a, true);
	model_set_text(b->answers, "ppc.items", Q_LINES, "氏名B");
	ck_assert_int_eq(history_save(b, other, false, &d), HS_OK);  /* staged only */
	ck_assert(repository_holds("削除される事案A"));
	ck_assert(repository_holds("送付物A"));

	ck_assert_msg(history_remove(path, &d), "%s", d.msg);
	ck_assert(!repository_holds("削除される事案A"));
	ck_assert(!repository_holds("原因A"));
	ck_assert(!repository_holds("送付物A"));
	struct history_log l;
	get_log(NULL, &l);
	ck_assert_uint_eq(l.n, 0);
	history_log_release(&l);
	struct submissions s;
	ck_assert_msg(submissions_list(path, &s, &d), "%s", d.msg);
	ck_assert_uint_eq(s.n, 0);
	submissions_release(&s);
	/* The other incident keeps all of it: its log, its submission with
	 * the bytes sent, and its change staged but not yet committed. */
	ck_assert_msg(history_log(other, fs, NULL, &l, &d), "%s", d.msg);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.v[0].new_text, "残る事案B");
	ck_assert_str_eq(l.v[1].new_text, "原因B");
	ck_assert_str_eq(l.v[1].name, "山田 太郎");
	history_log_release(&l);
	ck_assert_msg(submissions_list(other, &s, &d), "%s", d.msg);
	ck_assert_uint_eq(s.n, 1);
	char *text, *bytes;
	size_t tl, bl;
	ck_assert_msg(submission_read(other, &s.v[0], &text, &tl, &bytes, &bl, &d), "%s", d.msg);
	ck_assert_uint_eq(bl, strlen("送付物B"));
	ck_assert(strstr(text, "残る事案B") != NULL);
	free(text);
	free(bytes);
	submissions_release(&s);
	ck_assert(repository_holds("氏名B"));
	ck_assert_msg(history_commit(other, &d), "%s", d.msg);
	ck_assert_msg(history_log(other, fs, NULL, &l, &d), "%s", d.msg);
	ck_assert_uint_eq(l.n, 3);
	history_log_release(&l);
	/* git itself finds nothing broken, and nothing of A in the log. */
	char cmd[400];
	snprintf(cmd, sizeof cmd, "cd %s && git --git-dir=" HISTORY_DIR " fsck --no-dangling >/dev/null 2>&1"
	         " && ! git --git-dir=" HISTORY_DIR " log --all --name-only | grep -q 2026-11-22",
	         tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	/* Removing what has no history (any more) does nothing. */
	ck_assert_msg(history_remove(path, &d), "%s", d.msg);
	incident_free(&a);
	incident_free(&b);
}
END_TEST

static char *slurp(const char *p)
{
	char *data;
	size_t len;
	struct diag d;
	ck_assert_msg(file_read_all(p, &data, &len, &d), "%s", d.msg);
	return data;
}

/* A checked save goes over nothing it has not read or written itself:
 * another writer's change, or a file made meanwhile where a new one was
 * to be, stays as it is; after a save the identity is what was written. */
START_TEST(checked_save_never_goes_over_another_writer)
{
	struct incident *inc = fresh();
	struct diag d;
	struct file_id id = { .known = true, .exists = false };
	diag_clear(&d);
	ck_assert_int_eq(history_save_checked(inc, path, true, &id, &d), HS_OK);
	ck_assert(!file_id_changed(path, &id));
	model_set_text(inc->answers, "found.detail", Q_LINES, "ours");
	ck_assert_int_eq(history_save_checked(inc, path, false, &id, &d), HS_OK);
	ck_assert(!file_id_changed(path, &id));
	/* Someone else writes: ours is refused, theirs kept. */
	const char theirs[] = "todoke-incident 1\n[incident]\nform: ipa-access 3.5\n[answers]\n"
	                      "found.detail:\n| theirs\n[end]\n";
	ck_assert(file_write_atomic(path, theirs, sizeof theirs - 1, 0600, &d));
	model_set_text(inc->answers, "found.detail", Q_LINES, "ours again");
	diag_clear(&d);
	ck_assert_int_eq(history_save_checked(inc, path, false, &id, &d), HS_CHANGED);
	ck_assert_ptr_nonnull(strstr(d.msg, "someone else"));
	char *now = slurp(path);
	ck_assert_str_eq(now, theirs);
	free(now);
	/* A new file expected, one found. */
	struct file_id none = { .known = true, .exists = false };
	ck_assert_int_eq(history_save_checked(inc, path, true, &none, &d), HS_CHANGED);
	now = slurp(path);
	ck_assert_str_eq(now, theirs);
	free(now);
	incident_free(&inc);
}
END_TEST

/* `todoke submit` and the wizard's 提出済みにする save the incident:
 * not over a change made since it was read, and then nothing is
 * recorded as submitted. */
START_TEST(submit_checks_the_file_read)
{
	struct incident *inc = fresh();
	save(inc, true);
	incident_free(&inc);
	struct diag d;
	struct file_id id;
	diag_clear(&d);
	ck_assert_msg(store_load(path, fs, &inc, &id, NULL, NULL, &d), "%s", d.msg);
	char *before = slurp(path);
	/* A hand edit after the read (same bytes plus a comment). */
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s# edited by hand\n", before);
	ck_assert(file_write_atomic(path, sb.buf, sb.len, 0600, &d));
	struct submit_result res;
	ck_assert(!history_submit(inc, path, doc(fs, "ppc"), NULL, (struct date){ 2026, 11, 25 }, "x.txt",
	                          "", "sent", 4, &id, &res, &d));
	ck_assert_uint_eq(res.rec.number, 0);
	ck_assert_ptr_nonnull(strstr(d.msg, "someone else"));
	submission_release(&res.rec);
	char *after = slurp(path);
	ck_assert_str_eq(after, sb.buf);
	struct submissions s;
	ck_assert_msg(submissions_list(path, &s, &d), "%s", d.msg);
	ck_assert_uint_eq(s.n, 0);
	submissions_release(&s);
	/* Read again, it goes through, and id follows what was written. */
	incident_free(&inc);
	ck_assert_msg(store_load(path, fs, &inc, &id, NULL, NULL, &d), "%s", d.msg);
	ck_assert_msg(history_submit(inc, path, doc(fs, "ppc"), NULL, (struct date){ 2026, 11, 25 },
	                             "x.txt", "", "sent", 4, &id, &res, &d), "%s", d.msg);
	ck_assert_uint_eq(res.rec.number, 1);
	ck_assert(!file_id_changed(path, &id));
	submission_release(&res.rec);
	free(before);
	free(after);
	sb_release(&sb);
	incident_free(&inc);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("history");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, each_change_has_its_author);
	tcase_add_test(tc, the_reporter_is_not_the_author);
	tcase_add_test(tc, autosaves_wait_for_the_commit);
	tcase_add_test(tc, a_killed_session_keeps_its_author);
	tcase_add_test(tc, an_old_incident_starts_its_history);
	tcase_add_test(tc, answer_diff);
	tcase_add_test(tc, submission_records);
	tcase_add_test(tc, repository_is_private);
	tcase_add_test(tc, team_directory_shares_with_its_group);
	tcase_add_test(tc, deleting_an_incident_takes_its_history);
	tcase_add_test(tc, checked_save_never_goes_over_another_writer);
	tcase_add_test(tc, submit_checks_the_file_read);
	suite_add_tcase(s, tc);
	return s;
}
