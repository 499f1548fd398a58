#!/usr/bin/env python3
"""Estimates how long a first game of each level takes a first-time player (issue: tension).

    cargo build --release && python3 scripts/reading-time.py [LEVEL ...]   (SEED=7 for another seed)

Plays each level (default: every file in levels/) in line mode as a newcomer does: every day it
reads the inbox and the feed, answers each waiting event, likes the newest post, shares the one
before, drafts and posts its first topic, and ends the day; on day 1 it also reads the shop once.
It counts the words the player sees for the first time: the intro, each event and post once,
every outcome and overnight line, the end screen up to the debrief. A line seen before with
other numbers (the day's end, the nightly ratings) counts only its numbers. The ids line mode shows
(`answer EVENT CHOICE`, a shop row's id, a post's number) are not counted: the full-screen game does not show
them. Rows listed again (with
new predictions or a [liked] flag), the status lines, the list of commands and the
predicted-effect lines are not counted again.

minutes = words / 200 (careful reading) + decisions * 8 s. Prints one line per level and exits 1
if a level's estimate is over 15 minutes. The figure is a model, not a stopwatch on students.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path.cwd()
BINARY = Path(os.environ.get("SCORED", ROOT / "target" / "release" / "scored"))
WPM, SECONDS_PER_DECISION, LIMIT_MINUTES = 200, 8, 15.0
SEED = int(os.environ.get("SEED", 2026))

SKIP = [
    re.compile(r"^-- Day \d+ of \d+"),
    re.compile(r"^[^:]+: (not yet switched on|\d+( \([^)]*\))?)$"),  # the status block's score,
    re.compile(r"^(Perks|Sanctions): "),  # and its perks and sanctions in force
    re.compile(r"^Self: \d+/100"),
    re.compile(r"^Waiting in your inbox:"),
    re.compile(r"^\s+(like|share|report) \("),  # predicted effects of a post
    re.compile(r"^(post|cancel) \("),  # predicted effects of a draft
    re.compile(r"^Result code: "),  # a code to hand in, not to read
    re.compile(r"^\s+\w+ \(day \d+, answered"),
    re.compile(r"^Type `help`"),
    re.compile(r"^Shop \(you have"),
    re.compile(r"^unknown command"),
    # Line mode's own bookkeeping, which the full-screen game shows as tabs and scroll marks:
    re.compile(r"^\d+ answered event\(s\) and bulletin\(s\): `inbox all`"),
    re.compile(r"^\(\d+ older posts? not shown\)"),
    re.compile(r"^Ending( title)?: "),  # the ending's id and title, for scripts
    re.compile(r"^Answer with `consent yes`"),
    re.compile(r"^Not possible: you already did that"),  # a re-like the full-screen list prevents  # the consent screen's keys, in line mode's words
]


# What a listing adds to a row it showed before: predictions, flags, numbers.
NOISE = re.compile(r"\((?:self|score|money|default)[^)]*\)|\[(?:liked|shared|reported|locked|answered|not enough money|blocked by)[^\]]*\]")


def words(line):
    return len(re.findall(r"[A-Za-z0-9'’]+", line))


def run(level, commands):
    return subprocess.run(
        [BINARY, "play", level, "--headless", "--seed", str(SEED), "--no-save"],
        input="\n".join(commands) + "\n", capture_output=True, text=True, cwd=ROOT,
    ).stdout


def play(level):
    """Plays day by day, choosing each day's commands from what the game showed that morning."""
    commands, decisions, day = ["status", "shop"], 0, 0
    while True:
        out = run(level, commands + ["inbox", "feed", "topics"])
        days = re.findall(r"-- Day (\d+) of (\d+)", out)
        if "\nEnding: " in out or not days or int(days[-1][0]) == day:
            break
        day = int(days[-1][0])
        tail = out.split("-- Day ")[-1]
        today = ["consent no"] if day == 1 and "consent yes" in out else []
        for event in dict.fromkeys(re.findall(r"^\s+answer (\S+) \S+", tail, re.M)):
            choice = re.findall(rf"^\s+answer {re.escape(event)} (\S+)", tail, re.M)[0]
            today.append(f"answer {event} {choice}")
        listing = tail.split("Topics you could post about:")[-1] if "Topics you" in tail else ""
        topics = re.findall(r"^  (\S+)\s{2,}", listing, re.M)
        posts = sorted(int(n) for n in re.findall(r"^\s+\[(\d+)\] day", tail, re.M))
        if topics:
            today += [f"draft {topics[0]}", "post"]
        today += [f"like {n}" for n in posts[-1:]] + [f"share {n}" for n in posts[-2:-1]]
        decisions += len([c for c in today if c.split()[0] != "draft"])
        commands += ["inbox", "feed", "topics"] + today + ["next"]
    full = run(level, commands + ["quit"])
    full = full.split("--- Over time ---")[0]
    seen, templates, total_words, in_help = set(), set(), 0, False
    for line in full.splitlines():
        text = line.strip()
        in_help = text == "Commands:" or (in_help and line.startswith("  "))
        # Line mode names what to type; the full-screen game, where a newcomer plays, does not.
        key = NOISE.sub("", text).strip()
        key = re.sub(r"^answer \S+ \S+ — ", "", key)
        key = re.sub(r"^\[\d+\] ", "", key)  # a post's number
        if re.match(r"^  \S+\s{2,}\S", line):
            key = key.split(None, 1)[-1]
        if in_help or not key or key in seen or any(p.search(line) for p in SKIP):
            continue
        seen.add(key)
        # A line met before with other numbers ("End of day 4: …", the nightly ratings) is
        # recognised at a glance: only its numbers are read again.
        template = re.sub(r"\d+", "#", key)
        total_words += len(re.findall(r"\d+", key)) if template in templates else words(key)
        templates.add(template)
    return total_words, decisions, day


def main():
    levels = sys.argv[1:] or sorted(p.stem for p in (ROOT / "levels").glob("*.ron"))
    over = False
    for level in levels:
        count, decisions, days = play(level)
        minutes = count / WPM + decisions * SECONDS_PER_DECISION / 60
        flag = "" if minutes <= LIMIT_MINUTES else "  OVER"
        over |= bool(flag)
        print(f"{level:16} {days:2} days  {count:5} words  {decisions:3} decisions  {minutes:5.1f} min{flag}")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
