#!/usr/bin/env python3
"""The documented manual review of docker/Dockerfile*, made mechanical (hadolint is not installable here).

Checks: base images pinned to a tag (never `latest`, never untagged); the runtime stage identical in both
files (so the image built from source is the image built from the jar); a non-root numeric USER before the
ENTRYPOINT; exec-form ENTRYPOINT that `exec`s java (PID 1 gets SIGTERM); a HEALTHCHECK on /q/health/ready;
EXPOSE 8080; no ADD, no sudo, no apt-get without cleanup, no secrets in ENV; every COPY source admitted by
the allow-list .dockerignore; nothing secret or bulky admitted by it.
"""
import fnmatch
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
failures = []


def instructions(path):
    """Dockerfile instructions with continuations joined, comments dropped: [(line, KEYWORD, args)]."""
    out, buf, start = [], "", 0
    for n, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.strip()
        if not buf and (not line or line.startswith("#")):
            continue
        if not buf:
            start = n
        if line.endswith("\\"):
            buf += line[:-1] + " "
            continue
        buf += line
        keyword, _, args = buf.partition(" ")
        out.append((start, keyword.upper(), args.strip()))
        buf = ""
    return out


def runtime_stage(ins):
    last_from = max(i for i, (_, k, _) in enumerate(ins) if k == "FROM")
    return [(k, re.sub(r"--from=\S+ /build/", "", a)) for _, k, a in ins[last_from:]]


def ignored(rel, patterns):
    """Docker's .dockerignore semantics for these simple patterns: the last matching pattern decides."""
    result = False
    parts = rel.split("/")
    for neg, pat in patterns:
        for i in range(1, len(parts) + 1):
            if fnmatch.fnmatchcase("/".join(parts[:i]), pat):
                result = not neg
                break
    return result


files = {name: instructions(ROOT / "docker" / name) for name in ("Dockerfile", "Dockerfile.jvm")}
for name, ins in files.items():
    where = f"docker/{name}"
    for line, k, a in ins:
        if k == "FROM":
            image = a.split()[0]
            if ":" not in image or image.endswith(":latest"):
                failures.append(f"{where}:{line}: base image {image} is not pinned to a tag")
        if k == "ADD":
            failures.append(f"{where}:{line}: use COPY, not ADD")
        if k == "RUN" and re.search(r"\bsudo\b", a):
            failures.append(f"{where}:{line}: sudo in RUN")
        if k == "RUN" and "apt-get install" in a and "rm -rf /var/lib/apt/lists" not in a:
            failures.append(f"{where}:{line}: apt-get install without cleaning the lists")
        if k == "ENV" and re.search(r"(PASSWORD|SECRET|TOKEN)\w*=", a, re.I):
            failures.append(f"{where}:{line}: a secret in ENV")
    stage = runtime_stage(ins)
    keywords = [k for k, _ in stage]
    users = [a for k, a in stage if k == "USER"]
    if not users or not users[-1].isdigit() or users[-1] == "0":
        failures.append(f"{where}: the runtime stage must switch to a numeric non-root USER")
    elif keywords.index("USER") > keywords.index("ENTRYPOINT"):
        failures.append(f"{where}: USER must come before ENTRYPOINT")
    entry = [a for k, a in stage if k == "ENTRYPOINT"]
    if len(entry) != 1:
        failures.append(f"{where}: exactly one ENTRYPOINT")
    else:
        argv = json.loads(entry[0])
        if argv[:2] != ["sh", "-c"] or not argv[2].startswith("exec java "):
            failures.append(f"{where}: ENTRYPOINT must be exec form and exec java (PID 1 receives SIGTERM)")
    health = [a for k, a in stage if k == "HEALTHCHECK"]
    if len(health) != 1 or "/q/health/ready" not in health[0]:
        failures.append(f"{where}: HEALTHCHECK on /q/health/ready missing")
    if ("EXPOSE", "8080") not in stage:
        failures.append(f"{where}: EXPOSE 8080 missing")

if runtime_stage(files["Dockerfile"]) != runtime_stage(files["Dockerfile.jvm"]):
    failures.append("the runtime stages of docker/Dockerfile and docker/Dockerfile.jvm differ")

patterns = []
for raw in (ROOT / ".dockerignore").read_text().splitlines():
    raw = raw.strip()
    if raw and not raw.startswith("#"):
        neg = raw.startswith("!")
        patterns.append((neg, raw.lstrip("!").strip("/")))
needed = set()
for name, ins in files.items():
    for line, k, a in ins:
        if k == "COPY" and "--from=" not in a:
            sources = [s for s in a.split() if not s.startswith("--")][:-1]
            needed.update(s.rstrip("/").replace("*.jar", "quarkus-run.jar") for s in sources)
for src in sorted(needed):
    if ignored(src, patterns):
        failures.append(f".dockerignore excludes {src}, which a Dockerfile copies")
for unwanted in (".git", "docker/.env", ".threshold-dev", "src/test", "target/classes", "bench", "README.md"):
    if not ignored(unwanted, patterns):
        failures.append(f".dockerignore admits {unwanted}")

if failures:
    print("\n".join("  FAIL " + f for f in failures))
    sys.exit(1)
print(f"  ok: Dockerfile and Dockerfile.jvm pass the review ({len(needed)} COPY sources admitted by .dockerignore)")
