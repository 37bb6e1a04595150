#!/usr/bin/env python3
"""Turns divan's output of benches/render.rs or benches/parse.rs into BENCHMARKS.md's ratios.

    cargo bench --bench render | python3 benches/ratios.py
    cargo bench --bench parse | python3 benches/ratios.py
    python3 benches/ratios.py run1.txt run2.txt run3.txt

Reads the median column of each benchmark and prints, per family, ours against hand-written
(and, for render, the fixed-message body against copying the finished bytes). Given several
saved runs, each ratio is the median of that ratio across the runs, shown with the times of
the run it comes from: on a shared machine a run can catch a slow spell for one side of a
ratio only, and the ratio of two medians taken from different runs would pair unlike times.
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


def rows(m):
    """{(family, variant, column): (ours, theirs)} for one run's medians."""
    out = {}
    if any(b == "body_ours" for _, b, _ in m):
        for f in dict.fromkeys(k[0] for k in m):
            for v in ("interpolated", "static"):
                out[(f, v, "response")] = (m[(f, "response_ours", v)], m[(f, "response_hand", v)])
                out[(f, v, "body")] = (m[(f, "body_ours", v)], m[(f, "body_hand", v)])
                if v == "static":
                    out[(f, v, "copy")] = (m[(f, "body_ours", v)], m[(f, "body_copy", "")])
    else:
        for f in dict.fromkeys(k[0] for k in m):
            h = m[(f, "hand", "")]
            out[(f, "", "parse")] = (m[(f, "parse_ours", "")], h)
            out[(f, "", "from_fault")] = (m[(f, "from_fault_ours", "")], h)
    return out


def main():
    if len(sys.argv) > 1:
        runs = []
        for path in sys.argv[1:]:
            with open(path, encoding="utf-8") as f:
                runs.append(rows(medians(f)))
    else:
        runs = [rows(medians(sys.stdin))]
    r = {}
    for key in runs[0]:
        pairs = sorted((run[key] for run in runs), key=lambda p: p[0] / p[1])
        r[key] = pairs[len(pairs) // 2]
    fmt = lambda ns: f"{ns:.0f} ns" if ns < 1000 else f"{ns / 1000:.2f} µs"
    cell = lambda key, bold=True, digits=2: (
        (f"**{r[key][0] / r[key][1]:.{digits}f}**" if bold else f"{r[key][0] / r[key][1]:.{digits}f}")
        + f" ({fmt(r[key][0])} / {fmt(r[key][1])})"
    )
    families = list(dict.fromkeys(k[0] for k in r))
    if any(k[2] == "body" for k in r):
        print("| family | variant | response: ours / hand | body: ours / hand | body: ours / copy |")
        print("| --- | --- | --- | --- | --- |")
        for f in families:
            for v in ("interpolated", "static"):
                copy = cell((f, v, "copy"), bold=False, digits=1) if v == "static" else "–"
                print(f"| {f} | {v} | {cell((f, v, 'response'))} | {cell((f, v, 'body'))} | {copy} |")
    else:
        print("| family | parse: ours / hand | parse + from_fault: ours / hand |")
        print("| --- | --- | --- |")
        for f in families:
            print(f"| {f} | {cell((f, '', 'parse'), bold=False)} | {cell((f, '', 'from_fault'))} |")


if __name__ == "__main__":
    main()
