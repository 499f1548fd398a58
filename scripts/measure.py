#!/usr/bin/env python3
"""Whole-process figures for docs/performance.md, measured on the release binary.

    cargo build --release && python3 scripts/measure.py

Each figure is the median of several runs; nothing here is a pass/fail test (timings on a
shared machine are noisy). Needs only Python 3 and a Unix pseudo-terminal.
"""

import glob
import json
import os
import pty
import resource
import select
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "scored")
LEVELS = sorted(glob.glob(os.path.join(ROOT, "levels", "*.ron")))


def median_ms(samples):
    return statistics.median(samples) * 1000


def timed(args, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - start)
    return samples


class Pty:
    """The binary in a pseudo-terminal of 80x24 (or the size given)."""

    def __init__(self, args, cols=80, rows=24):
        self.saves = tempfile.mkdtemp()
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(ROOT)
            env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
            env.pop("NO_COLOR", None)
            os.execve(BIN, [BIN, "--saves-dir", self.saves] + args, env)
        import fcntl
        import struct
        import termios

        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.pid, self.fd, self.out = pid, fd, b""

    def read_until(self, needle, timeout=10.0):
        end = time.perf_counter() + timeout
        while needle not in self.out:
            left = end - time.perf_counter()
            if left <= 0:
                raise TimeoutError(needle)
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                self.out += os.read(self.fd, 65536)
        return time.perf_counter()

    def drain(self, quiet=0.05):
        while True:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                return
            try:
                self.out += os.read(self.fd, 65536)
            except OSError:
                return

    def send(self, data):
        os.write(self.fd, data)

    def first_reply(self, data, timeout=5.0):
        """Seconds from writing `data` to the first byte of the answer."""
        start = time.perf_counter()
        os.write(self.fd, data)
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            raise TimeoutError("no answer")
        took = time.perf_counter() - start
        self.out += os.read(self.fd, 65536)
        return took

    def high_water_kb(self):
        """The game's own peak resident memory so far (VmHWM), 0 once it has exited. Not
        `ru_maxrss` from wait4: a child forked from Python starts with Python's high-water mark
        (a hello-world reads 12.9 MB that way), and exec does not reset it."""
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def close(self):
        """Ends the game with Ctrl-C; returns its peak resident memory in KB."""
        peak = self.high_water_kb()
        try:
            os.write(self.fd, b"\x03")
            end = time.perf_counter() + 2.0
            while time.perf_counter() < end:
                peak = max(peak, self.high_water_kb())
                ready, _, _ = select.select([self.fd], [], [], 0.01)
                if ready and not os.read(self.fd, 65536):
                    break
        except OSError:
            pass
        os.wait4(self.pid, 0)
        os.close(self.fd)
        return peak

    def cpu_ticks(self):
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])


def start_to_first_frame(runs=20):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        p = Pty([])
        # The title screen lists the shipped levels; this one is always among them.
        shown = p.read_until(b"First Week")
        samples.append(shown - start)
        p.close()
    return samples


def into_main_screen(p):
    p.read_until(b"First Week")
    p.send(b"\r")  # the first level
    p.drain()
    p.send(b"\r")  # the first persona
    p.drain()
    p.send(b"\r")  # past the intro
    p.read_until(b"Day 1 of")
    p.drain(0.3)


def key_to_frame(keys=100):
    p = Pty([])
    into_main_screen(p)
    samples = []
    for i in range(keys):
        samples.append(p.first_reply(b"j" if i % 2 == 0 else b"k"))
        p.drain(0.01)
    idle_before = p.cpu_ticks()
    time.sleep(2.0)
    idle_ticks = p.cpu_ticks() - idle_before
    p.close()
    return samples, idle_ticks


def peak_memory(cols, rows):
    """Plays the longest shipped level to its end in a terminal of this size."""
    p = Pty(["play", "levels/mandatory.ron"], cols, rows)
    while b"Day 1 of" not in p.out:  # the persona and intro screens, if any
        p.send(b"\r")
        p.drain(0.2)
    import re
    for _ in range(40):
        for key in [b"\r", b"j", b"\r", b"\t", b"\x1b", b"n", b"y", b"x", b"x"]:
            p.send(key)
            p.drain(0.02)
    p.drain(0.3)
    kb = p.close()
    # The day reached, from the save: the screen is redrawn by changed cells only, so a "Day N
    # of" read from the output can be stale.
    days = [int(d) for f in glob.glob(os.path.join(p.saves, "*.ron"))
            for d in re.findall(r"^    day: (\d+),", open(f).read(), re.M)]
    return kb, max(days, default=0)


def class_reports(n=1000):
    folder = tempfile.mkdtemp()
    for seed in range(n):
        subprocess.run(
            [BIN, "play", "levels/tutorial.ron", "--headless", "--seed", str(seed), "--report", folder],
            input=b"next\n" * 10,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
            cwd=ROOT,
        )
    reports = sorted(glob.glob(os.path.join(folder, "*.json")))
    return reports, timed([BIN, "class"] + reports, 7)


def simulate(threads, runs=20000):
    """Runs per second; one thread is pinned to one core (as `taskset -c 0` would)."""
    pin = (lambda: os.sched_setaffinity(0, {0})) if threads == 1 else None
    rates = []
    for _ in range(7):
        out = subprocess.run(
            [BIN, "simulate", "levels/mandatory.ron", "--strategy", "random", "--runs", str(runs),
             "--threads", str(threads), "--json"],
            capture_output=True, check=True, cwd=ROOT, preexec_fn=pin,
        ).stdout
        rates.append(json.loads(out)["runs_per_second"])
    return statistics.median(rates)


def main():
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    print(f"machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}")
    check = timed([BIN, "check"] + LEVELS, 30)
    print(f"scored check levels/*.ron ({len(LEVELS)} files): median {median_ms(check):.1f} ms")
    first = start_to_first_frame()
    print(f"start to first drawn frame (title screen, pty): median {median_ms(first):.1f} ms")
    keys, idle = key_to_frame()
    print(f"key to frame drawn (main screen, pty, 100 keys): median {median_ms(keys):.2f} ms")
    print(f"CPU while idle on the main screen for 2 s: {idle} tick(s)")
    for cols, rows in [(80, 24), (200, 60)]:
        kb, day = peak_memory(cols, rows)
        print(f"peak memory, mandatory played to day {day} at {cols}x{rows}: {kb / 1024:.1f} MB")
    reports, class_times = class_reports()
    print(f"scored class over {len(reports)} reports: median {median_ms(class_times):.0f} ms")
    print(f"simulate mandatory random, 1 thread on one core: median {simulate(1):.0f} runs/s")
    print(f"simulate mandatory random, all cores: median {simulate(0):.0f} runs/s")


if __name__ == "__main__":
    main()
