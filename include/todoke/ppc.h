/* ppc — the report to the 個人情報保護委員会: whether it is due
 * (規則第7条 1〜4号), why, and by when (速報 and 確報), from the answers. */
#ifndef TODOKE_PPC_H
#define TODOKE_PPC_H

#include <stdbool.h>

#include "todoke/date.h"
#include "todoke/incident.h"
#include "todoke/model.h"
#include "todoke/strbuf.h"

enum tri { TRI_NO, TRI_YES, TRI_UNKNOWN };

struct ppc_clause {
	enum tri applies;
	char reason[512];    /* in Japanese, as the report's appendix prints it */
	char missing[256];   /* when unknown: the question(s) to answer */
};

enum ppc_verdict {
	PPC_NOT_CONCERNED,   /* no personal data involved */
	PPC_MANDATORY,
	PPC_VOLUNTARY,       /* 努力義務 */
	PPC_UNDETERMINED,    /* answer the questions in `missing` */
};

struct ppc_decision {
	struct ppc_clause clause[4];      /* 1号 … 4号 */
	enum ppc_verdict verdict;
	char missing[512];                /* what to answer, when undetermined */
	char channel[512];                /* another channel (マイナンバー,
	                                     行政機関等): say so, do not guess */
	long long persons;                /* sum of the groups; 最大 N counts N */
	bool persons_atmost, persons_known;
	bool has_discovery;
	struct date discovery;            /* 発覚日 */
	struct date prelim_from, prelim_to; /* 速報: 発覚日 + 3〜5日 */
	struct date final_due;            /* 確報: + 30日, 3号なら + 60日 */
	int final_days;
	bool prelim_done, final_done;     /* a report recorded with its date */
	struct date prelim_date, final_date;
};

void ppc_decide(const struct model *m, struct ppc_decision *d);

/* The appendix of the exported report: the decision and the deadlines. */
void ppc_appendix(const struct ppc_decision *d, struct strbuf *out);

/* One line for the wizard's status line and `todoke deadlines`. */
void ppc_status(const struct ppc_decision *d, struct date today, struct strbuf *out);
/* The decision and each deadline against today, a line each. */
void ppc_report_deadlines(const struct ppc_decision *d, struct date today,
                          struct strbuf *out);
/* A deadline of a mandatory report passed with no report recorded. */
bool ppc_overdue(const struct ppc_decision *d, struct date today);

#endif
