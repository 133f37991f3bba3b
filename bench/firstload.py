#!/usr/bin/env python3
"""First-load size of the web app (bench/ui.sh): fetches BASE/ and everything it references (scripts,
stylesheets, module preloads, icons, the bundle's static imports, url(...) in stylesheets, i.e. fonts and
images), and prints per file: raw bytes, gzip -6 bytes (what a compressing proxy would send), and what the
service itself sends to a browser asking for `Accept-Encoding: gzip, deflate, br`. Standard library only.

    python3 bench/firstload.py http://127.0.0.1:8080/
"""
import gzip
import re
import sys
import urllib.parse
import urllib.request

BUDGET = 150_000  # UI.md: first load (HTML, JS, CSS, fonts) at most 150 kB compressed


def fetch(url, encoding=None):
    req = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(req) as r:  # urllib never decodes: len(body) is the bytes on the wire
        return r.read(), r.headers.get("Content-Encoding") or "identity", r.headers.get("Content-Type") or ""


def references(url, body, ctype):
    text = body.decode("utf-8", "replace")
    refs = []
    if "html" in ctype:
        refs += re.findall(r'<script[^>]+src="([^"]+)"', text)
        refs += re.findall(r'<link[^>]+href="([^"]+)"', text)
    elif "javascript" in ctype:
        refs += re.findall(r'\bimport\s*(?:[\w*{}\s,$]+from\s*)?["\'](\.{0,2}/[^"\']+)["\']', text)
        refs += re.findall(r'\bimport\(\s*["\'](\.{0,2}/[^"\']+)["\']\s*\)', text)
    elif "css" in ctype:
        refs += re.findall(r'url\(\s*["\']?([^"\')]+)["\']?\s*\)', text)
        refs += re.findall(r'@import\s+["\']([^"\']+)["\']', text)
    return [urllib.parse.urljoin(url, r) for r in refs if not r.startswith("data:")]


def main(base):
    seen, queue, rows = set(), [base], []
    origin = urllib.parse.urlsplit(base).netloc
    while queue:
        url = queue.pop(0)
        if url in seen or urllib.parse.urlsplit(url).netloc != origin:
            continue
        seen.add(url)
        raw, _, ctype = fetch(url)
        sent, enc, _ = fetch(url, "gzip, deflate, br")
        rows.append((urllib.parse.urlsplit(url).path, ctype.split(";")[0], len(raw), len(gzip.compress(raw, 6)), len(sent), enc))
        queue += references(url, raw, ctype)
    print(f"{'file':44} {'type':24} {'raw':>8} {'gzip -6':>8} {'sent':>8}  encoding")
    for path, ctype, raw, gz, sent, enc in rows:
        print(f"{path:44} {ctype:24} {raw:8} {gz:8} {sent:8}  {enc}")
    raw, gz, sent = (sum(r[i] for r in rows) for i in (2, 3, 4))
    print(f"{'total (' + str(len(rows)) + ' files)':44} {'':24} {raw:8} {gz:8} {sent:8}")
    print(f"first load, gzip -6: {gz / 1000:.1f} kB of the 150 kB budget ({'within' if gz <= BUDGET else 'OVER'}); "
          f"as sent by the service: {sent / 1000:.1f} kB ({'within' if sent <= BUDGET else 'over'} the budget)")


if __name__ == "__main__":
    main(sys.argv[1])
