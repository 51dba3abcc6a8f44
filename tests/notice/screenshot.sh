#!/bin/sh
# The notice page in a real browser: headless Chromium renders it at a
# phone's width (390 px) and takes a screenshot; Python (zlib, struct)
# decodes the PNG and checks that it is 390 px wide and not blank; then it
# prints the page to PDF, which must hold pages with text.
# Passes with "skipped: no chromium" where there is no Chromium.
# Usage: tests/notice/screenshot.sh [NOTICE.html]   (default: the skimming golden)
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
page=${1:-$here/golden/notice/skimming.html}
case $page in /*) ;; *) page=$(pwd)/$page ;; esac

browser=""
for b in ${CHROMIUM:-} chromium chromium-browser google-chrome; do
	if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
	echo "screenshot: skipped: no chromium"
	exit 0
fi
. "$here/lib.sh"
[ -f "$page" ] || { bad "no page $page"; finish screenshot; exit; }

# A browser that hangs must not hang the tests.
limit=""
command -v timeout >/dev/null 2>&1 && limit="timeout 120"
# $limit is a command and its argument, or nothing: split on purpose.
# shellcheck disable=SC2086
$limit "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --no-first-run --user-data-dir="$tmp/profile" \
	--hide-scrollbars --window-size=390,1200 --screenshot="$tmp/shot.png" \
	"file://$page" >"$tmp/log" 2>&1
rc=$?
if [ ! -s "$tmp/shot.png" ]; then
	bad "$browser wrote no screenshot (exit $rc)"
	tail -20 "$tmp/log"
	finish screenshot
	exit
fi

python3 - "$tmp/shot.png" <<'PY'
import struct, sys, zlib

data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, ihdr = 8, b'', None
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    crc, = struct.unpack('>I', data[pos + 8 + n:pos + 12 + n])
    assert zlib.crc32(kind + body) & 0xffffffff == crc, 'bad CRC in %r' % kind
    if kind == b'IHDR':
        ihdr = struct.unpack('>IIBBBBB', body)
    elif kind == b'IDAT':
        idat += body
    elif kind == b'IEND':
        break
    pos += 12 + n
w, h, depth, ctype, _, _, interlace = ihdr
channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
assert depth == 8 and channels and interlace == 0, 'unexpected PNG format %r' % (ihdr,)
raw = zlib.decompress(idat)
stride = w * channels
prev = bytearray(stride)
ink = 0
pos = 0
for y in range(h):
    f = raw[pos]
    line = bytearray(raw[pos + 1:pos + 1 + stride])
    pos += 1 + stride
    for i in range(stride):
        a = line[i - channels] if i >= channels else 0
        b = prev[i]
        c = prev[i - channels] if i >= channels else 0
        if f == 1:
            line[i] = (line[i] + a) & 0xff
        elif f == 2:
            line[i] = (line[i] + b) & 0xff
        elif f == 3:
            line[i] = (line[i] + ((a + b) >> 1)) & 0xff
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + pred) & 0xff
        else:
            assert f == 0, 'bad filter %d' % f
    colour = channels if channels in (1, 3) else channels - 1
    for x in range(0, stride, channels):
        if min(line[x:x + colour]) < 200:
            ink += 1
    prev = line
share = ink / (w * h)
print('screenshot: %dx%d, %.1f%% of the pixels inked' % (w, h, share * 100))
ok = True
if w != 390:
    print('screenshot: FAIL: %d px wide, not 390' % w); ok = False
if not 0.005 <= share <= 0.5:
    print('screenshot: FAIL: %.2f%% inked: blank or black, not a page of text' % (share * 100)); ok = False
sys.exit(0 if ok else 1)
PY
rc=$?
# Printed: the same page as a PDF, A4 by Chromium's default; it must come
# out as pages with the text in them, not an empty sheet.
# shellcheck disable=SC2086
$limit "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --no-first-run --user-data-dir="$tmp/profile" \
	--no-pdf-header-footer --print-to-pdf="$tmp/print.pdf" "file://$page" >"$tmp/log" 2>&1
if python3 - "$tmp/print.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read()
pages = len(re.findall(rb'/Type\s*/Page\b', data))
fonts = len(re.findall(rb'/Type\s*/Font\b', data))
print('print: %d page(s), %d font(s), %d bytes' % (pages, fonts, len(data)))
sys.exit(0 if data[:5] == b'%PDF-' and pages >= 1 and fonts >= 1 else 1)
PY
then :; else echo "print: FAIL: no printable PDF"; rc=1; fi
if [ "$rc" -eq 0 ]; then
	ok
	[ -n "${SCREENSHOT_KEEP:-}" ] && cp "$tmp/shot.png" "$SCREENSHOT_KEEP"
else
	bad "the page at 390 px or printed (above)"
fi
finish screenshot
