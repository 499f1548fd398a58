#!/usr/bin/env bash
# Fuzzes each target (default: all four) in turn for SECONDS (default 600) each. cargo-fuzz wants nightly
# features; RUSTC_BOOTSTRAP lets the stable toolchain provide them. Findings land in
# fuzz/artifacts/<target>/; new inputs that reach new code are merged into fuzz/corpus/.
#   cargo install cargo-fuzz && bash fuzz/run.sh 600 [level] [save] [commands] [class]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(level save commands class)
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O --debug-assertions --sanitizer none
for target in "${targets[@]}"; do
    mkdir -p "artifacts/$target" "found/$target"
    # New inputs go to found/; the merge below keeps only those that add coverage.
    cargo fuzz run -O --debug-assertions --sanitizer none "$target" "found/$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="artifacts/$target/" -print_final_stats=1 || echo "$target: finding, see artifacts/$target/"
    cargo fuzz run -O --debug-assertions --sanitizer none "$target" "corpus/$target" "found/$target" -- -merge=1 >/dev/null 2>&1 || true
    rm -rf "found/$target"
done
