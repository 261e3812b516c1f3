#!/usr/bin/env python3
"""EdgeInputsBenchmark JSON -> Markdown: ns/element on normal3 and each edge distribution's time over it, per kernel.

Usage: python3 tools/edge_summary.py jmh.json [more.json ...]  (one table per file)
"""
import json
import sys

SIZE = 4096
DISTS = ["normal3", "tiny", "subnormal", "large", "huge", "special"]


def table(path):
    rows = {}
    flags = ""
    for b in json.load(open(path)):
        p = b["params"]
        rows.setdefault(p["kernel"], {})[p["dist"]] = b["primaryMetric"]["score"] / SIZE
        flags = " ".join(a for a in b.get("jvmArgs", []) if a.startswith("-XX"))
    print(f"### {path}" + (f" ({flags})" if flags else ""))
    print()
    print("| kernel | normal3 ns/element | " + " | ".join(d for d in DISTS[1:]) + " |")
    print("|---|---|" + "---|" * (len(DISTS) - 1))
    for k, d in rows.items():
        base = d.get("normal3")
        cells = [f"{d[x] / base:.2f}x" if x in d and base else "-" for x in DISTS[1:]]
        print(f"| {k} | {base:.3f} | " + " | ".join(cells) + " |")
    print()


for f in sys.argv[1:]:
    table(f)
