/* decision — 規則第7条: is the PPC report mandatory, and why. */
#include "todoke/ppc.h"

#include <stdio.h>
#include <string.h>

static const char *choice(const struct model *m, const char *id)
{
	const struct value *v = model_get(m, id);
	return v && v->type == Q_CHOICE && v->text ? v->text : "";
}

static bool is(const struct model *m, const char *id, const char *opt)
{
	return strcmp(choice(m, id), opt) == 0;
}

static void set(struct ppc_clause *c, enum tri t, const char *reason, const char *missing)
{
	c->applies = t;
	snprintf(c->reason, sizeof c->reason, "%s", reason);
	snprintf(c->missing, sizeof c->missing, "%s", missing ? missing : "");
}

/* 1号: 要配慮個人情報. */
static void clause1(const struct model *m, struct ppc_clause *c)
{
	if (is(m, "ppc.sensitive", "yes"))
		set(c, TRI_YES, "要配慮個人情報が含まれるため (1号)", NULL);
	else if (is(m, "ppc.sensitive", "no"))
		set(c, TRI_NO, "要配慮個人情報は含まれないため", NULL);
	else
		set(c, TRI_UNKNOWN, "要配慮個人情報が含まれるか未確定", "要配慮個人情報");
}

/* 2号: 財産的被害が生じるおそれ (card numbers, banking credentials). */
static void clause2(const struct model *m, struct ppc_clause *c)
{
	struct strbuf what;
	sb_init(&what);
	if (model_checked(m, "ppc.fin.card"))
		sb_add(&what, "クレジットカード番号(セキュリティコード又は有効期限付き)");
	if (model_checked(m, "ppc.fin.bank"))
		sb_addf(&what, "%sインターネットバンキング等のID・パスワード", what.len ? "、" : "");
	if (model_checked(m, "ppc.fin.other")) {
		const char *t = model_text(m, "ppc.fin.other");
		sb_addf(&what, "%s%s", what.len ? "、" : "", *t ? t : "財産的被害につながる情報");
	}
	if (what.len) {
		char r[sizeof c->reason];
		/* A long free text is cut at a character boundary. */
		size_t n = what.len;
		if (n > sizeof r - 40) {
			n = sizeof r - 40;
			while (n && ((unsigned char)what.buf[n] & 0xC0) == 0x80)
				n--;
		}
		snprintf(r, sizeof r, "%.*sを含むため (2号)", (int)n, what.buf);
		set(c, TRI_YES, r, NULL);
	} else if (is(m, "ppc.financial", "yes"))
		set(c, TRI_YES, "財産的被害が生じるおそれがあるため (2号)", NULL);
	else if (is(m, "ppc.financial", "no"))
		set(c, TRI_NO, "財産的被害が生じるおそれはないため", NULL);
	else
		set(c, TRI_UNKNOWN, "財産的被害が生じるおそれが未確定", "財産的被害が生じるおそれ");
	sb_release(&what);
}

/* 3号: 不正の目的.  Unanswered, it follows the IPA answers: a break-in
 * reported to IPA with damage is unauthorised access.  An answer here
 * overrides that. */
static void clause3(const struct model *m, struct ppc_clause *c)
{
	static const struct { const char *opt, *why; } causes[] = {
		{ "access", "不正アクセスによるため (3号)" },
		{ "theft", "盗難によるため (3号)" },
		{ "insider", "従業者等による不正な持ち出しのおそれがあるため (3号)" },
		{ "skimming", "ウェブスキミング等、不正の目的をもって行われたおそれがあるため (3号)" },
	};
	for (size_t i = 0; i < sizeof causes / sizeof causes[0]; i++)
		if (is(m, "ppc.unlawful", causes[i].opt)) {
			set(c, TRI_YES, causes[i].why, NULL);
			return;
		}
	if (is(m, "ppc.unlawful", "none")) {
		set(c, TRI_NO, "不正の目的をもって行われたおそれはないため", NULL);
		return;
	}
	if (!*choice(m, "ppc.unlawful") && is(m, "damage.present", "yes")) {
		set(c, TRI_YES, "IPAへの届出のとおり不正アクセスの被害があり、"
		    "不正の目的をもって行われたおそれがあるため (3号)", NULL);
		return;
	}
	set(c, TRI_UNKNOWN, "不正の目的をもって行われたおそれが未確定",
	    "不正の目的をもって行われたおそれ");
}

/* 4号: more than 1,000 persons; exactly 1,000 is not more. */
static void clause4(const struct model *m, struct ppc_decision *d)
{
	struct ppc_clause *c = &d->clause[3];
	size_t n = model_entry_count(m, "ppc.groups");
	bool all = n > 0;
	d->persons = 0;
	d->persons_atmost = false;
	for (size_t i = 0; i < n; i++) {
		const struct model *g = model_entry(m, "ppc.groups", i);
		const struct value *v = model_get(g, "count");
		if (!v || v->type != Q_NUMBER) {
			all = false;
			continue;
		}
		d->persons += v->number;
		if (is(g, "bound", "atmost"))
			d->persons_atmost = true;
	}
	d->persons_known = all;
	char r[256];
	struct strbuf num;
	sb_init(&num);
	sb_add_thousands(&num, d->persons);
	if (d->persons > 1000) {
		snprintf(r, sizeof r, "本人の数が%s%s人で1,000人を超えるため (4号)",
		         d->persons_atmost ? "最大" : "", num.buf);
		set(c, TRI_YES, r, NULL);
	} else if (all) {
		snprintf(r, sizeof r, "本人の数が%s%s人で1,000人を超えないため",
		         d->persons_atmost ? "最大" : "", num.buf);
		set(c, TRI_NO, r, NULL);
	} else {
		set(c, TRI_UNKNOWN, "本人の数が未確定", "本人の数");
	}
	sb_release(&num);
}

static void deadlines(const struct model *m, struct ppc_decision *d)
{
	d->has_discovery = model_date(m, "discovery.date", &d->discovery);
	d->prelim_done = model_date(m, "ppc.prelim.date", &d->prelim_date);
	d->final_done = model_date(m, "ppc.final.date", &d->final_date);
	if (!d->has_discovery)
		return;
	d->prelim_from = date_add_days(d->discovery, 3);
	d->prelim_to = date_add_days(d->discovery, 5);
	d->final_days = d->clause[2].applies == TRI_YES ? 60 : 30;
	d->final_due = date_add_days(d->discovery, d->final_days);
}

void ppc_decide(const struct model *m, struct ppc_decision *d)
{
	memset(d, 0, sizeof *d);
	clause1(m, &d->clause[0]);
	clause2(m, &d->clause[1]);
	clause3(m, &d->clause[2]);
	clause4(m, d);

	/* 規則第7条第1号の括弧書きは「以下この条…において同じ」: strongly
	 * encrypted data is outside every item. */
	if (is(m, "ppc.encrypted", "yes"))
		for (int i = 0; i < 4; i++)
			set(&d->clause[i], TRI_NO,
			    "高度な暗号化等の保護措置が講じられた個人データであるため "
			    "(規則第7条第1号括弧書き)", NULL);

	if (is(m, "ppc.mynumber", "yes"))
		snprintf(d->channel, sizeof d->channel, "%s",
		         "個人番号(マイナンバー)を含む特定個人情報の漏えい等は、番号法に基づく"
		         "報告の対象です。特定個人情報の報告の手続によってください。");
	else if (is(m, "ppc.public", "yes"))
		snprintf(d->channel, sizeof d->channel, "%s",
		         "行政機関等の報告は法第68条によります。所管の手続によってください。");

	if (is(m, "ppc.involved", "no")) {
		d->verdict = PPC_NOT_CONCERNED;
	} else {
		bool yes = false, unknown = false;
		for (int i = 0; i < 4; i++) {
			yes |= d->clause[i].applies == TRI_YES;
			if (d->clause[i].applies == TRI_UNKNOWN) {
				unknown = true;
				size_t l = strlen(d->missing);
				snprintf(d->missing + l, sizeof d->missing - l, "%s%s",
				         l ? "、" : "", d->clause[i].missing);
			}
		}
		/* One item that applies is enough; open ones cannot undo it. */
		d->verdict = yes ? PPC_MANDATORY : unknown ? PPC_UNDETERMINED : PPC_VOLUNTARY;
		if (!yes && is(m, "ppc.involved", "unknown")) {
			size_t l = strlen(d->missing);
			snprintf(d->missing + l, sizeof d->missing - l, "%s",
			         l ? "" : "個人データの漏えい等");
		}
	}
	deadlines(m, d);
}
