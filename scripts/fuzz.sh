#!/usr/bin/env bash
# Runs the fuzz targets in fuzz/ on the stable toolchain (see fuzz/README.md).
#
#   scripts/fuzz.sh run [SECONDS] [TARGET...]   fuzz each target SECONDS (default 60); a crash,
#                                               panic, timeout or leak exits non-zero
#   scripts/fuzz.sh minimize [TARGET...]        fold what runs found into fuzz/corpus/, keeping
#                                               only inputs that add coverage beyond the seeds
#
# New inputs go to fuzz/found/TARGET (not committed), never into the committed corpus, so a CI
# run leaves the tree as it was. Seeds are made from tests/data on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
shift || true
seconds=60
if [[ $mode == run && ${1:-} =~ ^[0-9]+$ ]]; then
    seconds=$1
    shift
fi

scripts/install-fuzz.sh
python3 fuzz/seeds.py
cd fuzz
# Coverage instrumentation is stable; a sanitizer is not, and the crate has no unsafe code.
build=(--sanitizer none --release --debug-assertions)
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    mapfile -t targets < <(cargo fuzz list)
fi

for target in "${targets[@]}"; do
    mkdir -p "found/$target" "corpus/$target"
    dirs=("found/$target" "corpus/$target")
    [[ -d seeds/$target ]] && dirs+=("seeds/$target")
    case $mode in
    run)
        printf '\n==> fuzz %s for %ss\n' "$target" "$seconds"
        cargo fuzz run "${build[@]}" "$target" "${dirs[@]}" -- \
            -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        ;;
    minimize)
        # libFuzzer's merge (what `cargo fuzz cmin` runs) into a directory that starts with
        # the seeds and the committed corpus, so that only finds adding coverage beyond both
        # are added (and the committed files stay as they are); edges only (no hit counts, no
        # value profile), which keeps the corpus small. Then the seeds, named like libFuzzer's
        # files by the SHA-1 of their bytes, are taken out again. To shrink the corpus from
        # scratch, empty fuzz/corpus/TARGET first.
        merged=$(mktemp -d)
        for dir in "seeds/$target" "corpus/$target"; do
            if [[ -d $dir ]] && [[ -n $(ls -A "$dir") ]]; then
                cp "$dir"/* "$merged/"
            fi
        done
        cargo fuzz run "${build[@]}" "$target" "$merged" "found/$target" -- \
            -merge=1 -use_counters=0 -use_value_profile=0
        if [[ -d seeds/$target ]]; then
            for seed in "seeds/$target"/*; do rm -f "$merged/$(basename "$seed")"; done
        fi
        rm -rf "corpus/$target"
        mv "$merged" "corpus/$target"
        chmod 755 "corpus/$target"
        printf '%s: %s corpus files\n' "$target" "$(ls "corpus/$target" | wc -l)"
        ;;
    *)
        echo "usage: scripts/fuzz.sh run [SECONDS] [TARGET...] | minimize [TARGET...]" >&2
        exit 2
        ;;
    esac
done
