/* Every sentence of the real notice templates grammatical for every
 * answer: each slot rendered with every option of the choices it depends
 * on and with empty, one-item and many-item lists, for every type, and the
 * sentence asserted.  Two rules hold for every combination: no sentence
 * is out of です・ます (notice_impolite), and a paragraph that ends in the
 * template's own wording ends in 。. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/check.h"
#include "todoke/export.h"
#include "todoke/notice.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The notice of the incident's type, as the registry picks it (the answer
 * to notice.type, else "other"). */
static bool notice_build(const struct notice_set *s, const struct incident *inc,
                         struct notice *out, struct diag *err)
{
	const char *type = model_text(inc->answers, "notice.type");
	return notice_build_type(s, inc, *type ? type : "other", out, err);
}

static struct formset *fs;
static struct notice_set *set;

static const char *const types[] = { "skimming", "takeover", "intrusion", "ransomware",
	                             "missent", "insider", "other" };

static void setup(void)
{
	fs = test_forms();
	struct diag d;
	diag_clear(&d);
	set = notice_set_load(todoke_datadir(), &d);
	ck_assert_msg(set != NULL, "%s:%d: %s", d.file, d.line, d.msg);
}

static void teardown(void)
{
	notice_set_free(&set);
	formset_free(&fs);
}

/* The notice of these answers (lines of [answers]), checked against the
 * two rules; free with notice_release. */
static void render(const char *answers, struct notice *n)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "todoke-incident 1\n[incident]\nform: ipa-access 3.5\n"
	             "form: ppc-report 2024\nform: notice 1\n[answers]\n%s[end]\n", answers);
	struct incident *inc = NULL;
	struct diag d;
	diag_clear(&d);
	ck_assert_msg(incident_parse(sb.buf, sb.len, "t.incident", fs, &inc, &d),
	              "incident line %d: %s\n%s", d.line, d.msg, answers);
	sb_release(&sb);
	ck_assert_msg(notice_build(set, inc, n, &d), "build: %s:%d: %s", d.file, d.line, d.msg);
	incident_free(&inc);

	struct nimpolite *v;
	size_t k = notice_impolite(n, &v);
	ck_assert_msg(k == 0, "「%.*s」 is not polite, with\n%s", k ? (int)(v[0].end - v[0].start) : 0,
	              k ? n->v[v[0].block].text + v[0].start : "", answers);
	free(v);
	for (size_t i = 0; i < n->n; i++) {
		const struct nblock *b = &n->v[i];
		size_t len = strlen(b->text);
		if (b->kind != NB_PARA || !len)
			continue;
		const struct nspan *last = nblock_span_at(b, len - 1);
		bool wording = last && last->file;
		ck_assert_msg(!wording || (len >= 3 && strcmp(b->text + len - 3, "。") == 0),
		              "paragraph without 。: 「%s」 (%s:%d), with\n%s", b->text,
		              last ? last->file : "", last ? last->line : 0, answers);
	}
}

/* The paragraph of n that contains needle, or NULL. */
static const char *para_with(const struct notice *n, const char *needle)
{
	for (size_t i = 0; i < n->n; i++)
		if (n->v[i].kind == NB_PARA && strstr(n->v[i].text, needle))
			return n->v[i].text;
	return NULL;
}

static void assert_para(const char *answers, const char *needle, const char *want)
{
	struct notice n;
	render(answers, &n);
	const char *got = para_with(&n, needle);
	if (!want)
		ck_assert_msg(got == NULL, "want no 「%s」, got 「%s」 with\n%s", needle, got, answers);
	else
		ck_assert_msg(got && strcmp(got, want) == 0, "got  「%s」\nwant 「%s」\nwith\n%s",
		              got ? got : "(none)", want, answers);
	notice_release(&n);
}

/* ---- 本人への通知 × ご連絡の方法 ---------------------------------------- */

static const struct {
	const char *answer, *phrase;   /* notice.channel, as the sentence says it */
} channels[] = {
	{ NULL, "" },
	{ "email", "電子メールにて" },
	{ "letter", "書面の郵送にて" },
	{ "both", "電子メール(電子メールが届かない方には書面の郵送)にて" },
	{ "phone", "お電話にて" },
};
static const char *const notices[] = { NULL, "done", "planned", "none", "undecided" };

START_TEST(notify_matrix)
{
	const char *type = types[_i];
	for (int a = 0; a < N(notices); a++)
		for (int c = 0; c < N(channels); c++)
			for (int pub = 0; pub < 2; pub++) {
				struct strbuf ans, want;
				sb_init(&ans);
				sb_init(&want);
				sb_addf(&ans, "notice.type: %s\n", type);
				if (notices[a])
					sb_addf(&ans, "ppc.notice: %s\n", notices[a]);
				if (channels[c].answer)
					sb_addf(&ans, "notice.channel: %s\n", channels[c].answer);
				/* The report's own wording of the method is never quoted. */
				sb_add(&ans, "ppc.notice.method: 対象の会員へ電子メールで個別に通知\n");
				if (pub)
					sb_add(&ans, "ppc.publish: done\nppc.publish.method: 当社ウェブサイトで公表\n");
				bool done = notices[a] && strcmp(notices[a], "done") == 0;
				bool planned = notices[a] && strcmp(notices[a], "planned") == 0;
				if (done || planned)
					sb_addf(&want, "なお、対象となるお客様には、%s%s",
					        channels[c].phrase, done ? "個別にご連絡申し上げております。"
					                                 : "順次個別にご連絡申し上げます。");
				assert_para(ans.buf, "個別に", want.len ? want.buf : NULL);
				sb_release(&ans);
				sb_release(&want);
			}
}
END_TEST

/* ---- 対象となるお客様: groups 0, 1, many × bound × period × name ------ */

START_TEST(groups_matrix)
{
	static const struct {
		const char *bound, *prefix;
	} bounds[] = { { NULL, "" }, { "exact", "" }, { "atmost", "最大" }, { "approx", "約" } };
	static const struct {
		const char *answers, *sentence;
	} periods[] = {
		{ "", "" },
		{ "from", "対象となる期間は、2024年3月2日から現在までです。" },
		{ "to", "対象となる期間は、2024年3月2日から2024年6月14日までです。" },
	};
	const char *type = types[_i];
	for (int b = 0; b < N(bounds); b++)
		for (int p = 0; p < N(periods); p++)
			for (int named = 0; named < 2; named++)
				for (int counted = 0; counted < 2; counted++)
					for (int ngroups = 1; ngroups <= 3; ngroups += 2) {
						struct strbuf ans;
						sb_init(&ans);
						sb_addf(&ans, "notice.type: %s\n", type);
						for (int g = 1; g <= ngroups; g++) {
							if (named)
								sb_addf(&ans, "ppc.groups[%d].name: 会員%d\n", g, g);
							if (counted)
								sb_addf(&ans, "ppc.groups[%d].count: 6186\n", g);
							if (bounds[b].bound)
								sb_addf(&ans, "ppc.groups[%d].bound: %s\n", g,
								        bounds[b].bound);
							if (p > 0)
								sb_addf(&ans, "ppc.groups[%d].from: 2024-03-02\n", g);
							if (p > 1)
								sb_addf(&ans, "ppc.groups[%d].to: 2024-06-14\n", g);
						}
						for (int g = 1; g <= ngroups; g++) {
							char who[32], want[512];
							snprintf(who, sizeof who, "会員%d", g);
							snprintf(want, sizeof want, "%sは、%s%s名です。%s",
							         named ? who : "対象となるお客様", bounds[b].prefix,
							         counted ? "6,186" : "〔人数〕", periods[p].sentence);
							if (named) {
								assert_para(ans.buf, who, want);
							} else {
								struct notice n;
								render(ans.buf, &n);
								int found = 0;
								for (size_t i = 0; i < n.n; i++)
									found += n.v[i].kind == NB_PARA &&
									         strcmp(n.v[i].text, want) == 0;
								/* Entries with nothing answered are no entries. */
								int entries = counted || bounds[b].bound || p ? ngroups : 1;
								ck_assert_msg(found == entries, "%d of 「%s」, want %d",
								              found, want, entries);
								notice_release(&n);
							}
						}
						sb_release(&ans);
					}
}
END_TEST

/* No groups: the persons in one sentence, of the count the PPC decision
 * makes (with 最大 or 約), or a visible gap. */
START_TEST(groups_none)
{
	const char *type = types[_i];
	char ans[128];
	snprintf(ans, sizeof ans, "notice.type: %s\n", type);
	assert_para(ans, "対象となるお客様は", "対象となるお客様は、〔人数〕名です。");
}
END_TEST

/* Items: none, one, many; per group or for all. */
START_TEST(items_lists)
{
	static const struct {
		const char *answers;
		int items;
	} lists[] = {
		{ "", 0 },
		{ "ppc.items: 氏名\n", 1 },
		{ "ppc.items:\n| 氏名\n| ・住所\n| - 電話番号\n", 3 },
		{ "ppc.groups[1].name: 会員\nppc.groups[1].count: 3\nppc.groups[1].items:\n| 氏名\n| 住所\n", 2 },
	};
	for (int l = 0; l < N(lists); l++) {
		char ans[512];
		snprintf(ans, sizeof ans, "notice.type: %s\n%s", types[_i], lists[l].answers);
		struct notice n;
		render(ans, &n);
		int items = 0;
		for (size_t i = 0; i < n.n; i++)
			items += n.v[i].kind == NB_ITEM;
		ck_assert_msg(items == lists[l].items, "%d items, want %d:\n%s", items, lists[l].items,
		              ans);
		/* The lead sentence only with a list after it. */
		bool lead = para_with(&n, "次のとおりです。") != NULL;
		ck_assert_msg(lead == (lists[l].items > 0), "lead %d with %d items", lead, items);
		notice_release(&n);
	}
}
END_TEST

/* ---- 再開: state × date × the free-text addition ---------------------- */

START_TEST(resume_matrix)
{
	static const char *const states[] = { NULL, "done", "planned", "undecided" };
	if (strcmp(types[_i], "insider") == 0 || strcmp(types[_i], "missent") == 0)
		return;   /* their 再発防止策 has no resumption */
	for (int st = 0; st < N(states); st++)
		for (int dated = 0; dated < 2; dated++) {
			char ans[512], want[256] = "";
			snprintf(ans, sizeof ans, "notice.type: %s\nnotice.site: ねこの店\n"
			         "measures.prevention: 監視を強化いたします。\n%s%s%s%s", types[_i],
			         states[st] ? "notice.resume.state: " : "", states[st] ? states[st] : "",
			         states[st] ? "\n" : "", dated ? "notice.resume.date: 2024-06-01\n" : "");
			const char *date = dated ? "2024年6月1日に" : "";
			if (!states[st])
				want[0] = 0;
			else if (strcmp(states[st], "done") == 0)
				snprintf(want, sizeof want, "「ねこの店」は、%s再開いたしました。", date);
			else if (strcmp(states[st], "planned") == 0)
				snprintf(want, sizeof want, "「ねこの店」は、%s再開する予定です。", date);
			else
				snprintf(want, sizeof want,
				         "「ねこの店」の再開の時期につきましては、決まり次第お知らせいたします。");
			assert_para(ans, "再開", want[0] ? want : NULL);
			struct notice n;
			render(ans, &n);
			bool head = false;
			for (size_t i = 0; i < n.n; i++)
				head |= n.v[i].kind == NB_SECTION &&
				        strcmp(n.v[i].text, "再発防止策ならびに「ねこの店」の再開について") == 0;
			ck_assert_msg(head == (states[st] != NULL), "heading %d for state %s", head,
			              states[st] ? states[st] : "(none)");
			notice_release(&n);
		}
}
END_TEST

/* ---- 公的機関への報告: PPC date × police × its date × station ---------- */

START_TEST(reports_matrix)
{
	if (strcmp(types[_i], "missent") == 0)
		return;   /* no report to the police in its order */
	for (int ppc = 0; ppc < 2; ppc++)
		for (int police = 0; police < 2; police++)
			for (int dated = 0; dated < 2; dated++)
				for (int station = 0; station < 2; station++) {
					char ans[512], want[512];
					snprintf(ans, sizeof ans, "notice.type: %s\n%s%s%s%s", types[_i],
					         ppc ? "ppc.prelim.date: 2024-05-24\n" : "",
					         police ? "reported.police: [x]\n" : "",
					         dated ? "notice.police.date: 2024-05-22\n" : "",
					         station ? "notice.police.station: 横浜警察署\n" : "");
					assert_para(ans, "個人情報保護委員会へ",
					            ppc ? "弊社は、2024年5月24日に個人情報保護委員会へ本件を報告いたしました。"
					                : NULL);
					snprintf(want, sizeof want,
					         "%s%s%sへ被害を相談しており、今後も捜査に全面的に協力してまいります。",
					         ppc ? "また、" : "", dated ? "2024年5月22日に" : "",
					         station ? "横浜警察署" : "所轄の警察署");
					assert_para(ans, "捜査に", police ? want : NULL);
				}
}
END_TEST

/* ---- 二次被害 ----------------------------------------------------------- */

START_TEST(secondary_matrix)
{
	static const struct {
		const char *answer, *want;
	} cases[] = {
		{ "no", "現時点で、本件に起因する二次被害は確認されておりません。" },
		{ "unknown", "本件に起因する二次被害の有無については、現在調査を進めております。" },
		{ "yes", "本件に起因する二次被害又はそのおそれとして、次のことを確認しております。" },
	};
	for (int k = 0; k < N(cases); k++) {
		char ans[256];
		snprintf(ans, sizeof ans, "notice.type: %s\nppc.secondary: %s\n", types[_i],
		         cases[k].answer);
		assert_para(ans, "二次被害", cases[k].want);
	}
	char ans[128];
	snprintf(ans, sizeof ans, "notice.type: %s\n", types[_i]);
	assert_para(ans, "二次被害", NULL);
}
END_TEST


/* ---- 不正ログイン: the accounts, a forced reset ------------------------- */

START_TEST(takeover_matrix)
{
	for (int cnt = 0; cnt < 2; cnt++)
		for (int mem = 0; mem < 2; mem++)
			for (int chg = 0; chg < 2; chg++)
				for (int ord = 0; ord < 2; ord++) {
					char ans[512], want[512];
					snprintf(ans, sizeof ans, "notice.type: takeover\nnotice.site: 会員サイト\n%s%s%s%s",
					         cnt ? "notice.login.count: 1268\n" : "",
					         mem ? "notice.login.members: 52410\n" : "",
					         chg ? "notice.login.changed: 37\n" : "",
					         ord ? "notice.login.orders: 12\n" : "");
					if (cnt)
						snprintf(want, sizeof want, "不正ログインが確認されたアカウントは、%s1,268件です。%s%s",
						         mem ? "登録会員52,410名のアカウントのうち" : "",
						         chg ? "このうち、登録情報を書き換えられたアカウントは37件です。" : "",
						         ord ? "また、第三者による不正な注文・ポイントの利用が12件確認されております。" : "");
					else if (mem)
						snprintf(want, sizeof want, "登録会員52,410名のアカウントのうち、不正ログインを受けたアカウントの数は、現在調査中です。%s%s",
						         chg ? "このうち、登録情報を書き換えられたアカウントは37件です。" : "",
						         ord ? "また、第三者による不正な注文・ポイントの利用が12件確認されております。" : "");
					else
						snprintf(want, sizeof want, "%s%s",
						         chg ? "このうち、登録情報を書き換えられたアカウントは37件です。" : "",
						         ord ? "また、第三者による不正な注文・ポイントの利用が12件確認されております。" : "");
					if (want[0]) {
						/* Its start, 10 characters or so, whole. */
						char needle[64];
						size_t nb = 30;
						while (((unsigned char)want[nb] & 0xC0) == 0x80)
							nb++;
						snprintf(needle, sizeof needle, "%.*s", (int)nb, want);
						assert_para(ans, needle, want);
					} else {
						struct notice n;
						render(ans, &n);
						for (size_t i = 0; i < n.n; i++)
							ck_assert_msg(strcmp(n.v[i].text, "不正ログインを受けたアカウント") != 0,
							              "heading with nothing under it");
						notice_release(&n);
					}
				}
	static const struct {
		const char *answers, *want, *not;
	} resets[] = {
		{ "notice.reset: done\n", "不正ログインを受けたアカウントのパスワードは、弊社にて初期化いたしました。お手数をおかけいたしますが、「会員サイト」のログイン画面から新しいパスワードを設定してくださいますようお願いいたします。", "「会員サイト」のパスワードを変更していただきますよう" },
		{ "notice.reset: done\nnotice.reset.how:\n| ログイン画面で再設定を選ぶ\n| メールのリンクを開く\n",
		  "不正ログインを受けたアカウントのパスワードは、弊社にて初期化いたしました。お手数をおかけいたしますが、次の手順で新しいパスワードを設定してくださいますようお願いいたします。", "ログイン画面から" },
		{ "notice.reset: none\nnotice.ask.password: [x]\n", "お客様におかれましては、お手数をおかけいたしますが、「会員サイト」のパスワードを変更していただきますようお願いいたします。また、他のサイトやサービスで同じIDとパスワードをお使いの場合は、そちらのパスワードも変更していただきますようお願いいたします。", "初期化" },
		{ "notice.ask.password: [x]\n", "お客様におかれましては、お手数をおかけいたしますが、「会員サイト」のパスワードを変更していただきますようお願いいたします。また、他のサイトやサービスで同じIDとパスワードをお使いの場合は、そちらのパスワードも変更していただきますようお願いいたします。", "初期化" },
	};
	for (int k = 0; k < N(resets); k++) {
		char ans[512];
		snprintf(ans, sizeof ans, "notice.type: takeover\nnotice.site: 会員サイト\n%s", resets[k].answers);
		assert_para(ans, k < 2 ? "初期化いたしました" : "パスワードを変更していただきますよう",
		            resets[k].want);
		struct notice n;
		render(ans, &n);
		ck_assert_msg(para_with(&n, resets[k].not) == NULL, "「%s」 with\n%s", resets[k].not, ans);
		int items = 0;
		for (size_t i = 0; i < n.n; i++)
			items += n.v[i].kind == NB_ITEM;
		ck_assert_int_eq(items, k == 1 ? 2 : 0);
		if (k < 2)
			ck_assert_ptr_nonnull(para_with(&n, "同じIDとパスワードをお使いの場合は、そちらのパスワードも変更していただきますよう"));
		notice_release(&n);
	}
}
END_TEST

/* ---- what each type must say (shared/reference/apology-notice.md) ------ */

static const struct {
	const char *type;
	const char *must[6];
} facts[] = {
	{ "skimming", { "クレジットカード情報を含む個人情報", "ご利用明細書に身に覚えのない請求",
	                "再発行の手数料", "個人情報保護委員会へ本件を報告いたしました。",
	                "捜査に全面的に協力", NULL } },
	{ "takeover", { "不正ログインが確認されたアカウントは、登録会員52,410名のアカウントのうち1,268件です。",
	                "このうち、登録情報を書き換えられたアカウントは37件です。",
	                "パスワードは、当社にて初期化いたしました。",
	                "次の手順で新しいパスワードを設定してくださいますよう",
	                "同じIDとパスワードをお使いの場合は", NULL } },
	{ "missent", { "本来の宛先以外の方に送付されていた", "412名です。",
	               "当該メールを削除していただきますようお願い申し上げます。", "再発防止策", NULL } },
	{ "ransomware", { "ランサムウェア", "業務への影響と復旧の状況",
	                  "通常どおりの営業を再開しております。", "外部に流出した可能性", NULL } },
	{ "intrusion", { "不正アクセスを受け", "業務への影響と復旧の状況",
	                 "物件検索サイトを一時停止しております。", NULL } },
	{ "insider", { "不正に持ち出しており", "持ち出された情報の使われ方",
	               "勧誘の電話に使用しておりました。", "厳正に対処", NULL } },
	{ "other", { "第三者による不正アクセスを受け", "個人情報保護委員会へ本件を報告いたしました。",
	             NULL } },
};

START_TEST(facts_by_type)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/golden/notice/%s.incident", todoke_datadir(),
	         facts[_i].type);
	struct incident *inc = NULL;
	struct diag d;
	diag_clear(&d);
	ck_assert_msg(incident_load(path, fs, &inc, &d), "%s:%d: %s", d.file, d.line, d.msg);
	struct notice n;
	ck_assert(notice_build(set, inc, &n, &d));
	struct strbuf all;
	sb_init(&all);
	for (size_t i = 0; i < n.n; i++)
		sb_addf(&all, "%s\n", n.v[i].text);
	for (int k = 0; facts[_i].must[k]; k++)
		ck_assert_msg(strstr(all.buf, facts[_i].must[k]) != NULL, "%s lacks 「%s」",
		              facts[_i].type, facts[_i].must[k]);
	/* And the golden notice passes the register check. */
	struct problems p = { 0 };
	check_documents(inc, set, &p);
	for (size_t i = 0; i < p.n; i++)
		ck_assert_msg(p.v[i].sev != SEV_WORDING, "%s: %s", facts[_i].type, p.v[i].msg);
	problems_release(&p);
	notice_release(&n);
	sb_release(&all);
	incident_free(&inc);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("grammar");
	TCase *tc = tcase_create("matrix");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, notify_matrix, 0, N(types));
	tcase_add_loop_test(tc, groups_matrix, 0, N(types));
	tcase_add_loop_test(tc, groups_none, 0, N(types));
	tcase_add_loop_test(tc, items_lists, 0, N(types));
	tcase_add_loop_test(tc, resume_matrix, 0, N(types));
	tcase_add_loop_test(tc, reports_matrix, 0, N(types));
	tcase_add_loop_test(tc, secondary_matrix, 0, N(types));
	tcase_add_test(tc, takeover_matrix);
	tcase_add_loop_test(tc, facts_by_type, 0, N(facts));
	suite_add_tcase(s, tc);
	return s;
}
