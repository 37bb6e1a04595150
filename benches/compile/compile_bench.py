#!/usr/bin/env python3
"""Compile-time benchmark of `#[derive(ApiFault)]` against thiserror (issue 5, DESIGN.md §6).

    python3 benches/compile/compile_bench.py                 # N = 50, 300, 2000; 5 runs each
    python3 benches/compile/compile_bench.py --n 300 --runs 9
    python3 benches/compile/compile_bench.py --clean-runs 3  # also the clean-build comparison
    python3 benches/compile/compile_bench.py --n "" --clean-runs 5  # the clean builds only

Writes a throwaway workspace under target/compile-bench/ (gen.py), builds it once, then for
each N rebuilds each of the three crates (`thiserror_only`, `handwritten`, `apifault`) with
CARGO_INCREMENTAL=0 after touching its source, interleaved so that a change of machine load
hits all three alike, and reports medians and ratios. "rustc" is the rebuild less cargo's own
no-op time (measured the same way without the touch). Also counts the lines of each crate's
expanded source (`-Zunpretty=expanded`, through RUSTC_BOOTSTRAP=1 on stable) per variant.

With --clean-runs K, also times K clean builds (fresh target dir each, interleaved) of a crate
depending on fault-core with default features, one depending on it without them, and one
depending on thiserror + serde_json + http. CARGO_INCREMENTAL=0 throughout, as cargo builds a
crate from a registry (a path dependency would otherwise be built incrementally).

Wall-clock numbers need a quiet machine: the script prints the load average before and after.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
ROOT = REPO / "target" / "compile-bench"


def cargo(args, env=None, capture=False):
    full_env = dict(os.environ, CARGO_INCREMENTAL="0", CARGO_TERM_COLOR="never")
    full_env.update(env or {})
    result = subprocess.run(
        ["cargo", *args],
        cwd=ROOT,
        env=full_env,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"cargo {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def timed(args, env=None):
    start = time.perf_counter()
    cargo(args, env)
    return time.perf_counter() - start


def rebuilds(n, runs):
    gen.write_workspace(ROOT, REPO / "fault-core", n)
    env = {"CARGO_TARGET_DIR": str(ROOT / "target")}
    kinds = list(gen.KINDS)
    for kind in kinds:
        cargo(["build", "-p", kind], env)
    noop = statistics.median(timed(["build", "-p", "apifault"], env) for _ in range(runs))
    times = {kind: [] for kind in kinds}
    for _ in range(runs):
        for kind in kinds:
            (ROOT / kind / "lib.rs").touch()
            times[kind].append(timed(["build", "-p", kind], env))
    lines = {}
    for kind in kinds:
        expanded = cargo(
            ["rustc", "-p", kind, "--lib", "--", "-Zunpretty=expanded"],
            dict(env, RUSTC_BOOTSTRAP="1"),
            capture=True,
        )
        lines[kind] = sum(1 for line in expanded.splitlines() if line.strip())
    return {
        "n": n,
        "noop": noop,
        "median": {k: statistics.median(v) for k, v in times.items()},
        "runs": times,
        "expanded_lines": lines,
    }


def clean_builds(runs):
    gen.write_workspace(ROOT, REPO / "fault-core", 50)
    times = {name: [] for name in gen.CLEAN}
    for _ in range(runs):
        for name in gen.CLEAN:
            target = ROOT / f"clean-target-{name}"
            shutil.rmtree(target, ignore_errors=True)
            times[name].append(timed(["build", "-p", name], {"CARGO_TARGET_DIR": str(target)}))
            shutil.rmtree(target, ignore_errors=True)
    return {name: {"median": statistics.median(v), "runs": v} for name, v in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", default="50,300,2000", help="variant counts, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="rebuilds per crate and N (median)")
    parser.add_argument("--clean-runs", type=int, default=0, help="clean builds per crate (0: skip)")
    args = parser.parse_args()

    ROOT.mkdir(parents=True, exist_ok=True)
    if not (ROOT / "Cargo.lock").exists():
        # The repository's lock file pins the same dependency versions the tests use.
        shutil.copy(REPO / "Cargo.lock", ROOT / "Cargo.lock")
    load_before = os.getloadavg()[0]
    results = {"rebuild": [], "clean": None}
    for n in (int(x) for x in args.n.split(",") if x):
        results["rebuild"].append(rebuilds(n, args.runs))
    if args.clean_runs:
        results["clean"] = clean_builds(args.clean_runs)
    results["load"] = [load_before, os.getloadavg()[0]]
    (ROOT / "results.json").write_text(json.dumps(results, indent=2))

    print(f"load average (1 min): {load_before:.2f} before, {results['load'][1]:.2f} after")
    print()
    print("| N | thiserror | thiserror + hand-written | ApiFault | ApiFault with members | ApiFault / thiserror | ApiFault / hand-written | with members / without | rustc-only ratios (less cargo's no-op) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results["rebuild"]:
        m = r["median"]
        t, h, a, am = m["thiserror_only"], m["handwritten"], m["apifault"], m["apifault_members"]
        noop = r["noop"]
        net = f"{(a - noop) / (t - noop):.2f} / {(a - noop) / (h - noop):.2f} / {(am - noop) / (a - noop):.2f}"
        print(f"| {r['n']} | {t:.3f} s | {h:.3f} s | {a:.3f} s | {am:.3f} s | {a / t:.2f} | {a / h:.2f} | {am / a:.2f} | {net} |")
    print()
    print("| N | expanded lines per variant: thiserror | hand-written | ApiFault | ApiFault with members |")
    print("| --- | --- | --- | --- | --- |")
    for r in results["rebuild"]:
        lines = r["expanded_lines"]
        per = " | ".join(f"{lines[k] / r['n']:.1f}" for k in gen.KINDS)
        print(f"| {r['n']} | {per} |")
    if results["clean"]:
        base = results["clean"]["deps_baseline"]["median"]
        ours = results["clean"]["deps_fault_core"]["median"]
        print()
        print("| clean build | median |")
        print("| --- | --- |")
        print(f"| thiserror + serde_json + http | {base:.2f} s |")
        lean = results["clean"]["deps_fault_core_lean"]["median"]
        # Each run's builds ran back to back: the median of their ratios pairs like with like.
        paired = lambda name: statistics.median(
            ours / theirs
            for ours, theirs in zip(results["clean"][name]["runs"], results["clean"]["deps_baseline"]["runs"])
        )
        print(f"| fault-core (default features) | {ours:.2f} s, ratio {ours / base:.2f}, paired {paired('deps_fault_core'):.2f} |")
        print(f"| fault-core (no default features) | {lean:.2f} s, ratio {lean / base:.2f}, paired {paired('deps_fault_core_lean'):.2f} |")


if __name__ == "__main__":
    main()
