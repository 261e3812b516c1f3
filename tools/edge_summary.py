#!/usr/bin/env python3
"""EdgeInputsBenchmark / EdgeRowsBenchmark JSON -> Markdown: ns/element on normal3 and each edge distribution's time
over it, per kernel.

Usage: python3 tools/edge_summary.py jmh.json [more.json ...]  (one table per file)
"""
import json
import sys

SIZES = {"EdgeInputsBenchmark": 4096, "EdgeRowsBenchmark": 64 * 1000}
DISTS = {"EdgeInputsBenchmark": ["normal3", "tiny", "subnormal", "large", "huge", "special"],
         "EdgeRowsBenchmark": ["normal3", "normal30", "masked", "dominant", "large", "huge", "tiny", "subnormal",
                               "special"]}


def table(path):
    rows = {}
    flags = ""
    cls = "EdgeInputsBenchmark"
    for b in json.load(open(path)):
        p = b["params"]
        cls = b["benchmark"].split(".")[-2]
        rows.setdefault(p["kernel"], {})[p["dist"]] = b["primaryMetric"]["score"] / SIZES[cls]
        flags = " ".join(a for a in b.get("jvmArgs", []) if a.startswith("-XX"))
    print(f"### {path}" + (f" ({flags})" if flags else ""))
    print()
    dists = DISTS[cls]
    print("| kernel | normal3 ns/element | " + " | ".join(d for d in dists[1:]) + " |")
    print("|---|---|" + "---|" * (len(dists) - 1))
    for k, d in rows.items():
        base = d.get("normal3")
        cells = [f"{d[x] / base:.2f}x" if x in d and base else "-" for x in dists[1:]]
        print(f"| {k} | {base:.3f} | " + " | ".join(cells) + " |")
    print()


for f in sys.argv[1:]:
    table(f)
