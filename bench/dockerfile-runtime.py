#!/usr/bin/env python3
"""Prints, as shell assignments, what a Dockerfile's last stage tells a container to run: WORKDIR, USER,
ENV, ENTRYPOINT, HEALTHCHECK and the COPY sources and destinations. bench/entrypoint-check.sh evals it, so
that it runs exactly what the image would, read from the file rather than retyped."""
import json
import re
import shlex
import sys

lines, buf = [], ""
for raw in open(sys.argv[1]).read().splitlines():
    s = raw.strip()
    if not buf and (not s or s.startswith("#")):
        continue
    if s.endswith("\\"):
        buf += s[:-1] + " "
        continue
    lines.append(buf + s)
    buf = ""
start = max(i for i, l in enumerate(lines) if l.upper().startswith("FROM "))
out = {"WORKDIR": "/", "USER": "0"}
env, copies = [], []
for l in lines[start:]:
    keyword, _, args = l.partition(" ")
    keyword, args = keyword.upper(), args.strip()
    if keyword in ("WORKDIR", "USER"):
        out[keyword] = args
    elif keyword == "ENV":
        for k, v in re.findall(r'(\w+)=("(?:[^"\\]|\\.)*"|\S*)', args):
            env.append(f"{k}={json.loads(v) if v.startswith(chr(34)) else v}")
    elif keyword == "ENTRYPOINT":
        out["ENTRYPOINT"] = json.loads(args)
    elif keyword == "HEALTHCHECK":
        out["HEALTHCHECK"] = json.loads(args[args.index("CMD ") + 4:])
    elif keyword == "COPY":
        parts = [p for p in args.split() if not p.startswith("--")]
        copies += [f"{src}|{parts[-1]}" for src in parts[:-1]]
print(f"IMG_WORKDIR={shlex.quote(out['WORKDIR'])}")
print(f"IMG_USER={shlex.quote(out['USER'])}")
for name, values in (("IMG_ENV", env), ("IMG_ENTRYPOINT", out["ENTRYPOINT"]),
                     ("IMG_HEALTHCHECK", out["HEALTHCHECK"]), ("IMG_COPY", copies)):
    print(f"{name}=({' '.join(shlex.quote(v) for v in values)})")
