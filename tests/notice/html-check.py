#!/usr/bin/env python3
"""The notice's HTML read by a real parser (Python's html.parser, stdlib).

Usage: html-check.py FILE...     check each file; exit 1 if any fails
       html-check.py --self-test  broken documents must fail, a good one pass

What a notice page must be: <!DOCTYPE html> first; <html lang="ja">;
<meta charset="utf-8"> and a viewport meta; a non-empty <title>; every tag
closed in order (HTML5 void elements excepted); no <script>, no event
handler attribute, no external resource (src= or href= to http(s) or //,
url() in a style) — but a link <a href> the reader follows, to https:,
http:, tel: or mailto: only (the inquiry window); exactly one <h1>; <h2> numbered 1. 2. 3. … with no gap
and each <h3> under it (1) (2) … in turn.
"""
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
EXTERNAL = re.compile(r"^\s*(https?:|//|ftp:|file:)", re.I)
LINK = re.compile(r"^(https?://[^\s]+|tel:\+?[0-9][0-9-]*|mailto:[^\s@]+@[^\s@]+)$", re.I)


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.stack = []
        self.doctype = None
        self.html_lang = None
        self.charset = False
        self.viewport = False
        self.title = None
        self.h1 = 0
        self.h2 = []
        self.h3 = []           # (number of the h2 above, text)
        self.text = None       # collecting: [tag, text]
        self.in_style = False
        self.style = ""        # the text of the <style> elements

    def where(self):
        line, col = self.getpos()
        return "line %d, column %d" % (line, col + 1)

    def bad(self, msg):
        self.problems.append("%s: %s" % (self.where(), msg))

    def handle_decl(self, decl):
        if self.doctype is None:
            self.doctype = decl

    def attrs_check(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.bad("<%s> has an event handler attribute %s=" % (tag, name))
            if tag == "a" and name == "href":
                if value is None or not LINK.match(value):
                    self.bad("<a href=\"%s\">: a link goes to https:, tel: or mailto:" % value)
                continue
            if name in ("src", "href", "action", "formaction", "poster", "data") and \
                    value is not None and EXTERNAL.match(value):
                self.bad("<%s %s=\"%s\"> loads an external resource" % (tag, name, value))
            if name == "src":
                self.bad("<%s> has src=: a notice embeds nothing" % tag)
            if name == "style" and value and re.search(r"url\s*\(", value, re.I):
                self.bad("<%s style> loads a resource with url()" % tag)

    def start(self, tag, attrs, closed):
        a = dict(attrs)
        self.attrs_check(tag, attrs)
        if tag == "script":
            self.bad("<script> in the notice")
        if tag in ("iframe", "object", "embed", "base", "form"):
            self.bad("<%s> in the notice" % tag)
        if tag == "link":
            self.bad("<link>: the style must be inline")
        if tag == "html":
            if self.stack:
                self.bad("<html> not at the top")
            self.html_lang = a.get("lang")
        if tag == "meta":
            if "charset" in a:
                if (a["charset"] or "").lower() != "utf-8":
                    self.bad("<meta charset=\"%s\">, not utf-8" % a["charset"])
                else:
                    self.charset = True
            if a.get("name") == "viewport":
                if "width=device-width" in (a.get("content") or "").replace(" ", ""):
                    self.viewport = True
                else:
                    self.bad("viewport meta without width=device-width")
        if tag == "title":
            if self.title is not None:
                self.bad("a second <title>")
        if tag == "h1":
            self.h1 += 1
        if tag in ("title", "h1", "h2", "h3"):
            if self.text is not None:
                self.bad("<%s> inside <%s>" % (tag, self.text[0]))
            self.text = [tag, ""]
        if tag == "style":
            self.in_style = True
        if tag in VOID or closed:
            if closed and tag not in VOID:
                self.bad("<%s/>: only void elements may be self-closed" % tag)
            return
        self.stack.append((tag, self.where()))

    def handle_starttag(self, tag, attrs):
        self.start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self.start(tag, attrs, True)

    def handle_endtag(self, tag):
        if tag in VOID:
            self.bad("</%s>: a void element has no end tag" % tag)
            return
        if not self.stack:
            self.bad("</%s> closes nothing" % tag)
            return
        top, at = self.stack[-1]
        if top != tag:
            self.bad("</%s> closes <%s> (opened at %s)" % (tag, top, at))
            # Recover: pop to the matching element if there is one.
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i][0] == tag:
                    del self.stack[i:]
                    break
        else:
            self.stack.pop()
        if tag == "style":
            self.in_style = False
        if self.text is not None and self.text[0] == tag:
            text = self.text[1].strip()
            if tag == "title":
                self.title = text
            elif tag == "h1" and not text:
                self.bad("empty <h1>")
            elif tag == "h2":
                self.h2.append(text)
            elif tag == "h3":
                self.h3.append((len(self.h2), text))
            self.text = None

    def handle_data(self, data):
        if self.text is not None:
            self.text[1] += data
        if self.in_style:
            self.style += data
        if self.in_style and re.search(r"url\s*\(|@import", data, re.I):
            self.bad("the style loads a resource (url() or @import)")

    def finish(self, raw):
        self.close()
        for tag, at in self.stack:
            self.problems.append("<%s> opened at %s is never closed" % (tag, at))
        if not raw.startswith("<!DOCTYPE html>"):
            self.problems.append("does not start with <!DOCTYPE html>")
        if self.doctype is None or self.doctype.lower() != "doctype html":
            self.problems.append("no HTML5 doctype (<!DOCTYPE html>)")
        if self.html_lang != "ja":
            self.problems.append("<html lang=\"ja\"> missing (lang=%r)" % self.html_lang)
        if not self.charset:
            self.problems.append("<meta charset=\"utf-8\"> missing")
        if not self.viewport:
            self.problems.append("viewport meta missing")
        if not self.title:
            self.problems.append("no <title>, or an empty one")
        # Printable: the page says how it prints (no narrow column, no
        # heading left alone at the foot of a page).
        if not re.search(r"@media\s+print\s*\{", self.style):
            self.problems.append("no @media print rules in the style")
        if self.h1 != 1:
            self.problems.append("%d <h1> (exactly one expected)" % self.h1)
        for i, text in enumerate(self.h2, 1):
            if not text.startswith("%d. " % i) or not text[len("%d. " % i):].strip():
                self.problems.append("<h2> number %d is \"%s\" (expected \"%d. …\")" % (i, text, i))
        subs = {}
        for sec, text in self.h3:
            subs[sec] = subs.get(sec, 0) + 1
            want = "(%d) " % subs[sec]
            if sec == 0:
                self.problems.append("<h3> \"%s\" before any <h2>" % text)
            elif not text.startswith(want) or not text[len(want):].strip():
                self.problems.append("<h3> \"%s\" under <h2> %d (expected \"%s…\")" % (text, sec, want))
        return self.problems


def check_text(raw):
    """The problems of one document, [] when it is a good notice page."""
    c = Checker()
    c.feed(raw)
    return c.finish(raw)


def check_file(path):
    data = open(path, "rb").read()
    if data.startswith(b"\xef\xbb\xbf"):
        return ["starts with a byte order mark"]
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return ["not UTF-8: %s" % e]
    return check_text(raw)


GOOD = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>お詫びとお知らせ</title>
<style>
p{margin:0}
@media print{main{max-width:none}}
</style>
</head>
<body>
<main>
<h1>お詫びとお知らせ</h1>
<p>本文<br>
改行</p>
<h2>1. 経緯</h2>
<h3>(1) 原因</h3>
<ul>
<li>項目</li>
</ul>
<h3>(2) 対象</h3>
<h2>2. 再発防止策</h2>
<p class="lines">&lt;script&gt;<br>
電話番号:<a href="tel:0120-000-000">0120-000-000</a><br>
<a href="mailto:support@example.jp">support<wbr>@example<wbr>.jp</a><br>
<a href="https://www.example.jp/">https://<wbr>www<wbr>.example<wbr>.jp/</a></p>
</main>
</body>
</html>
"""

# Each: (what is wrong, the replacement applied to GOOD).
BROKEN = [
    ("no doctype", ("<!DOCTYPE html>\n", "")),
    ("doctype not first", ("<!DOCTYPE html>\n", "\n<!DOCTYPE html>\n")),
    ("old doctype", ("<!DOCTYPE html>", '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN">')),
    ("lang missing", ('<html lang="ja">', "<html>")),
    ("lang en", ('<html lang="ja">', '<html lang="en">')),
    ("charset missing", ('<meta charset="utf-8">\n', "")),
    ("charset sjis", ('<meta charset="utf-8">', '<meta charset="shift_jis">')),
    ("not printable", ("@media print{main{max-width:none}}\n", "")),
    ("viewport missing", ('<meta name="viewport" content="width=device-width, initial-scale=1">\n', "")),
    ("empty title", ("<title>お詫びとお知らせ</title>", "<title> </title>")),
    ("no title", ("<title>お詫びとお知らせ</title>\n", "")),
    ("unclosed p", ("改行</p>", "改行")),
    ("unclosed li", ("<li>項目</li>", "<li>項目")),
    ("crossed tags", ("<li>項目</li>\n</ul>", "<li>項目</ul>\n</li>")),
    ("stray end tag", ("</main>", "</div>\n</main>")),
    ("end tag of a void element", ("改行</p>", "改行</br></p>")),
    ("script", ("</main>", "<script>alert(1)</script>\n</main>")),
    ("event handler", ('<p class="lines">', '<p class="lines" onclick="x()">')),
    ("external image", ("</main>", '<img src="http://example.com/a.png" alt="">\n</main>')),
    ("external style", ("<style>", '<link rel="stylesheet" href="https://example.com/a.css">\n<style>')),
    ("style url()", ("p{margin:0}", "p{background:url(https://example.com/x.png)}")),
    ("javascript link", ("<li>項目</li>", '<li><a href="javascript:alert(1)">項目</a></li>')),
    ("data link", ("<li>項目</li>", '<li><a href="data:text/html,x">項目</a></li>')),
    ("bad tel link", ("<li>項目</li>", '<li><a href="tel:call me">項目</a></li>')),
    ("protocol-relative link", ("<li>項目</li>", '<li><a href="//example.com/">項目</a></li>')),
    ("two h1", ("<h2>1. 経緯</h2>", "<h1>二つ目</h1>\n<h2>1. 経緯</h2>")),
    ("no h1", ("<h1>お詫びとお知らせ</h1>\n", "")),
    ("h2 gap", ("<h2>2. 再発防止策</h2>", "<h2>3. 再発防止策</h2>")),
    ("h2 unnumbered", ("<h2>1. 経緯</h2>", "<h2>経緯</h2>")),
    ("h2 number only", ("<h2>2. 再発防止策</h2>", "<h2>2. </h2>")),
    ("h3 gap", ("<h3>(2) 対象</h3>", "<h3>(3) 対象</h3>")),
    ("unclosed html", ("</html>\n", "")),
]


def self_test():
    failed = 0
    problems = check_text(GOOD)
    if problems:
        print("self-test FAIL: the good document is rejected: %s" % problems)
        failed += 1
    for what, (old, new) in BROKEN:
        assert old in GOOD, what
        doc = GOOD.replace(old, new, 1)
        if not check_text(doc):
            print("self-test FAIL: broken document accepted: %s" % what)
            failed += 1
    print("html-check self-test: %d passed, %d failed" % (len(BROKEN) + 1 - failed, failed))
    return failed == 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return 0 if self_test() else 1
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failed = 0
    for path in argv[1:]:
        problems = check_file(path)
        if problems:
            failed += 1
            for p in problems:
                print("%s: %s" % (path, p))
    print("html-check: %d passed, %d failed" % (len(argv) - 1 - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
