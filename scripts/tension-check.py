#!/usr/bin/env python3
"""Checks that the score and the self stay contested on every level (issue: tension).

    cargo build --release && python3 scripts/tension-check.py [LEVEL ...]

For each level (default: every file in levels/), 200 runs from seed 11 of each strategy, and:
- authentic: the self (mean, at the end of each day) is >= 99 on at most 20% of the days,
  and the final self mean is <= 95;
- conformist: the self is <= 1 on at most 20% of the days;
- obedience: the conformist's mean >= 80 (>= 90 on mandatory), the authentic's <= 15
  (plain-credit, the control, is exempt);
- mostly-conformist / mostly-authentic reach the pure strategy's most common ending in >= 50%
  of their runs;
- the conformist's final score is clearly higher (by 10% of the score's range) and its self
  clearly lower (by 20 points) than the authentic's (plain-credit exempt).
Prints one block per level and exits 1 if anything fails.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

# Levels are read from the folder it runs in (a checkout's root), the binary from SCORED.
ROOT = Path.cwd()
BINARY = Path(os.environ.get("SCORED", ROOT / "target" / "release" / "scored"))
RUNS, SEED = 200, 11
CONTROL = {"plain-credit"}


def simulate(level, strategy):
    out = subprocess.run(
        [BINARY, "simulate", level, "--strategy", strategy, "--runs", str(RUNS),
         "--seed", str(SEED), "--json"],
        check=True, capture_output=True, text=True, cwd=ROOT,
    ).stdout
    return json.loads(out)


def share(days, test):
    return sum(1 for d in days if d is not None and test(d)) / max(len(days), 1)


def top(endings):
    return max(sorted(endings), key=lambda e: endings[e]) if endings else None


def check(level, ranges):
    runs = {s: simulate(level, s) for s in
            ["conformist", "authentic", "mostly-conformist", "mostly-authentic", "rebel"]}
    c, a = runs["conformist"], runs["authentic"]
    lo, hi = ranges
    results = []

    def claim(ok, text):
        results.append((ok, text))

    high = share(a["self_by_day"], lambda v: v >= 99)
    claim(high <= 0.2, f"authentic self >= 99 on {high:.0%} of days (<= 20%)")
    claim(a["self"]["mean"] <= 95, f"authentic final self {a['self']['mean']:.1f} (<= 95)")
    low = share(c["self_by_day"], lambda v: v <= 1)
    claim(low <= 0.2, f"conformist self <= 1 on {low:.0%} of days (<= 20%)")
    if level not in CONTROL:
        need = 90 if level == "mandatory" else 80
        co, ao = c["obedience"]["mean"], a["obedience"]["mean"]
        claim(co is not None and co >= need, f"conformist obedience {co} (>= {need})")
        claim(ao is None or ao <= 15, f"authentic obedience {ao} (<= 15)")
        gap = c["score"]["mean"] - a["score"]["mean"]
        claim(gap >= (hi - lo) / 10, f"conformist score - authentic = {gap:.0f} (>= {(hi - lo) / 10:.0f})")
        sgap = a["self"]["mean"] - c["self"]["mean"]
        claim(sgap >= 20, f"authentic self - conformist = {sgap:.0f} (>= 20)")
    for pure in ["conformist", "authentic"]:
        want = top(runs[pure]["endings"])
        got = runs["mostly-" + pure]["endings"].get(want, 0) / RUNS
        claim(got >= 0.5, f"mostly-{pure} reaches {want} in {got:.0%} (>= 50%)")
    print(f"== {level}")
    for s, r in runs.items():
        print(f"   {s:18} score {r['score']['mean']:6.1f}  self {r['self']['mean']:5.1f}  "
              f"obedience {r['obedience']['mean']}  money {r['money']['mean']:7.1f}  {r['endings']}")
    for ok, text in results:
        print(f"   {'ok  ' if ok else 'FAIL'} {text}")
    return all(ok for ok, _ in results)


def score_range(path):
    import re
    text = path.read_text()
    m = re.search(r"score:\s*\(\s*name:[^\n]*\n\s*min:\s*(-?\d+),\s*\n\s*max:\s*(-?\d+)", text)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 1000)


def main():
    levels = sys.argv[1:] or sorted(p.stem for p in (ROOT / "levels").glob("*.ron"))
    ok = True
    for level in levels:
        ok &= check(level, score_range(ROOT / "levels" / f"{level}.ron"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
