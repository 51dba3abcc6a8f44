/* followups — todoke history, submit, submissions and diff: the history
 * module's records printed for people. */
#include "followups.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "todoke/document.h"
#include "todoke/form.h"
#include "todoke/i18n.h"
#include "todoke/incident.h"
#include "todoke/profile.h"
#include "todoke/store.h"
#include "todoke/strbuf.h"

enum { EXIT_OK = 0, EXIT_BAD = 2 };

static void say(const struct diag *d)
{
	char buf[2048];
	fprintf(stderr, "todoke: %s\n", diag_format(d, buf, sizeof buf));
}

const char *followups_document_form(const struct formset *fs, const char *document)
{
	return history_document_form(fs, document);
}

static const char *shown(const char *v)
{
	return *v ? v : _("(unanswered)");
}

static void when_text(time_t t, int tz_minutes, char *buf, size_t n)
{
	/* In the zone it was recorded in, as git log shows it. */
	time_t local = t + (time_t)tz_minutes * 60;
	struct tm tm;
	gmtime_r(&local, &tm);
	int off = tz_minutes < 0 ? -tz_minutes : tz_minutes;
	char date[32];
	strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm);
	snprintf(buf, n, "%s %c%02d%02d", date, tz_minutes < 0 ? '-' : '+', off / 60, off % 60);
}

static void who_text(const char *login, const char *name, struct strbuf *sb)
{
	sb_add(sb, login);
	if (*name)
		sb_addf(sb, " (%s)", name);
}

int followups_history(const struct formset *fs, const char *path, const char *question)
{
	struct history_log log;
	struct diag d;
	diag_clear(&d);
	if (!history_log(path, fs, question, &log, &d)) {
		say(&d);
		return EXIT_BAD;
	}
	if (!log.n)
		printf(question ? _("%s: no recorded change of %s\n") : _("%s: no recorded change\n"),
		       path, question);
	for (size_t i = 0; i < log.n; i++) {
		const struct history_entry *e = &log.v[i];
		char when[48];
		struct strbuf who;
		sb_init(&who);
		when_text(e->when, e->tz_minutes, when, sizeof when);
		who_text(e->login, e->name, &who);
		if (!e->key)
			printf(_("%s  %s  history begins: %s answers given before\n"), when, who.buf,
			       e->new_text);
		else if (!e->old_text)
			printf(_("%s  %s  history begins: %s: %s\n"), when, who.buf, e->key,
			       shown(e->new_text));
		else
			printf("%s  %s  %s: %s → %s\n", when, who.buf, e->key, shown(e->old_text),
			       shown(e->new_text));
		sb_release(&who);
	}
	history_log_release(&log);
	return EXIT_OK;
}

int followups_submissions(const char *path)
{
	struct submissions s;
	struct diag d;
	diag_clear(&d);
	if (!submissions_list(path, &s, &d)) {
		say(&d);
		return EXIT_BAD;
	}
	if (!s.n)
		printf(_("%s: nothing recorded as submitted\n"), path);
	for (size_t i = 0; i < s.n; i++) {
		const struct submission *e = &s.v[i];
		char date[16], when[48];
		struct strbuf who;
		sb_init(&who);
		date_format_iso(e->date, date, sizeof date);
		struct tm tm;
		localtime_r(&e->recorded, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		who_text(e->login, e->name, &who);
		/* N  DATE  DOCUMENT  KIND  FILE  recorded by WHO at WHEN */
		printf(_("%u\t%s\t%s\t%s\t%s\trecorded by %s, %s\n"), e->number, date, e->document,
		       e->kind, e->file, who.buf, when);
		sb_release(&who);
	}
	submissions_release(&s);
	return EXIT_OK;
}

const struct submission *followups_find(const struct submissions *s, const char *path,
                                        const char *since)
{
	char *end;
	unsigned long n = strtoul(since, &end, 10);
	for (size_t i = 0; i < s->n; i++)
		if ((*since && !*end && s->v[i].number == n) || strcmp(s->v[i].tag, since) == 0)
			return &s->v[i];
	fprintf(stderr, _("todoke: %s: no submission \"%s\" (see todoke submissions %s)\n"), path,
	        since, path);
	return NULL;
}

static bool document_changes(const struct formset *fs, const char *path,
                             const struct incident *now, const struct submission *s,
                             bool for_document, struct strbuf *out, size_t *count)
{
	struct diag d;
	diag_clear(&d);
	if (history_changes_since(fs, path, now, s, for_document, out, count, &d))
		return true;
	say(&d);
	return false;
}

static bool print_changes(const struct formset *fs, const char *path, const struct incident *now,
                          const struct submission *s)
{
	char date[16];
	struct strbuf sb;
	size_t n;
	date_format_iso(s->date, date, sizeof date);
	printf(_("== %s %s (submission %u, sent %s): what changed since\n"), s->document, s->kind,
	       s->number, date);
	sb_init(&sb);
	bool ok = document_changes(fs, path, now, s, false, &sb, &n);
	fputs(sb.buf, stdout);
	if (ok && !n)
		printf("%s\n", _("  nothing changed"));
	sb_release(&sb);
	return ok;
}

int followups_diff(const struct formset *fs, const char *path, const char *since)
{
	struct submissions s;
	struct diag d;
	struct incident *now = NULL;
	diag_clear(&d);
	if (!incident_load(path, fs, &now, &d)) {
		say(&d);
		return EXIT_BAD;
	}
	incident_adopt_documents(now, fs);
	if (!submissions_list(path, &s, &d)) {
		say(&d);
		incident_free(&now);
		return EXIT_BAD;
	}
	int rc = EXIT_OK;
	if (since) {
		const struct submission *one = followups_find(&s, path, since);
		rc = one && print_changes(fs, path, now, one) ? EXIT_OK : EXIT_BAD;
	} else if (!s.n) {
		printf(_("%s: nothing recorded as submitted: no changes to show\n"), path);
	} else {
		/* The last submission of each document, in the order first sent. */
		for (size_t i = 0; i < s.n && rc == EXIT_OK; i++) {
			const struct submission *last = submissions_last(&s, s.v[i].document);
			bool first_of_doc = true;
			for (size_t k = 0; k < i; k++)
				first_of_doc &= strcmp(s.v[k].document, s.v[i].document) != 0;
			if (first_of_doc && !print_changes(fs, path, now, last))
				rc = EXIT_BAD;
		}
	}
	submissions_release(&s);
	incident_free(&now);
	return rc;
}

static bool plain_text(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			return false;
	return true;
}

int followups_submit(const struct formset *fs, const char *document, const char *path,
                     const char *kind, const char *date, const char *file_name,
                     const char *options, const char *bytes, size_t len)
{
	struct diag d;
	struct date when;
	const char *why;
	struct incident *inc = NULL;
	diag_clear(&d);
	if (date ? !date_parse(date, &when, &why) : !date_today(&when, &why)) {
		fprintf(stderr, _("todoke: --date: %s\n"), why);
		return EXIT_BAD;
	}
	if (kind && (!*kind || !plain_text(kind))) {
		fprintf(stderr, "%s\n", _("todoke: --kind: give a name such as 速報, 確報 or 第2報"));
		return EXIT_BAD;
	}
	/* Saved only over the file as read here: a change made meanwhile (the
	 * wizard's autosave, a hand edit) is never overwritten. */
	struct file_id id;
	if (!store_load(path, fs, &inc, &id, NULL, NULL, &d)) {
		say(&d);
		return EXIT_BAD;
	}
	incident_adopt_documents(inc, fs);
	/* cmd_submit took only a document of the registry. */
	const struct document *doc = docset_find(formset_documents(fs), document);
	struct submit_result res;
	bool ok = history_submit(inc, path, doc, kind, when, file_name, options, bytes, len,
	                         &id, &res, &d);
	if (res.kept_date[0]) {
		char b[16];
		date_format_iso(when, b, sizeof b);
		fprintf(stderr, _("todoke: %s: %s stays %s (the first %s was sent then), "
		                  "not %s\n"), path, res.date_question, res.kept_date,
		        res.rec.kind ? res.rec.kind : "", b);
	}
	if (res.rec.number) {
		char iso[16];
		date_format_iso(when, iso, sizeof iso);
		printf(_("%s: recorded submission %u: %s %s sent %s (%zu bytes kept as %s)\n"), path,
		       res.rec.number, document, res.rec.kind, iso, len, res.rec.file);
	}
	if (res.next_kind)
		printf(_("%s: the next %s report is the %s (%s set)\n"), path, document,
		       res.next_kind, res.kind_question);
	if (!ok)
		say(&d);
	submission_release(&res.rec);
	incident_free(&inc);
	return ok ? EXIT_OK : EXIT_BAD;
}

int followups_whoami(const char *name)
{
	char *path = profile_path();
	struct diag d;
	diag_clear(&d);
	if (name && !profile_set_own_name(path, name, &d)) {
		free(path);
		say(&d);
		return EXIT_BAD;
	}
	struct who w;
	history_whoami(&w);
	char own[256];
	bool from_profile = path && profile_own_name(path, own, sizeof own);
	struct strbuf who;
	sb_init(&who);
	who_text(w.login, w.name, &who);
	printf("%s\n", who.buf);
	if (from_profile)
		printf(_("氏名: from the profile %s (user.name)\n"), path);
	else if (w.name[0])
		printf("%s\n", _("氏名: the account's full name (password file); "
		       "todoke whoami --name NAME sets your own"));
	else
		printf("%s\n", _("氏名: none recorded; todoke whoami --name NAME sets it"));
	sb_release(&who);
	free(path);
	return EXIT_OK;
}
