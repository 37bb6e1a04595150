#!/usr/bin/env python3
"""Turns divan's output of benches/render.rs or benches/parse.rs into BENCHMARKS.md's ratios.

    cargo bench --bench render | python3 benches/ratios.py
    cargo bench --bench parse | python3 benches/ratios.py
    python3 benches/ratios.py run1.txt run2.txt run3.txt

Reads the median column of each benchmark and prints, per family, ours against hand-written
(and, for render, the fixed-message body against copying the finished bytes). Given several
saved runs, each benchmark's time is the median of its medians across them: on a shared
machine one run can catch a slow moment for one side of a ratio only.
"""

import re
import statistics
import sys

UNITS = {"ns": 1.0, "µs": 1e3, "ms": 1e6, "s": 1e9}


def medians(lines):
    """{(family, bench, arg): nanoseconds} from divan's tree; arg is '' for a bench without."""
    out, family, bench = {}, None, None
    for line in lines:
        cells = line.rstrip("\n").split("│")
        head = "│".join(cells[:-5])
        m = re.search(r"[├╰]─ (\w+)\s*(.*)$", head)
        if not m or len(cells) < 4:
            continue
        name, rest = m.group(1), m.group(2).strip()
        depth = m.start()
        if depth == 0:
            family, bench = name, None
            continue
        median = cells[-4].strip()
        value = float(median.split()[0]) * UNITS[median.split()[1]] if median else None
        if name in ("interpolated", "static"):
            out[(family, bench, name)] = value
        else:
            bench = name
            if rest:
                out[(family, bench, "")] = value
    return out


def main():
    if len(sys.argv) > 1:
        runs = []
        for path in sys.argv[1:]:
            with open(path, encoding="utf-8") as f:
                runs.append(medians(f))
        m = {k: statistics.median(run[k] for run in runs) for k in runs[0]}
    else:
        m = medians(sys.stdin)
    families = sorted({f for f, _, _ in m}, key=lambda f: list(dict.fromkeys(k[0] for k in m)).index(f))
    fmt = lambda ns: f"{ns:.0f} ns" if ns < 1000 else f"{ns / 1000:.2f} µs"
    if any(b == "body_ours" for _, b, _ in m):
        print("| family | variant | response: ours / hand | body: ours / hand | body: ours / copy |")
        print("| --- | --- | --- | --- | --- |")
        for f in families:
            for v in ("interpolated", "static"):
                ro, rh = m[(f, "response_ours", v)], m[(f, "response_hand", v)]
                bo, bh = m[(f, "body_ours", v)], m[(f, "body_hand", v)]
                copy = f"{bo / m[(f, 'body_copy', '')]:.1f} ({fmt(bo)} / {fmt(m[(f, 'body_copy', '')])})" if v == "static" else "–"
                print(f"| {f} | {v} | **{ro / rh:.2f}** ({fmt(ro)} / {fmt(rh)}) | **{bo / bh:.2f}** ({fmt(bo)} / {fmt(bh)}) | {copy} |")
    else:
        print("| family | parse: ours / hand | parse + from_fault: ours / hand |")
        print("| --- | --- | --- |")
        for f in families:
            p, ff, h = m[(f, "parse_ours", "")], m[(f, "from_fault_ours", "")], m[(f, "hand", "")]
            print(f"| {f} | {p / h:.2f} ({fmt(p)} / {fmt(h)}) | **{ff / h:.2f}** ({fmt(ff)} / {fmt(h)}) |")


if __name__ == "__main__":
    main()
