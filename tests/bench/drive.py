#!/usr/bin/env python3
"""make bench, part 2: the real wizard in a pty this script opens itself
(80x24, TERM=xterm-256color, C.UTF-8), and dialog 1.3 beside it when it is
installed.  Counts the bytes written to the terminal per key, instructions
with valgrind --tool=callgrind (repeatable on a loaded machine) when it is
installed, peak RSS and the time a 1 MB paste takes.  Prints one table
with the goal of issue 14 and a verdict per row; judges nothing else and
fails nothing (a benchmark, not a test).

Usage: tests/bench/drive.py TODOKE [--smoke] [--only=GROUP,...]
  --smoke: a few keys through every path of the driver, no valgrind, no
  table checks: so that the harness does not rot (make check runs it).
"""
import os, pty, select, shutil, signal, struct, subprocess, sys, tempfile, time
import fcntl, termios

COLS, ROWS = 80, 24
# --only=GROUP,...: the rows of those groups only (typing space rss paste
# perkey frames list export); every row otherwise.
ONLY = None


def want(group):
    return ONLY is None or group in ONLY
ENV_BASE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
            "PATH": os.environ.get("PATH", "/usr/bin:/bin")}


class Pty:
    """A program on a pty of its own; output counted, never interpreted."""

    def __init__(self, argv, env, cwd=None):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.kill(self.pid, signal.SIGWINCH)
        self.out = bytearray()

    def read_quiet(self, quiet=0.25, limit=60.0):
        """Reads until nothing came for `quiet` seconds; returns the bytes."""
        got = bytearray()
        end = time.monotonic() + limit
        while time.monotonic() < end:
            r, _, _ = select.select([self.fd], [], [], quiet)
            if not r:
                break
            try:
                b = os.read(self.fd, 65536)
            except OSError:
                break
            if not b:
                break
            got += b
        self.out += got
        return bytes(got)

    def wait_for(self, needle, limit=120.0):
        end = time.monotonic() + limit
        while needle not in self.out and time.monotonic() < end:
            r, _, _ = select.select([self.fd], [], [], 0.1)
            if r:
                try:
                    self.out += os.read(self.fd, 65536)
                except OSError:
                    break
        return needle in self.out

    def send(self, b):
        while b:
            n = os.write(self.fd, b)
            b = b[n:]

    def close(self, limit=120.0):
        """Waits for the program to end (under valgrind, quitting commits
        the history: seconds), then kills it."""
        try:
            end = time.monotonic() + limit
            while True:
                pid, _ = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    break
                self.read_quiet(0.05, 0.1)
                if time.monotonic() > end:
                    break
            if not pid:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else None


def incident(path, lines):
    """An incident whose 2-3) diagram answer has `lines` lines of text."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("todoke-incident 1\n\n[incident]\nform: ipa-access 3.5\ntitle: bench\n\n[answers]\n")
        f.write("system.diagram:\n")
        for i in range(lines):
            f.write("| %05d 行のテキストです abc\n" % i)
        f.write("\n[end]\n")
    os.chmod(path, 0o600)


LIST_WORDS = ["不正アクセス", "ランサムウェア被害", "個人情報の漏えい", "メール誤送信",
              "Webサーバ改ざん", "フィッシング", "標的型メール攻撃", "USBメモリ紛失"]


LIST_TEMPLATES = ["ipa/example", "notice/ransomware", "notice/skimming", "police/ransomware",
                  "ipa/partial"]


def make_store(store, n):
    """n incidents in store, newest first by mtime: the golden incidents
    (tests/golden: full ones, of one to four forms) under titles in
    Japanese; three of them damaged (another format, bytes not UTF-8, an
    unknown question) in the middle.  The newest is titled 「最新の届出 N」,
    the oldest 「最古の届出」."""
    os.makedirs(store, exist_ok=True)
    os.chmod(store, 0o700)
    golden = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden")
    templates = []
    for name in LIST_TEMPLATES:
        with open(os.path.join(golden, name + ".incident"), encoding="utf-8") as f:
            lines = [l for l in f.read().split("\n") if not l.startswith("title:")]
        at = lines.index("[answers]") - 1  # the blank line that ends [incident]
        templates.append((lines[:at], lines[at:]))
    damaged = {n // 2: b"not an incident\n", n // 3: b"todoke-incident 1\n\xff\xfe\n",
               n // 4: "todoke-incident 1\n\n[incident]\nform: ipa-access 3.5\n\n"
               "[answers]\nno.such: 1\n\n[end]\n".encode()}
    for i in range(n):
        path = os.path.join(store, "%06d.incident" % i)
        title = ("最新の届出 %d" % n if i == n - 1 else "最古の届出" if i == 0
                 else "%s 第%d報（%s）" % (LIST_WORDS[i % 8], i, "東京本社" if i % 3 else "大阪支店"))
        text = damaged.get(i) if n > 8 else None
        if text is None:
            head, tail = templates[i % len(templates)]
            text = "\n".join(head + ["title: " + title] + tail).encode()
        with open(path, "wb") as f:
            f.write(text)
        os.chmod(path, 0o600)
        t = 1600000000 + i * 60
        os.utime(path, ns=(t * 10**9, t * 10**9 + i))


def hold_lock(incident_path):
    """The incident's lock, held by this process (a live session elsewhere):
    returns the open file, to close at the end."""
    import socket
    d, b = os.path.split(incident_path)
    f = open(os.path.join(d, "." + b + ".lock"), "w")
    os.chmod(f.name, 0o600)
    f.write("%d %s bench 2022-10-27T09:00:00+09:00\n" % (os.getpid(), socket.gethostname()))
    f.flush()
    fcntl.flock(f, fcntl.LOCK_EX)
    return f


def list_figures(prog, t, smoke, fig):
    """The start screen with 10,000 saved incidents: exec → the first frame
    showing the newest rows, and → the complete list (the header's count
    「10,000 incidents」), without the index (cold) and with it (warm);
    medians of interleaved runs; instructions to the first frame under
    callgrind."""
    n = 60 if smoke else 10000
    store = os.path.join(t.env["TODOKE_HOME"], "incidents")
    cache = os.path.join(t.env["TODOKE_HOME"], "cache")
    shutil.rmtree(store, ignore_errors=True)
    make_store(store, n)
    lock = hold_lock(os.path.join(store, "%06d.incident" % (n - 5)))
    first = ("最新の届出 %d" % n).encode()
    done = ("{:,} incidents".format(n)).encode()

    def run(wrap=None, wait_done=True):
        t0 = time.monotonic()
        p = Pty((wrap or []) + [prog], t.env)
        got = p.wait_for(first, 60)
        t1 = time.monotonic() - t0
        t2 = None
        if got and wait_done and p.wait_for(done, 120):
            t2 = time.monotonic() - t0
        return p, (t1 if got else None), t2

    def quit(p):
        p.send(b"q")
        p.read_quiet(0.3)
        p.send(b"y")
        p.close()

    cold1, cold2, warm1, warm2 = [], [], [], []
    for _ in range(1 if smoke else 5):
        shutil.rmtree(cache, ignore_errors=True)
        p, a, b = run()
        quit(p)
        cold1.append(a)
        cold2.append(b)
        p, a, b = run()
        quit(p)
        warm1.append(a)
        warm2.append(b)
    ok = lambda xs: median(xs) if xs and None not in xs else None
    fig["list_cold_first"], fig["list_cold_done"] = ok(cold1), ok(cold2)
    fig["list_warm_first"], fig["list_warm_done"] = ok(warm1), ok(warm2)
    fig["list_first_before_done"] = (fig["list_cold_first"] is not None and
                                     fig["list_cold_done"] is not None and
                                     fig["list_cold_first"] < fig["list_cold_done"])
    if shutil.which("valgrind") and not smoke:
        # Cold: callgrind dumps when the list is first filled between keys
        # (fill_list: the first frame is drawn and the keyboard read), and
        # the run ends there.  Warm: nothing to fill; dumped once drawn.
        def cold(wrap):
            shutil.rmtree(cache, ignore_errors=True)
            out = [a for a in wrap if a.startswith("--callgrind-out-file=")][0].split("=", 1)[1]
            p, _, _ = run(wrap + ["--dump-before=fill_list"], wait_done=False)
            end = time.monotonic() + 60
            while not os.path.exists(out + ".1") and time.monotonic() < end:
                p.read_quiet(0.1, 0.2)
            time.sleep(0.5)
            os.kill(p.pid, signal.SIGKILL)
            p.close()
        def warm(wrap):
            p, _, _ = run(wrap, wait_done=False)
            p.read_quiet(1.0)
            frame_dump(p, wrap)
            os.kill(p.pid, signal.SIGKILL)
            p.close()
        try:
            fig["list_cold_ir"] = callgrind_total(cold, t.tmp, "lcold", at_dump=True)
        except OSError:
            pass
        p, _, _ = run()  # the index, for the warm run
        quit(p)
        try:
            fig["list_warm_ir"] = callgrind_total(warm, t.tmp, "lwarm", at_dump=True)
        except OSError:
            pass
        # A key (Down) on the complete list: 25 keys minus 5, the refresh
        # every 2 s (list_changed: stat of every file) counted apart.
        def downs(k):
            def go(wrap):
                p, _, _ = run(wrap)
                p.read_quiet(0.5)
                for _ in range(k):
                    p.send(b"\x1b[B")
                    p.read_quiet(0.3)
                quit(p)
            return go
        a = callgrind_total(downs(5), t.tmp, "ld5", "list_changed")
        b = callgrind_total(downs(25), t.tmp, "ld25", "list_changed")
        if a[0] and b[0]:
            fig["list_key_ir"] = ((b[0] - b[1]) - (a[0] - a[1])) / 20
    lock.close()
    shutil.rmtree(store, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
def big_incident(path, cp932=False):
    """The ransomware case of tests/golden/ipa (IPA form, PPC report and
    notice all apply) with a 10,000-entry timeline (drafted into the
    notice's 経緯 too) and 1 MB of Japanese text, half-width kana and emoji
    as its 5.原因 (in all three documents).  cp932: é and the emoji, which
    CP932 lacks (the export would refuse), as cafe※."""
    import re
    with open(os.path.join(os.environ.get("TODOKE_DATADIR", os.getcwd()),
                           "tests/golden/ipa/ransomware.incident"), encoding="utf-8") as f:
        src = f.read()
    tl = "".join("timeline[%d].date: 2024-07-%02d\ntimeline[%d].text:\n"
                 "| %d件目の対応を記録しました。ｻｰﾊﾞを確認し、ログを保全しました。\n"
                 % (i, 8 + i % 20, i, i) for i in range(1, 10001))
    line = "暗号化されたサーバのログ行です。ｶﾀｶﾅと%sを含みます\n" % ("cafe※" if cp932 else "café😀")
    n = (1 << 20) // len(line.encode()) + 1
    cause = "cause:\n" + "".join("| " + line for _ in range(n))
    src = re.sub(r"cause:\n(\|.*\n)+", lambda m: cause, src, count=1)
    src = re.sub(r"(timeline\[\d+\]\.(date|text):.*\n(\|.*\n)*)+", lambda m: tl, src, count=1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(src)
    os.chmod(path, 0o600)


class Todoke:
    def __init__(self, prog, tmp):
        self.prog, self.tmp = prog, tmp
        self.env = dict(ENV_BASE, TODOKE_HOME=os.path.join(tmp, "home"),
                        TODOKE_TODAY="2022-10-27",
                        TODOKE_DATADIR=os.environ.get("TODOKE_DATADIR", os.getcwd()),
                        TODOKE_NOTICE_DIR=os.environ.get("TODOKE_NOTICE_DIR", ""))
        os.makedirs(self.env["TODOKE_HOME"], exist_ok=True)

    def to_diagram(self, lines, wrap=None):
        """Opens an incident at its 2-3) page, the cursor at the text's end."""
        path = os.path.join(self.tmp, "b%d.incident" % lines)
        incident(path, lines)
        argv = (wrap or []) + [self.prog, path]
        p = Pty(argv, self.env)
        p.wait_for("(page 1 of".encode())
        p.read_quiet(1.0 if wrap else 0.3)
        p.send(b"\x0e\x0e\x0e\x0e")  # Ctrl-N x4: page 5, the multi-line field
        p.wait_for("接続形態図".encode())
        p.read_quiet(1.0 if wrap else 0.3)
        return p

    def to_boxes(self):
        """Opens a one-line incident at page 3's boxes (2-1), the focus on
        the first box: the checklist of the Space rows."""
        path = os.path.join(self.tmp, "box.incident")
        incident(path, 1)
        p = Pty([self.prog, path], self.env)
        p.wait_for(b"(page 1 of")
        p.read_quiet(0.3)
        p.send(b"\x0e\x0e")
        p.wait_for("2-1)".encode())
        p.read_quiet(0.3)
        p.send(b"\t\t")
        p.read_quiet(0.3)
        return p

    def quit(self, p):
        # F10, the one quit key: Esc leaves a page only for the start
        # screen it was opened from, not when the incident was named.
        p.send(b"\x1b[21~")
        p.read_quiet(0.5)
        p.send(b"y")
        p.close()


def vm_hwm(pid):
    """Peak resident set (kB) of a running process, or None."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def per_key_bytes(p, keys, quiet=0.15):
    counts = []
    for k in keys:
        p.send(k)
        counts.append(len(p.read_quiet(quiet)))
    return median(counts)


def frame_dump(p, wrap):
    """Has callgrind write its counts now (the first frame is on the
    screen): callgrind_total then reads them, not those of the whole run
    with its exit (history commit, freeing)."""
    out = [a for a in wrap if a.startswith("--callgrind-out-file=")][0].split("=", 1)[1]
    subprocess.run(["callgrind_control", "-d", str(p.pid)], capture_output=True)
    end = time.monotonic() + 30
    while not os.path.exists(out + ".1") and time.monotonic() < end:
        time.sleep(0.1)
    time.sleep(0.2)


def callgrind_total(argv_fn, tmp, tag, exclude=None, at_dump=False):
    """Instructions of a run under callgrind; with exclude (a function
    name), also the instructions spent in it (inclusive); with at_dump,
    those up to frame_dump only."""
    out = os.path.join(tmp, "cg.%s.out" % tag)
    wrap = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out]
    argv_fn(wrap)
    total, excl = None, 0
    if at_dump:
        os.replace(out + ".1", out)
    with open(out) as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
    if exclude:
        ann = subprocess.run(["callgrind_annotate", "--inclusive=yes", out],
                             capture_output=True, text=True).stdout
        for line in ann.splitlines():
            if line.rstrip().endswith(":" + exclude) or (":%s [" % exclude) in line:
                excl = int(line.split()[0].replace(",", ""))
                break
    os.unlink(out)
    return (total, excl) if exclude else total


def todoke_figures(prog, smoke):
    tmp = tempfile.mkdtemp(prefix="todoke-bench-")
    t = Todoke(prog, tmp)
    fig = {}
    if want("typing"):
        # Bytes per typed character at the end of a line and at its start.
        p = t.to_diagram(10)
        # Five of each, so that the line (24 columns) still fits its row (76).
        fig["eol_ascii"] = per_key_bytes(p, [b"a"] * (3 if smoke else 5))
        fig["eol_ja"] = per_key_bytes(p, ["あ".encode()] * (3 if smoke else 5))
        p.send(b"\x01")  # Ctrl-A: the start of the line
        p.read_quiet(0.3)
        fig["sol_ascii"] = per_key_bytes(p, [b"b"] * (3 if smoke else 5))
        fig["sol_ja"] = per_key_bytes(p, ["い".encode()] * (3 if smoke else 5))
        t.quit(p)
    if want("space"):
        # Checklist Space: page 3's boxes (2-1).
        p = t.to_boxes()
        fig["space"] = per_key_bytes(p, [b" "] * (2 if smoke else 6), 0.3)
        t.quit(p)
    if want("rss"):
        # Peak RSS at the first frame: the median of 5 runs (one run to
        # the next differs by up to 0.13 MB here).
        rss = []
        for _ in range(2 if smoke else 5):
            p = Pty([prog], t.env)
            p.read_quiet(0.5)
            kb = vm_hwm(p.pid)
            if kb:
                rss.append(kb)
            p.send(b"q")  # the start screen's quit (Esc never quits)
            p.read_quiet(0.3)
            p.send(b"y")
            p.close()
        if rss:
            fig["rss_kb"] = median(rss)
    if want("paste"):
        p = t.to_diagram(1)
        line = "漏えいしたログの行です。ｶﾀｶﾅとcafé😀\n".encode()
        n = (1 << 20) // len(line) + 1 if not smoke else 100
        paste = b"\n" + line * n  # on a line of its own after the text
        t0 = time.monotonic()
        p.send(b"\x1b[200~" + paste + b"\x1b[201~")
        p.read_quiet(0.5, 120)
        fig["paste_s"] = max(time.monotonic() - t0 - 0.5, 0.0)
        t.quit(p)
        with open(os.path.join(tmp, "b1.incident"), encoding="utf-8") as f:
            saved = f.read()
        fig["paste_ok"] = saved.count("| 漏えいしたログの行です。ｶﾀｶﾅとcafé😀\n") == n

    if want("list"):
        list_figures(prog, t, smoke, fig)
    if want("export"):
        # The real CLI, each document of the big incident in UTF-8 and in
        # CP932: wall time (median of 7 runs; of 1 in the smoke run) and,
        # under callgrind, instructions.
        big = os.path.join(tmp, "big.incident")
        big932 = os.path.join(tmp, "big932.incident")
        big_incident(big)
        big_incident(big932, cp932=True)
        out = os.path.join(tmp, "x")
        for enc, path, extra in (("utf8", big, []), ("cp932", big932, ["-e", "cp932"])):
            for doc in ("ipa", "ppc", "notice"):
                argv = [prog, "export", doc, path, "-o", out] + extra
                times = []
                for _ in range(1 if smoke else 7):
                    if os.path.exists(out):
                        os.unlink(out)
                    t0 = time.monotonic()
                    r = subprocess.run(argv, env=t.env, capture_output=True)
                    times.append(time.monotonic() - t0)
                    if r.returncode != 0:
                        fig["export_failed"] = "%s %s: %s" % (doc, enc, r.stderr[:200])
                fig["export_%s_%s_s" % (doc, enc)] = median(times)
                if shutil.which("valgrind") and not smoke:
                    if os.path.exists(out):
                        os.unlink(out)
                    fig["export_%s_%s_ir" % (doc, enc)] = callgrind_total(
                        lambda wrap: subprocess.run(wrap + argv, env=t.env, capture_output=True),
                        tmp, "export")
        if shutil.which("valgrind") and not smoke:
            # One autosave of the big incident: a key typed on 2-3)'s page,
            # then idle until the save (callgrind's inclusive `autosave`).
            def save_once(wrap):
                p = Pty(wrap + [prog, big], t.env)
                p.wait_for("(page 1 of".encode(), 300)
                p.read_quiet(1.0)
                p.send(b"\x0e\x0e\x0e\x0e")
                p.wait_for("接続形態図".encode(), 300)
                p.read_quiet(1.0)
                p.send(b"a")
                p.read_quiet(6.0, 300)
                t.quit(p)
            # Its history made beforehand, outside valgrind, as for the
            # per-key pairs: the first save of an incident also writes the
            # original as the history's first commit (two more blobs).
            save_once([])
            fig["autosave_ir"] = callgrind_total(save_once, tmp, "save", "autosave")[1]

    if shutil.which("valgrind") and not smoke:
        if want("perkey"):
            # Keys 6..25 minus keys 1..5: the start-up and the first layout
            # cancel out.  Autosave (every 3 s of typing, the whole incident
            # written) is counted apart: it is per save, not per key.
            k1, k2 = 5, 25
            def run_keys(lines, keys):
                def go(wrap):
                    p = t.to_diagram(lines, wrap)
                    for _ in range(keys):
                        p.send(b"a")
                        p.read_quiet(0.6)
                    # Idle until the autosave has run (in app_key, counted
                    # apart): quitting then has nothing left to save, in the
                    # run of 5 keys as in that of 25.
                    p.read_quiet(4.0)
                    t.quit(p)
                return go
            for lines in (10, 20, 10000):
                # Both runs of a pair find the incident's history made: the
                # first commit of a big incident is not typing (a run beforehand
                # makes it, outside valgrind).
                p = t.to_diagram(lines)
                p.send(b"a")
                p.read_quiet(4.0)
                t.quit(p)
                a = callgrind_total(run_keys(lines, k1), tmp, "k1", "autosave")
                b = callgrind_total(run_keys(lines, k2), tmp, "k2", "autosave")
                if a[0] and b[0]:
                    fig["ipk_%d" % lines] = ((b[0] - b[1]) - (a[0] - a[1])) / (k2 - k1)
        if want("frames"):
            def first_frame(args, needle):
                def go(wrap):
                    p = Pty(wrap + [prog] + args, t.env)
                    p.wait_for(needle)
                    p.read_quiet(1.0)
                    frame_dump(p, wrap)
                    p.send(b"\x1b[21~")  # F10: quits from a page, too
                    p.read_quiet(0.5)
                    p.send(b"y")
                    p.close()
                return go
            fig["exec_frame"] = callgrind_total(first_frame([], b"todoke"), tmp, "start",
                                                at_dump=True)
            floor = os.environ.get("BENCH_FLOOR")
            if floor and os.path.exists(floor):
                def floor_go(wrap):
                    p = Pty(wrap + [os.path.abspath(floor)], t.env)
                    p.wait_for(b"todoke")
                    p.read_quiet(1.0)
                    frame_dump(p, wrap)
                    p.send(b"q")
                    p.close()
                fig["floor_frame"] = callgrind_total(floor_go, tmp, "floor", at_dump=True)
            incident(os.path.join(tmp, "open.incident"), 10)
            fig["open_frame"] = callgrind_total(
                first_frame([os.path.join(tmp, "open.incident")], b"(page 1 of"), tmp, "open",
                at_dump=True)
    shutil.rmtree(tmp, ignore_errors=True)
    return fig


def dialog_figures(smoke):
    if not shutil.which("dialog"):
        return None
    tmp = tempfile.mkdtemp(prefix="dialog-bench-")
    env = dict(ENV_BASE, HOME=tmp)
    fig = {}
    if want("typing"):
        p = Pty(["dialog", "--inputbox", "bench", "10", "70", "abc"], env)
        p.read_quiet(0.5)
        fig["eol_ascii"] = per_key_bytes(p, [b"a"] * (3 if smoke else 5))
        fig["eol_ja"] = per_key_bytes(p, ["あ".encode()] * (3 if smoke else 5))
        p.send(b"\x1bOH")  # Home (xterm's keypad mode, as dialog sets it)
        p.read_quiet(0.3)
        fig["sol_ascii"] = per_key_bytes(p, [b"b"] * (3 if smoke else 5))
        fig["sol_ja"] = per_key_bytes(p, ["い".encode()] * (3 if smoke else 5))
        p.send(b"\x1b")
        p.close()
    if want("space"):
        p = Pty(["dialog", "--checklist", "bench", "15", "60", "6"] +
                sum([["t%d" % i, "item %d" % i, "off"] for i in range(6)], []), env)
        p.read_quiet(0.5)
        fig["space"] = per_key_bytes(p, [b" "] * (2 if smoke else 6), 0.3)
        p.send(b"\x1b")
        p.close()
    if want("rss"):
        rss = []
        for _ in range(2 if smoke else 5):
            p = Pty(["dialog", "--inputbox", "bench", "10", "70"], env)
            p.read_quiet(0.5)
            kb = vm_hwm(p.pid)
            if kb:
                rss.append(kb)
            p.send(b"\x1b")
            p.close()
        if rss:
            fig["rss_kb"] = median(rss)
    if shutil.which("valgrind") and not smoke:
        def cg(args, keys, tag):
            def go(wrap):
                p = Pty(wrap + ["dialog"] + args, env)
                p.read_quiet(1.0)
                if not keys:
                    frame_dump(p, wrap)
                for _ in range(keys):
                    p.send(b"a")
                    p.read_quiet(0.6)
                p.send(b"\x1b")
                p.close()
            return callgrind_total(go, tmp, tag, at_dump=not keys)
        box = ["--inputbox", "bench", "10", "70"]
        if want("perkey"):
            base, more = cg(box, 5, "d5"), cg(box, 25, "d25")
            if base and more:
                fig["ipk_10"] = (more - base) / 20
        if want("frames"):
            fig["open_frame"] = cg(box, 0, "d0")
            fig["exec_frame"] = cg(["--msgbox", "bench", "6", "40"], 0, "dm")
    shutil.rmtree(tmp, ignore_errors=True)
    return fig


def fmt(v, kind):
    if v is None:
        return "—"
    if kind == "M":
        return "%.2f M" % (v / 1e6)
    if kind == "MB":
        return "%.1f MB" % (v / 1024)
    if kind == "s":
        return "%.2f s" % v
    if kind == "ms":
        return "%.0f ms" % (v * 1000)
    return "%g" % v


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    prog = os.path.abspath(sys.argv[1])
    smoke = "--smoke" in sys.argv
    global ONLY
    for a in sys.argv[2:]:
        if a.startswith("--only="):
            ONLY = set(a.split("=", 1)[1].split(","))
    t = todoke_figures(prog, smoke)
    d = dialog_figures(smoke) or {}
    if not d:
        print("dialog is not installed: todoke's figures only (apt-get install dialog)")
    if not shutil.which("valgrind"):
        print("valgrind is not installed: no instruction counts")
    ratio = None
    if t.get("ipk_10") and t.get("ipk_10000"):
        ratio = t["ipk_10000"] / t["ipk_10"]
    D = lambda k: d.get(k)
    rows = [
        # figure, todoke, dialog, goal text, verdict
        ("exec → first frame (instructions)", fmt(t.get("exec_frame"), "M"), fmt(D("exec_frame"), "M"),
         "≤ 0.5× dialog", t.get("exec_frame") and D("exec_frame") and t["exec_frame"] <= 0.5 * D("exec_frame")),
        ("same, curses' set-up alone (tests/bench/floor.c)", fmt(t.get("floor_frame"), "M"), "—",
         "—", None),
        ("open an incident → first frame", fmt(t.get("open_frame"), "M"), fmt(D("open_frame"), "M"),
         "≤ dialog", t.get("open_frame") and D("open_frame") and t["open_frame"] <= D("open_frame")),
        ("peak RSS at first frame", fmt(t.get("rss_kb"), "MB"), fmt(D("rss_kb"), "MB"), "≤ dialog",
         t.get("rss_kb") and D("rss_kb") and t["rss_kb"] <= D("rss_kb")),
        ("bytes per typed char, end of line, ASCII", fmt(t.get("eol_ascii"), ""), fmt(D("eol_ascii"), ""),
         "≤ 8", t.get("eol_ascii") is not None and t["eol_ascii"] <= 8),
        ("bytes per typed char, end of line, Japanese", fmt(t.get("eol_ja"), ""), fmt(D("eol_ja"), ""),
         "≤ 10", t.get("eol_ja") is not None and t["eol_ja"] <= 10),
        ("bytes per typed char, start of line, ASCII", fmt(t.get("sol_ascii"), ""), fmt(D("sol_ascii"), ""),
         "≤ 16", t.get("sol_ascii") is not None and t["sol_ascii"] <= 16),
        ("bytes per typed char, start of line, Japanese", fmt(t.get("sol_ja"), ""), fmt(D("sol_ja"), ""),
         "≤ 16", t.get("sol_ja") is not None and t["sol_ja"] <= 16),
        ("checklist Space (bytes)", fmt(t.get("space"), ""), fmt(D("space"), ""), "≤ dialog",
         t.get("space") is not None and D("space") is not None and t["space"] <= D("space")),
        ("instructions per key, 10,000 ÷ 10 lines", "%.2f×" % ratio if ratio else "—", "—", "≤ 1.2×",
         ratio is not None and ratio <= 1.2),
        ("same, 10,000 ÷ 20 lines (fields of the same height)",
         "%.2f×" % (t["ipk_10000"] / t["ipk_20"]) if t.get("ipk_20") and t.get("ipk_10000") else "—",
         "—", "—", None),
        ("instructions per key, 10-line field", fmt(t.get("ipk_10"), "M"), fmt(D("ipk_10"), "M"), "≤ dialog",
         t.get("ipk_10") and D("ipk_10") and t["ipk_10"] <= D("ipk_10")),
        ("instructions per key, 10,000-line field", fmt(t.get("ipk_10000"), "M"), "—", "—", None),
        ("start screen, 10,000 incidents, cold: exec → first frame", fmt(t.get("list_cold_first"), "ms"),
         "—", "< 100 ms, before the list is complete",
         t.get("list_cold_first") is not None and t["list_cold_first"] < 0.1 and t.get("list_first_before_done")),
        ("same, cold: exec → complete list (count in the header)", fmt(t.get("list_cold_done"), "ms"),
         "—", "—", None),
        ("same, warm (index): exec → first frame", fmt(t.get("list_warm_first"), "ms"), "—", "< 100 ms",
         t.get("list_warm_first") is not None and t["list_warm_first"] < 0.1),
        ("same, warm (index): exec → complete list", fmt(t.get("list_warm_done"), "ms"), "—", "< 100 ms",
         t.get("list_warm_done") is not None and t["list_warm_done"] < 0.1),
        ("same, cold: instructions to the first frame", fmt(t.get("list_cold_ir"), "M"), "—", "—", None),
        ("same, warm: instructions to the first (complete) frame", fmt(t.get("list_warm_ir"), "M"), "—", "—", None),
        ("same, instructions per key (Down), list complete", fmt(t.get("list_key_ir"), "M"), "—", "—", None),
        ("1 MB paste (bracketed)", fmt(t.get("paste_s"), "s") + ("" if t.get("paste_ok") else ", TEXT LOST"),
         "—", "< 0.5 s, nothing lost", t.get("paste_ok") and t.get("paste_s", 9) < 0.5),
    ]
    def secs(*keys):
        vs = [t.get(k) for k in keys]
        return None if None in vs else sum(vs)
    def ms(v):
        return "—" if v is None else "%.0f ms" % (v * 1000)
    def irs(*keys):
        vs = [t.get(k) for k in keys]
        return "—" if None in vs else fmt(sum(vs), "M")
    docs = ("ipa", "ppc", "notice")
    for enc, name, goal in (("utf8", "UTF-8", 0.030), ("cp932", "CP932", 0.050)):
        for d in docs:
            rows.append(("export %s, big incident, %s (wall, instructions)" % (d, name),
                         "%s, %s" % (ms(t.get("export_%s_%s_s" % (d, enc))),
                                     irs("export_%s_%s_ir" % (d, enc))), "—", "—", None))
        total = secs(*["export_%s_%s_s" % (d, enc) for d in docs])
        rows.append(("export all three, 10,000-entry timeline + 1 MB text, %s" % name,
                     "%s, %s" % (ms(total), irs(*["export_%s_%s_ir" % (d, enc) for d in docs])),
                     "—", "< %d ms" % (goal * 1000), total is not None and total < goal))
    rows.append(("one autosave of that incident (instructions)", fmt(t.get("autosave_ir"), "M"),
                 "—", "—", None))
    if t.get("export_failed"):
        print("export failed: %s" % t["export_failed"])
    print("| figure | todoke | dialog | goal | verdict |")
    print("|---|---|---|---|---|")
    for name, tv, dv, goal, ok in rows:
        if ONLY is not None and tv.startswith("—"):
            continue  # a row of a group not run
        verdict = "—" if ok is None or (ok is not True and ok is not False and not ok and (tv == "—" or dv == "—")) else ("met" if ok else "NOT met")
        print("| %s | %s | %s | %s | %s |" % (name, tv, dv, goal, verdict))
    return 0


if __name__ == "__main__":
    sys.exit(main())
