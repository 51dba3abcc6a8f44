/* external — Ctrl-X: edit the focused text in $VISUAL or $EDITOR. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app.h"
#include "field.h"
#include "input.h"
#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"
#include "todoke/utf8.h"

void page_external_edit(struct app *a)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	/* A private folder: the text may hold personal data. */
	const char *tmpbase = getenv("TMPDIR");
	struct strbuf dir, file;
	sb_init(&dir);
	sb_init(&file);
	sb_addf(&dir, "%s/todoke-XXXXXX", tmpbase && *tmpbase ? tmpbase : "/tmp");
	if (!mkdtemp(dir.buf)) {
		app_msg(a, C_ERROR, _("cannot make a temporary folder: %s"), strerror(errno));
		goto out;
	}
	sb_addf(&file, "%s/text.txt", dir.buf);
	char *text = field_text(a->field);
	struct strbuf body;
	sb_init(&body);
	sb_add(&body, text);
	sb_addc(&body, '\n');
	free(text);
	struct diag d;
	bool ok = file_write_atomic(file.buf, body.buf, body.len, 0600, &d);
	sb_release(&body);
	if (!ok) {
		app_msg(a, C_ERROR, "%s", d.msg);
		rmdir(dir.buf);
		goto out;
	}
	def_prog_mode();
	input_end();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGXFSZ, SIG_DFL);  /* ignored by todoke, not by the editor */
		signal(SIGPIPE, SIG_DFL);
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", ed, file.buf, (char *)NULL);
		_exit(127);
	}
	int status = 0;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	reset_prog_mode();
	input_start();
	refresh();
	char *data = NULL;
	size_t len = 0;
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		app_msg(a, C_ERROR, _("the editor \"%s\" failed; the text is unchanged"), ed);
	} else if (!file_read_all(file.buf, &data, &len, &d)) {
		app_msg(a, C_ERROR, "%s", d.msg);
	} else if (!utf8_valid(data, len, NULL)) {
		app_msg(a, C_ERROR, "%s", _("the edited text is not UTF-8; the text is unchanged"));
	} else {
		/* Editors end the file with a newline; the answer does not. */
		while (len && (data[len - 1] == '\n' || data[len - 1] == '\r'))
			data[--len] = '\0';
		field_set_text(a->field, data);
		app_commit_field(a);
		app_save(a);
	}
	free(data);
	unlink(file.buf);
	rmdir(dir.buf);
out:
	sb_release(&dir);
	sb_release(&file);
}
