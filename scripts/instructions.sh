#!/usr/bin/env bash
# Instructions per bot playthrough, counted by callgrind: unlike timings they repeat exactly
# on a busy machine. The cost of starting the process and loading the level is taken out by
# subtracting a run of one game from a run of 41.
#   cargo build --release && bash scripts/instructions.sh [LEVEL] [STRATEGY] [BINARY]
set -euo pipefail
level=${1:-mandatory}
strategy=${2:-random}
bin=${3:-"$(dirname "$0")/../target/release/scored"}
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" simulate "$level" \
        --strategy "$strategy" --runs "$1" --threads 1 --json 2>&1 >/dev/null |
        grep -o 'refs: *[0-9,]*' | tr -dc 0-9
}
many=$(count 41)
one=$(count 1)
echo "$level $strategy: $(( (many - one) / 40 )) instructions per playthrough"
