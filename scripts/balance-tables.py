#!/usr/bin/env python3
"""Rewrites the balance table in each level's header comment from what the bots do now.

    cargo build --release && python3 scripts/balance-tables.py [levels/NAME.ron ...]

A table is the block of `//   persona      strategy   score self ...` rows under a
`// Balance:` line that names its run count (`--runs N`, seeds 1-N). The personas and
strategies stay in the table's order; only the numbers are rewritten. Prose around a table
that quotes its numbers is not touched: read it again after a change to the game's chance.
"""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("SCORED", ROOT / "target" / "release" / "scored"))
ROW = re.compile(r"^//   (\S+)\s+(conformist|authentic|rebel|random)\s")


def simulate(level, persona, strategy, runs):
    out = subprocess.run(
        [BINARY, "simulate", level, "--persona", persona, "--strategy", strategy,
         "--runs", str(runs), "--seed", "1", "--json"],
        check=True, capture_output=True, text=True, cwd=ROOT,
    ).stdout
    return json.loads(out)


def endings(counts, runs, shares):
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if shares:
        return ", ".join(f"{e} {round(n * 100 / runs)}%" for e, n in ranked)
    return ", ".join(f"{e} {n}" for e, n in ranked)


def rewrite(path):
    lines = path.read_text().split("\n")
    level = path.stem
    runs, money, changed = None, False, 0
    for i, line in enumerate(lines):
        if line.startswith("// Balance:"):
            found = re.search(r"--runs (\d+)", line)
            runs = int(found.group(1)) if found else None
        elif line.startswith("//   persona"):
            money = " money " in line
        elif runs and (row := ROW.match(line)):
            persona, strategy = row.groups()
            r = simulate(level, persona, strategy, runs)
            new = f"//   {persona:<12} {strategy:<10} {round(r['score']['mean']):>5} " \
                  f"{round(r['self']['mean']):>4}"
            if money:
                new += f" {round(r['money']['mean']):>5}"
            new += "  " + endings(r["endings"], runs, shares=money)
            changed += new != line
            lines[i] = new
        elif not line.startswith("//"):
            break
    path.write_text("\n".join(lines))
    print(f"{path.relative_to(ROOT)}: {changed} rows changed")


if __name__ == "__main__":
    paths = [Path(p).resolve() for p in sys.argv[1:]] or sorted((ROOT / "levels").glob("*.ron"))
    for p in paths:
        rewrite(p)
