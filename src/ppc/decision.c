/* decision — 規則第7条 (行政機関等: 第43条): is the PPC report mandatory,
 * and why; which law applied on the day the business learned of it; where
 * the report goes; the 委託先's exemptions.  The dates and numbers come
 * from the rule table (rules.c); the due dates from deadline.c. */
#include "todoke/ppc.h"

#include <stdio.h>
#include <string.h>

/* Defined in deadline.c: the due dates of a decision. */
void ppc_compute_deadlines(const struct model *m, struct ppc_decision *d);

static const char *choice(const struct model *m, const char *id)
{
	const struct value *v = model_get(m, id);
	return v && v->type == Q_CHOICE && v->text ? v->text : "";
}

static bool is(const struct model *m, const char *id, const char *opt)
{
	return strcmp(choice(m, id), opt) == 0;
}

/* The day rule r took effect, as 2024-04-01, from the rule table. */
static const char *since(enum ppc_rule r, char buf[static 11])
{
	date_format_iso(ppc_rule_since(r), buf, 11);
	return buf;
}

static void set(struct ppc_clause *c, enum tri t, const char *reason, const char *missing)
{
	c->applies = t;
	snprintf(c->reason, sizeof c->reason, "%s", reason);
	snprintf(c->missing, sizeof c->missing, "%s", missing ? missing : "");
}

/* Appends to a fixed buffer, with sep between items. */
static void append(char *buf, size_t size, const char *sep, const char *text)
{
	size_t l = strlen(buf);
	if (strstr(buf, text))
		return;
	snprintf(buf + l, size - l, "%s%s", l ? sep : "", text);
}

/* The value of a threshold or count on 知った日 (unknown: the rules now);
 * before the rule's first day, its first value, to say what it would be. */
static long rule_on(enum ppc_rule r, const struct ppc_decision *d)
{
	struct date on = d->has_discovery ? d->discovery : (struct date){ 9999, 12, 31 };
	struct date since = ppc_rule_since(r);
	return ppc_rule(r, date_cmp(on, since) < 0 ? since : on);
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

/* 3号: 不正の目的.  IPA's 被害有り may suggest it, never decide it. */
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
		set(c, TRI_UNKNOWN, "IPAへの届出では被害有り。不正アクセス等によるかは未回答",
		    "不正の目的をもって行われたおそれ");
		return;
	}
	set(c, TRI_UNKNOWN, "不正の目的をもって行われたおそれが未確定",
	    "不正の目的をもって行われたおそれ");
}

/* 4号: more than `threshold` persons; exactly the threshold is not more.
 * 約N and 最大N count by their upper bound N; 約N within the margin of
 * the threshold is no count to decide on. */
static void clause4(const struct model *m, struct ppc_decision *d)
{
	struct ppc_clause *c = &d->clause[3];
	size_t n = model_entry_count(m, "ppc.groups");
	bool all = n > 0;
	d->persons = 0;
	d->persons_atmost = d->persons_approx = false;
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
		else if (is(g, "bound", "approx"))
			d->persons_approx = true;
	}
	d->persons_known = all;
	long long t = d->threshold;
	long margin = rule_on(PR_APPROX_MARGIN, d);
	bool near = d->persons_approx &&
	            (d->persons > t ? d->persons - t : t - d->persons) * 100 <= t * margin;
	char r[256];
	struct strbuf num, thr;
	sb_init(&num);
	sb_init(&thr);
	sb_add(&num, d->persons_approx ? "約" : d->persons_atmost ? "最大" : "");
	sb_add_thousands(&num, d->persons);
	sb_add_thousands(&thr, t);
	if (near) {
		snprintf(r, sizeof r, "本人の数が%s人で、%s人を超えるかは概数では決まらない",
		         num.buf, thr.buf);
		char miss[160];
		snprintf(miss, sizeof miss, "本人の数(確定した数か最大の数。%s人前後のため)", thr.buf);
		set(c, TRI_UNKNOWN, r, miss);
	} else if (d->persons > t) {
		snprintf(r, sizeof r, "本人の数が%s人で%s人を超えるため (4号)", num.buf, thr.buf);
		set(c, TRI_YES, r, NULL);
	} else if (all) {
		snprintf(r, sizeof r, "本人の数が%s人で%s人を超えないため", num.buf, thr.buf);
		set(c, TRI_NO, r, NULL);
	} else {
		set(c, TRI_UNKNOWN, "本人の数が未確定", "本人の数");
	}
	sb_release(&num);
	sb_release(&thr);
}

/* Data skimmed before it reached the business (取得しようとしている個人
 * 情報) came under 3号 on 2024-04-01; before, it was not the business's
 * 個人データ and no item reached it. */
static void acquiring(const struct model *m, struct ppc_decision *d)
{
	if (!is(m, "ppc.unlawful", "skimming"))
		return;
	bool in_force = d->has_discovery && ppc_rule(PR_ACQUIRING, d->discovery);
	char day[11], r[sizeof d->clause[0].reason];
	since(PR_ACQUIRING, day);
	if (is(m, "ppc.acquire", "held") || is(m, "ppc.acquire", "both"))
		return;
	if (is(m, "ppc.acquire", "acquiring")) {
		if (in_force) {
			snprintf(r, sizeof r, "取得しようとしていた個人情報が、不正の目的をもって"
			         "抜き取られたおそれがあるため (3号、%sから)", day);
			set(&d->clause[2], TRI_YES, r, NULL);
			return;
		}
		if (!d->has_discovery)
			return;  /* the date decides: asked for below */
		snprintf(r, sizeof r, "抜き取られたのは取得前の情報で、%sより前に知った事態では"
		         "個人データに当たらないため (規則第7条第3号の改正前)", day);
		for (int i = 0; i < 4; i++)
			set(&d->clause[i], TRI_NO, r, NULL);
		return;
	}
	if (in_force)
		return;  /* either way 3号 applies */
	/* Before 2024-04-01 (or the date unknown) it decides each item that
	 * would apply; one still open asks its own question first. */
	for (int i = 0; i < 4; i++)
		if (d->clause[i].applies == TRI_YES) {
			/* Room for the proviso: the reason is cut on a character. */
			size_t n = strlen(d->clause[i].reason), room = sizeof r - 120;
			if (n > room) {
				n = room;
				while (n && ((unsigned char)d->clause[i].reason[n] & 0xC0) == 0x80)
					n--;
			}
			snprintf(r, sizeof r, "%.*s。ただし%sより前は、保有していた個人データの"
			         "場合に限る", (int)n, d->clause[i].reason, day);
			set(&d->clause[i], TRI_UNKNOWN, r, "抜き取られたのは保存していた個人データか");
		}
}

static void channels(const struct model *m, struct ppc_decision *d)
{
	if (is(m, "ppc.mynumber", "yes"))
		append(d->channel, sizeof d->channel, "", "個人番号(マイナンバー)を含む特定個人情報の"
		       "漏えい等は、番号法第29条の4に基づく報告の対象です。特定個人情報の報告の"
		       "様式・手続によってください。");
	if (is(m, "ppc.delegated", "yes"))
		append(d->channel, sizeof d->channel, "", "この分野では、報告を受ける権限が個人情報"
		       "保護委員会から事業所管大臣に委任されています(法第150条)。報告先は所管省庁"
		       "の窓口です。");
	else if (is(m, "ppc.delegated", "unknown"))
		append(d->channel, sizeof d->channel, "", "金融・電気通信など一部の分野では、報告先"
		       "が所管省庁です(法第150条による権限の委任)。個人情報保護委員会のウェブサイト"
		       "で報告先を確認してください。");
	if (d->org == ORG_PUBLIC || d->org == ORG_LOCAL)
		append(d->channel, sizeof d->channel, "", "行政機関等の報告です(法第68条、規則第43条"
		       "・第44条)。報告先は個人情報保護委員会です。");
}

/* The duty did not apply on 知った日: say what did.  False when it did. */
static bool not_in_force(struct ppc_decision *d, enum ppc_org org)
{
	if (!d->has_discovery)
		return false;
	char day[16], from[11];
	date_format_iso(d->discovery, day, sizeof day);
	if (!ppc_rule(PR_DUTY, d->discovery)) {
		since(PR_DUTY, from);
		if (org == ORG_PRIVATE)
			snprintf(d->regime, sizeof d->regime, "知った日(%s)は改正法の施行(%s)より前"
			         "です。当時、個人情報保護委員会への報告は義務ではなく、報告するよう努め"
			         "るもの(努力義務、平成29年個人情報保護委員会告示第1号)でした。", day, from);
		else
			snprintf(d->regime, sizeof d->regime, "知った日(%s)は改正法の施行(%s)より前"
			         "です。当時は行政機関個人情報保護法等や各団体の条例が適用され、個人情報"
			         "保護委員会への報告の義務はありませんでした。", day, from);
		return true;
	}
	if (org == ORG_LOCAL && !ppc_rule(PR_LOCAL_GOV, d->discovery)) {
		snprintf(d->regime, sizeof d->regime, "知った日(%s)は、地方公共団体等が個人情報保護法"
		         "の規律の対象になった%sより前です。当時はその団体の個人情報保護条例の定める"
		         "手続が適用されました。", day, since(PR_LOCAL_GOV, from));
		return true;
	}
	return false;
}

/* The decision for one kind of organisation. */
static void decide_as(const struct model *m, enum ppc_org org, struct ppc_decision *d)
{
	d->has_discovery = model_date(m, "discovery.date", &d->discovery);
	d->org = org;
	d->article = org == ORG_PUBLIC || org == ORG_LOCAL ? 43 : 7;
	d->threshold = rule_on(d->article == 43 ? PR_PERSONS_PUBLIC : PR_PERSONS, d);
	clause1(m, &d->clause[0]);
	clause2(m, &d->clause[1]);
	clause3(m, &d->clause[2]);
	clause4(m, d);
	acquiring(m, d);

	/* 規則第7条第1号の括弧書きは「以下この条…において同じ」: strongly
	 * encrypted data is outside every item. */
	if (is(m, "ppc.encrypted", "yes"))
		for (int i = 0; i < 4; i++)
			set(&d->clause[i], TRI_NO,
			    "高度な暗号化等の保護措置が講じられた個人データであるため "
			    "(規則第7条第1号括弧書き)", NULL);

	if (is(m, "ppc.involved", "no")) {
		for (int i = 0; i < 4; i++)
			set(&d->clause[i], TRI_NO, "個人データの漏えい等はないため", NULL);
		d->verdict = PPC_NOT_CONCERNED;
		return;
	}
	if (not_in_force(d, org)) {
		d->verdict = PPC_NOT_IN_FORCE;
		return;
	}
	bool yes = false, unknown = false;
	if (!is(m, "ppc.involved", "yes")) {
		/* Until it is answered, nothing else decides. */
		append(d->missing, sizeof d->missing, "、", "個人データの漏えい等");
		unknown = true;
	}
	for (int i = 0; i < 4; i++) {
		yes |= d->clause[i].applies == TRI_YES;
		if (d->clause[i].applies == TRI_UNKNOWN) {
			unknown = true;
			append(d->missing, sizeof d->missing, "、", d->clause[i].missing);
		}
	}
	if (!is(m, "ppc.involved", "yes"))
		d->verdict = PPC_UNDETERMINED;
	else
		/* One item that applies is enough; open ones cannot undo it. */
		d->verdict = yes ? PPC_MANDATORY : unknown ? PPC_UNDETERMINED : PPC_VOLUNTARY;
	if (d->verdict == PPC_MANDATORY)
		d->missing[0] = '\0';
	/* The day decides which law applied. */
	if (!d->has_discovery && d->verdict != PPC_VOLUNTARY) {
		d->verdict = PPC_UNDETERMINED;
		append(d->missing, sizeof d->missing, "、", "発覚日(事態を知った日)");
	}
}

/* 委託先 (規則第9条, 法第26条第2項): notifying the 委託元 frees it from its
 * own report and from notifying the persons. */
static void entrustee(const struct model *m, struct ppc_decision *d)
{
	if (!is(m, "ppc.onbehalf", "yes"))
		return;
	if (d->verdict != PPC_MANDATORY && d->verdict != PPC_UNDETERMINED)
		return;
	if (is(m, "ppc.onbehalf.notified", "yes")) {
		d->verdict = PPC_ENTRUSTED;
		d->missing[0] = '\0';
		snprintf(d->entrust, sizeof d->entrust, "%s", "委託元に通知したため、委託先として"
		         "の報告は不要です(規則第9条)。報告は委託元が行います。本人への通知も委託元"
		         "が行い、委託先は不要です(法第26条第2項)。");
	} else {
		/* 規則第9条's 「速やかに」 has the 速報's 目安. */
		snprintf(d->entrust, sizeof d->entrust, "委託元に速やかに(目安: 知った日から%ld日)"
		         "通知すれば、委託先としての報告は不要になり(規則第9条)、本人への通知も委託元"
		         "が行います(法第26条第2項)。", rule_on(PR_PRELIM_DAYS, d));
	}
}

/* The same outcome: a report due or not (the items may differ, as 4号's
 * threshold does, without changing it). */
static bool same(const struct ppc_decision *a, const struct ppc_decision *b)
{
	return a->verdict == b->verdict;
}

void ppc_decide(const struct model *m, struct ppc_decision *d)
{
	static const struct { const char *opt; enum ppc_org org; } orgs[] = {
		{ "no", ORG_PRIVATE }, { "yes", ORG_PUBLIC }, { "local", ORG_LOCAL },
	};
	enum ppc_org org = ORG_UNKNOWN;
	for (size_t i = 0; i < sizeof orgs / sizeof orgs[0]; i++)
		if (is(m, "ppc.public", orgs[i].opt))
			org = orgs[i].org;
	memset(d, 0, sizeof *d);
	if (org != ORG_UNKNOWN) {
		decide_as(m, org, d);
	} else {
		/* Unanswered: it is asked for only when the kind would change
		 * the decision (the threshold of 4号, the day in force). */
		struct ppc_decision alt;
		decide_as(m, ORG_PRIVATE, d);
		bool differs = false;
		for (enum ppc_org o = ORG_PUBLIC; o <= ORG_LOCAL; o++) {
			memset(&alt, 0, sizeof alt);
			decide_as(m, o, &alt);
			differs |= !same(d, &alt);
		}
		d->org = ORG_UNKNOWN;
		if (differs) {
			char was[sizeof d->missing];
			snprintf(was, sizeof was, "%s", d->verdict == PPC_UNDETERMINED ? d->missing : "");
			snprintf(d->missing, sizeof d->missing, "報告する組織の種類");
			append(d->missing, sizeof d->missing, "、", was);
			d->verdict = PPC_UNDETERMINED;
		}
	}
	channels(m, d);
	entrustee(m, d);
	ppc_compute_deadlines(m, d);
}

const char *ppc_first_missing(const struct ppc_decision *d)
{
	/* Each text decision.c asks for, and the question that answers it. */
	static const struct { const char *text, *id; } asks[] = {
		{ "個人データの漏えい等", "ppc.involved" },
		{ "報告する組織の種類", "ppc.public" },
		{ "要配慮個人情報", "ppc.sensitive" },
		{ "財産的被害", "ppc.financial" },
		{ "不正の目的", "ppc.unlawful" },
		{ "本人の数", "ppc.groups" },
		{ "抜き取られた", "ppc.acquire" },
		{ "発覚日", "discovery.date" },
	};
	for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++)
		if (strncmp(d->missing, asks[i].text, strlen(asks[i].text)) == 0)
			return asks[i].id;
	return "ppc.involved";
}
