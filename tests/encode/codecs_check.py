"""todoke's encodings against Python's codecs (run by tests/encode/run.sh).

A corpus of several thousand characters (JIS X 0208 and its CP932
extensions, JIS X 0212, half-width kana, ASCII, Latin-1, the Windows forms,
emoji, compatibility ideographs) is written into an answer; for each
encoding todoke offers:
  * the characters todoke refuses are exactly those Python cannot read back
    (after the one table of Windows forms), plus the documented ones that
    glibc reads otherwise (\\ and ~ in Shift_JIS);
  * what it writes of the rest is what Python writes for the same text with
    the table applied (for CP932, IBM extensions where Python uses the
    NEC-selected duplicates), and Python reads it back as that text;
  * the UTF-8 export is NFC except compatibility ideographs, kept as typed.
Then every golden incident without emoji exports in every encoding, and as
an ISO-2022-JP e-mail draft."""
import glob
import os
import shutil
import re
import subprocess
import sys
import unicodedata

prog, here = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print('FAIL:', what)
    return cond


# The one table (todoke(1), ENCODINGS): CP932 writes these as the code that
# reads back as the Windows form.
TABLE = {'cp932': {'〜': '～', '−': '－', '‖': '∥', '—': '―', '¢': '￠', '£': '￡', '¬': '￢'}}
# Refused by todoke though Python reads them back: glibc reads Shift_JIS
# 0x5C 0x7E as ¥ ‾, so \ and ~ do not survive every reader.
EXTRA = {'shift_jis': {'\\', '~'}}
PYNAME_ICONV = {'cp932': 'CP932', 'shift_jis': 'SHIFT_JIS', 'euc-jp': 'EUC-JP',
                'iso-2022-jp': 'ISO-2022-JP'}
PYNAME = {'cp932': 'cp932', 'shift_jis': 'shift_jis', 'euc-jp': 'euc_jp',
          'iso-2022-jp': 'iso2022_jp'}


def corpus():
    chars = []
    seen = set()

    def add(c):
        # As the documents hold it: NFC (Å U+212B of JIS X 0208 is Å U+00C5).
        if not re.match('[\uF900-\uFAFF\U0002F800-\U0002FA1F]', c):
            c = unicodedata.normalize('NFC', c)
        if c not in seen and c.isprintable() and not c.isspace():
            seen.add(c)
            chars.append(c)
    for c in range(0x21, 0x7F):
        add(chr(c))
    for c in range(0xA1, 0x100):
        add(chr(c))
    for c in range(0xFF61, 0xFFA0):
        add(chr(c))
    for lead in list(range(0x81, 0xA0)) + list(range(0xE0, 0xEF)) + list(range(0xFA, 0xFD)):
        for i, trail in enumerate(list(range(0x40, 0x7F)) + list(range(0x80, 0xFD))):
            # every symbol and kana; a sample of the kanji
            if lead >= 0x89 and lead not in (0xED, 0xEE, 0xFA, 0xFB) and i % 5:
                continue
            try:
                add(bytes([lead, trail]).decode('cp932'))
                add(bytes([lead, trail]).decode('shift_jis'))
            except UnicodeDecodeError:
                pass
    for row in range(0xA1, 0xFF):
        for cell in range(0xA1, 0xFF, 3):
            try:
                add(bytes([0x8F, row, cell]).decode('euc_jp'))
            except UnicodeDecodeError:
                pass
    for c in '〜−‖—¢£¬～－∥―￠￡￢¥‾😀🔔𠮷神﨑\U0002F800①㈱髙﨑':
        add(c)
    return chars


def py_ok(c, enc):
    pe = PYNAME[enc]
    w = TABLE.get(enc, {}).get(c, c)
    try:
        return w.encode(pe).decode(pe) == w
    except UnicodeError:
        return False


def write_incident(path, lines):
    base = open(here + '/golden/ipa/example.incident', encoding='utf-8').read()
    ans = 'damage.impact:\n' + ''.join('| ' + l + '\n' for l in lines)
    base = re.sub(r'^damage\.impact:\n(\|.*\n)*', lambda m: ans, base, flags=re.M)
    assert ans in base
    open(path, 'w', encoding='utf-8').write(base)


def export(inc, *args):
    p = subprocess.run([prog, 'export', 'ipa', inc, *args], capture_output=True)
    return p.returncode, p.stderr.decode('utf-8', 'replace')


chars = corpus()
lines = [''.join(chars[i:i + 40]) for i in range(0, len(chars), 40)]
write_incident('corpus.incident', lines)
rc, err = export('corpus.incident', '-o', 'corpus.utf8')
check(rc == 0, 'UTF-8 export of the corpus: ' + err[:200])
doc = open('corpus.utf8', encoding='utf-8').read()

# NFC, except compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F).
runs = re.split('[\uF900-\uFAFF\U0002F800-\U0002FA1F]', doc)
check(all(unicodedata.is_normalized('NFC', r) for r in runs), 'UTF-8 export not NFC')
check('神' in doc and '\U0002F800' in doc, 'a compatibility ideograph was normalised')
check(sum(len(l) for l in lines) > 3000, 'corpus too small')
write_incident('nfc.incident', ['か\u3099ハ\u309a e\u0301 \uFA19\u0301 \U0002F800'])
rc, err = export('nfc.incident', '-o', 'nfc.utf8')
nfc = open('nfc.utf8', encoding='utf-8').read()
check('がパ é \uFA19\u0301 \U0002F800' in nfc, 'not NFC, or a compatibility ideograph changed')
check('か\u3099' in open('nfc.incident', encoding='utf-8').read(), 'the incident changed')

for enc in ['cp932', 'shift_jis', 'euc-jp', 'iso-2022-jp']:
    pe = PYNAME[enc]
    in_doc = set(doc) - {'\n'}
    rc, err = export('corpus.incident', '-e', enc, '-o', 'x.' + enc)
    refused = {chr(int(h, 16)) for h in re.findall(r'\(U\+([0-9A-F]{4,6})\)', err)}
    check(rc == 1 and not os.path.exists('x.' + enc), enc + ': corpus not refused')
    expect = {c for c in in_doc if not py_ok(c, enc)} | (EXTRA.get(enc, set()) & in_doc)
    lax = sorted(expect - refused)
    strict = sorted(refused - expect)
    check(not lax, '%s: written though Python cannot read it back: %s' % (
        enc, ' '.join('U+%04X' % ord(c) for c in lax[:30])))
    check(not strict, '%s: refused though Python reads it back: %s' % (
        enc, ' '.join('U+%04X' % ord(c) for c in strict[:30])))
    check(len(refused) > 0, enc + ': nothing refused')

    # What is left is written as Python writes it (with the table).
    keep = [''.join(c for c in l if c not in refused) for l in lines]
    write_incident('ok.incident', [l for l in keep if l])
    export('ok.incident', '-o', 'ok.utf8')
    text = open('ok.utf8', encoding='utf-8').read()
    rc, err = export('ok.incident', '-e', enc, '-o', 'ok.' + enc)
    check(rc == 0, enc + ': convertible corpus refused: ' + err[:300])
    if rc:
        continue
    got = open('ok.' + enc, 'rb').read()
    want_text = ''.join(TABLE.get(enc, {}).get(c, c) for c in text)
    if not check(got.decode(pe, 'replace') == want_text, enc + ': Python does not read back the text'):
        continue
    want = want_text.encode(pe)
    if enc == 'cp932':
        # Python writes the NEC-selected IBM extensions (0xED40–0xEEFC), glibc
        # and Windows the IBM ones (0xFA40–0xFC4B): compare character by character.
        pos = 0
        mism = []
        for c in want_text:
            p = c.encode('cp932')
            n = 1 if pos < len(got) and (got[pos] < 0x80 or 0xA1 <= got[pos] <= 0xDF) else 2
            g = got[pos:pos + n]
            if g != p and not (g.decode('cp932', 'replace') == c and 0xED <= p[0] <= 0xEE and
                               0xFA <= g[0] <= 0xFC):
                mism.append(c)
            pos += n
        check(not mism and pos == len(got), 'cp932: bytes differ from Python beyond the IBM '
              'duplicates: ' + ' '.join('U+%04X' % ord(c) for c in mism[:20]))
    else:
        check(got == want, '%s: bytes differ from Python' % enc)

    # A long text (100 KB lines, every character written many times): its
    # bytes are those glibc's iconv gives for the whole UTF-8 document at
    # once, which todoke builds a character at a time where the encoding
    # has no shift states.
    if shutil.which('iconv'):
        joined = ''.join(l for l in keep if l)
        write_incident('long.incident', [joined * (100000 // max(len(joined), 1) + 1)] +
                       [l for l in keep if l] * 20)
        rc1, _ = export('long.incident', '-o', 'long.utf8')
        rc2, err = export('long.incident', '-e', enc, '-o', 'long.' + enc)
        whole = subprocess.run(['iconv', '-f', 'UTF-8', '-t', PYNAME_ICONV[enc], 'long.utf8'],
                               capture_output=True)
        check(rc1 == 0 and rc2 == 0 and whole.returncode == 0 and
              open('long.' + enc, 'rb').read() == whole.stdout,
              enc + ': a long text differs from iconv of the whole: ' + err[:200])

# Å typed as U+212B (JIS X 0208 has only that one) is Å U+00C5 in NFC,
# which only EUC-JP (JIS X 0212) has; --substitute writes the JIS one.
write_incident('angstrom.incident', ['10\u212B'])
rc, err = export('angstrom.incident', '-e', 'cp932', '-o', 'a.txt')
check(rc == 1 and '(U+00C5)' in err, 'cp932: Å not refused: ' + err[:200])
rc, err = export('angstrom.incident', '-e', 'cp932', '--substitute', '-o', 'a.txt')
check(rc == 0 and b'10\x81\xf0' in open('a.txt', 'rb').read(), 'cp932: Å not substituted: ' + err[:200])
rc, err = export('angstrom.incident', '-e', 'euc-jp', '-o', 'a.txt')
check(rc == 0 and '10\u00C5' in open('a.txt', 'rb').read().decode('euc_jp'), 'euc-jp: Å ' + err[:200])

# A character the document holds in NFC is still traced to its field.
base = open(here + '/golden/ipa/example.incident', encoding='utf-8').read()
open('cafe.incident', 'w', encoding='utf-8').write(
    re.sub('^reporter.org: .*$', 'reporter.org: Cafe\u0301', base, flags=re.M))
rc, err = export('cafe.incident', '-e', 'iso-2022-jp', '-o', 'c.txt')
check(rc == 1 and any('(U+00E9)' in l and '企業・組織名' in l for l in err.splitlines()),
      'é not traced to its field: ' + err[:300])

# Every golden incident without emoji: every encoding, and --eml.
for inc in sorted(glob.glob(here + '/golden/*/*.incident')):
    kind = inc.split('/')[-2]
    name = os.path.basename(inc)
    if name in ('partial.incident', 'other.incident'):
        continue   # emoji on purpose
    for enc in ['utf-8', 'cp932', 'shift_jis', 'euc-jp', 'iso-2022-jp']:
        p = subprocess.run([prog, 'export', kind, inc, '-e', enc, '-o', 'g.out'],
                           capture_output=True)
        check(p.returncode == 0, '%s/%s in %s: %s' % (kind, name, enc, p.stderr.decode()[:300]))
    p = subprocess.run([prog, 'export', kind, inc, '--eml', '-o', 'g.eml'], capture_output=True)
    check(p.returncode == 0, '%s/%s --eml: %s' % (kind, name, p.stderr.decode()[:300]))

print('encode: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
