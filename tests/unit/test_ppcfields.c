/* The PPC report cut into its web form's items (ppcfields.h), and the
 * base64 its copies go to the clipboard in (OSC 52). */
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/mail.h"
#include "todoke/ppcfields.h"
#include "todoke/strbuf.h"

/* As `todoke export ppc` writes it (tests/golden/ppc), shortened. */
static const char REPORT[] =
	"個人情報保護委員会への漏えい等報告(確報)\n"
	"報告年月日: 2024年8月26日\n"
	"\n"
	"【報告者】\n"
	"氏名又は名称: 株式会社あおば調剤\n"
	"法人番号: 4567890123456\n"
	"\n"
	"一 概要\n"
	"(1) 発生日: 2024年7月6日\n"
	"    (発生期間の終わり: 2024年7月8日)\n"
	"(3) 発覚の経緯:\n"
	"  開店準備の際に\n"
	"  調剤システムが起動せず\n"
	"(5) 漏えい等の別: ■漏えい □滅失 ■毀損\n"
	"\n"
	"二 漏えい等が発生し、又は発生したおそれがある個人データの項目\n"
	"  氏名、生年月日\n"
	"  媒体: 電子媒体\n"
	"\n"
	"九 その他参考となる事項\n"
	"  宮城県警察に被害を相談\n"
	"\n"
	"【報告義務の判定に用いた事項】\n"
	"個人データの漏えい等: 発生した又はおそれがある\n";

START_TEST(fields_in_report_order)
{
	static const char *const want[][2] = {
		{ "報告者: 氏名又は名称", "株式会社あおば調剤" },
		{ "報告者: 法人番号", "4567890123456" },
		{ "一 (1) 発生日", "2024年7月6日\n  (発生期間の終わり: 2024年7月8日)" },
		{ "一 (3) 発覚の経緯", "開店準備の際に\n調剤システムが起動せず" },
		{ "一 (5) 漏えい等の別", "■漏えい □滅失 ■毀損" },
		{ "二 漏えい等が発生し、又は発生したおそれがある個人データの項目",
		  "氏名、生年月日\n媒体: 電子媒体" },
		{ "九 その他参考となる事項", "宮城県警察に被害を相談" },
	};
	struct ppc_fields f;
	ppc_fields_split(REPORT, &f);
	ck_assert_uint_eq(f.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < f.n; i++) {
		ck_assert_str_eq(f.v[i].label, want[i][0]);
		ck_assert_str_eq(f.v[i].text, want[i][1]);
	}
	ppc_fields_release(&f);
}
END_TEST

/* A heading quoted inside an answer is indented, and not a heading; an
 * item out of order (一 after 二) ends the form's part. */
START_TEST(only_the_forms_headings)
{
	struct ppc_fields f;
	ppc_fields_split("【報告者】\n氏名又は名称: A\n二 項目\n  一 引用\n一 概要\n(1) x: y\n", &f);
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.v[1].label, "二 項目");
	ck_assert_str_eq(f.v[1].text, "一 引用");
	ppc_fields_release(&f);
	/* An unanswered field is printed as blanks: nothing to copy. */
	ppc_fields_split("【報告者】\n法人番号:              \n", &f);
	ck_assert_uint_eq(f.n, 1);
	ck_assert_str_eq(f.v[0].label, "報告者: 法人番号");
	ck_assert_str_eq(f.v[0].text, "");
	ppc_fields_release(&f);
	ppc_fields_split("no headings\n", &f);
	ck_assert_uint_eq(f.n, 0);
	ppc_fields_release(&f);
}
END_TEST

/* Base64 of UTF-8 text, as `printf … | base64` (coreutils) gives it. */
START_TEST(base64_of_japanese)
{
	struct strbuf sb;
	sb_init(&sb);
	base64_encode((const unsigned char *)"報告者", strlen("報告者"), &sb, false);
	ck_assert_str_eq(sb.buf, "5aCx5ZGK6ICF");
	sb_release(&sb);
	sb_init(&sb);
	const char *t = "宮城県仙台市\n(1) x";
	base64_encode((const unsigned char *)t, strlen(t), &sb, false);
	ck_assert_str_eq(sb.buf, "5a6u5Z+O55yM5LuZ5Y+w5biCCigxKSB4");
	sb_release(&sb);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("ppcfields");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, fields_in_report_order);
	tcase_add_test(tc, only_the_forms_headings);
	tcase_add_test(tc, base64_of_japanese);
	suite_add_tcase(s, tc);
	return s;
}
