/* ppc — the report to the 個人情報保護委員会: whether it is due
 * (規則第7条 1〜4号, for 行政機関等 規則第43条), why, and by when (速報 and
 * 確報), from the answers.  The dates in force, thresholds and day counts
 * are one dated table (ppc_rule(), src/ppc/rules.c); the closed days that
 * move a due date come from the calendar (calendar.h).  todoke-law(7)
 * states every rule with its source. */
#ifndef TODOKE_PPC_H
#define TODOKE_PPC_H

#include <stdbool.h>

#include "todoke/calendar.h"
#include "todoke/date.h"
#include "todoke/incident.h"
#include "todoke/model.h"
#include "todoke/strbuf.h"

/* ---- the rules, with the day each took effect ------------------------- */

enum ppc_rule {
	PR_DUTY,             /* 1 once 報告・通知 are mandatory (法第26条) */
	PR_LOCAL_GOV,        /* 1 once 地方公共団体等 are 行政機関等 here */
	PR_ACQUIRING,        /* 1 once 3号 covers 取得しようとしている個人情報 */
	PR_PERSONS,          /* 4号: more than N persons (規則第7条第4号) */
	PR_PERSONS_PUBLIC,   /* the same for 行政機関等 (規則第43条第4号) */
	PR_FINAL_DAYS,       /* 確報: within N days of 知った日 (規則第8条第2項) */
	PR_FINAL_DAYS_3,     /* 確報 where 3号 applies */
	PR_PRELIM_DAYS,      /* 速報's 目安: N days (通則編 3-5-3-3) */
	PR_APPROX_MARGIN,    /* 約N within N % of a threshold: ask the count */
	PR_COUNT
};

/* The value of rule r in force on day `on`: of its dated entries the last
 * that took effect on or before `on`; 0 before the first. */
long ppc_rule(enum ppc_rule r, struct date on);
/* The day rule r first took effect, and where it comes from. */
struct date ppc_rule_since(enum ppc_rule r);
const char *ppc_rule_source(enum ppc_rule r);

/* ---- the decision ------------------------------------------------------ */

enum tri { TRI_NO, TRI_YES, TRI_UNKNOWN };

struct ppc_clause {
	enum tri applies;
	char reason[512];    /* in Japanese, as the report's appendix prints it */
	char missing[256];   /* when unknown: the question(s) to answer */
};

enum ppc_verdict {
	PPC_NOT_CONCERNED,   /* no personal data involved */
	PPC_MANDATORY,
	PPC_VOLUNTARY,       /* none of 1〜4号: a report may still be made */
	PPC_UNDETERMINED,    /* answer the questions in `missing` */
	PPC_NOT_IN_FORCE,    /* known before the duty applied to the reporter:
	                        `regime` says what applied then */
	PPC_ENTRUSTED,       /* a 委託先 that notified its 委託元: the 委託元
	                        reports (規則第9条); `entrust` says so */
};

enum ppc_org { ORG_UNKNOWN, ORG_PRIVATE, ORG_PUBLIC, ORG_LOCAL };

/* A due date and why it is that day, e.g. 「60日目の10-10がスポーツの日
 * のため翌日」 or 「知った日から30日」. */
struct ppc_due {
	struct date date;
	char why[160];
	bool moved;          /* off a closed day */
};

struct ppc_decision {
	struct ppc_clause clause[4];      /* 1号 … 4号 */
	enum ppc_verdict verdict;
	enum ppc_org org;
	int article;                      /* 7, or 43 for 行政機関等 */
	char missing[512];                /* what to answer, when undetermined */
	char channel[768];                /* where the report goes when not
	                                     simply the PPC (マイナンバー,
	                                     権限委任, 行政機関等): say so */
	char regime[512];                 /* PPC_NOT_IN_FORCE: what applied */
	char entrust[512];                /* 委託先: report and notice */
	long long persons;                /* sum of the groups; 最大/約 N count N */
	long long threshold;              /* 4号: more than this many */
	bool persons_atmost, persons_approx, persons_known;
	bool has_discovery;
	struct date discovery;            /* 知った日 (発覚日) */
	bool dated;                       /* deadlines apply: mandatory, or
	                                     undetermined (if due) */
	struct date prelim_by;            /* 速報's 目安: 知った日 + 5, unmoved */
	struct ppc_due final;             /* 確報: + 30日, 3号なら + 60日, moved
	                                     off closed days */
	struct ppc_due final60;           /* 3号 still open: the 60-day date */
	int final_days;
	bool predicted;                   /* a skipped holiday is only 予定 */
	char calendar_error[256];         /* no calendar: dates not moved */
	bool prelim_done, final_done;     /* a report recorded with its date */
	struct date prelim_date, final_date;
	bool prelim_late, final_late;     /* recorded after its 目安 / due date */
};

/* The calendar the due dates are moved with.  By default the installed one
 * (calendar_load_default), read on first use and kept; a test sets its own.
 * NULL goes back to the default. */
void ppc_set_calendar(const struct calendar *c);

void ppc_decide(const struct model *m, struct ppc_decision *d);
/* Undetermined: the id of the question that answers the first item of
 * `missing` (for check and the review to lead there). */
const char *ppc_first_missing(const struct ppc_decision *d);

/* The appendix of the exported report: the decision and the deadlines. */
void ppc_appendix(const struct ppc_decision *d, struct strbuf *out);

/* One line for the wizard's status line and `todoke deadlines`. */
void ppc_status(const struct ppc_decision *d, struct date today, struct strbuf *out);
/* The decision and each deadline against today, a line each. */
void ppc_report_deadlines(const struct ppc_decision *d, struct date today,
                          struct strbuf *out);
/* A deadline of a mandatory report passed with no report recorded. */
bool ppc_overdue(const struct ppc_decision *d, struct date today);
/* A report recorded after its 目安 (速報) or due date (確報). */
bool ppc_late(const struct ppc_decision *d);

#endif
