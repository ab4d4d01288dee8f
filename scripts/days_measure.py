#!/usr/bin/env python3
"""Beranda on the next day and on the day before, measured from outside (issue 23).

    python3 scripts/days_measure.py BIN DB RUNS [TZ,TZ,...]

Starts kinerja (`BIN --db DB`) RUNS times in an 80x24 pty, each with the next time zone of
the list (default `Etc/GMT+12,UTC`: a day apart for most of the day, so each start finds
the view the other kept, a day later or a day earlier), and prints for each: the time to
Beranda's "Cakupan penilaian" line with nothing loading, the peak resident memory of the
whole life, and the time from the first quit key to the exit (it includes the 0.3 s of
pauses between `q q y`). Uses the side-by-side script's pty reader (pyte).
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sidebyside as sb  # noqa: E402


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    binp, db, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    zones = sys.argv[4].split(",") if len(sys.argv) > 4 else ["Etc/GMT+12", "UTC"]
    for i in range(runs):
        tz = zones[i % len(zones)]
        pid, fd, start = sb.spawn([binp, "--db", db], {"TZ": tz})
        r = sb.Reader(fd, start)
        t = r.until(lambda b, s: "Cakupan penilaian" in s and "memuat" not in s.lower(), 30)
        r.quiet(0.3, 3)
        q0 = time.monotonic()
        peak = sb.finish(pid, fd, [b"q", b"q", b"y"])
        close = time.monotonic() - q0
        beranda = f"{t * 1000:.0f} ms" if t else "not seen"
        mib = f"{peak / 1024:.1f} MiB" if peak else "unknown"
        print(f"run {i} TZ={tz:11} beranda {beranda:>9} peak {mib:>10} quit {close * 1000:.0f} ms",
              flush=True)


if __name__ == "__main__":
    main()
