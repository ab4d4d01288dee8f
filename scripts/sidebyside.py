#!/usr/bin/env python3
"""kinerja beside the programs an officer could use instead, measured from outside in an
80x24 pseudo-terminal on one 100,000-row staff CSV (issue 23). Standard library only.

    scripts/sidebyside.sh            # builds, makes the data, runs everything 5 times
    python3 scripts/sidebyside.py --bin target/release/kinerja --work /tmp/sbs [--runs 5]

It makes (once, in --work) a full demo database of --staff people, exports its staff as
CSV, and imports that CSV into a second, staff-only database: the one file every program
opens. Then, per program and run, it starts the program in a fresh 80x24 pty and times:

  first frame   the first frame drawn (kinerja: its first synchronized-output frame, the
                tab bar with the data or a "loading" line; others: the first screen that
                shows a row of the file)
  beranda       kinerja only: Beranda's numbers filled (its "Cakupan penilaian" line)
  all rows      the list knows all rows (kinerja: the staff list, key 2, shows its total;
                VisiData: the status bar's row count; csvlens: its row count)
  peak RSS      the program's peak resident memory over its whole life, its close
                included (ru_maxrss at exit; VmHWM after the moves if it was higher)
  bytes/move    median bytes written for one row down (j / Down)
  idle bytes    bytes written during 2 s with no input

The screen is read with pyte, a terminal emulator (`pip install pyte`), so a figure is
what a person would see, not a pattern in the bytes. VisiData (`vd`) and csvlens are
columns only when they are on PATH. Figures are medians
with the range over the runs; the machine is shared, so read ratios, not absolutes.
"""
import argparse, fcntl, os, pty, select, shutil, signal, statistics, struct, subprocess
import sys, termios, time

try:
    import pyte
except ImportError:
    sys.exit("error: this script reads the screen with pyte: pip install pyte")

SYNC_BEGIN = b"\x1b[?2026h"
LIMIT = 60.0


def spawn(argv, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "LC_ALL", "LC_CTYPE")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8")
    env.update(env_extra or {})
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    return pid, fd, start


class Reader:
    """Everything the program wrote, with the time each chunk came."""

    def __init__(self, fd, start):
        self.fd, self.start, self.buf, self.eof = fd, start, bytearray(), False
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def text(self):
        return "\n".join(self.screen.display)

    def pump(self, seconds):
        end = time.monotonic() + seconds
        while not self.eof and (left := end - time.monotonic()) > 0:
            if select.select([self.fd], [], [], left)[0]:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    self.eof = True
                    return
                self.buf += chunk
                self.stream.feed(chunk)
                return

    def until(self, predicate, limit=LIMIT):
        """Seconds from start until predicate(the bytes so far, the screen's text) holds."""
        end = time.monotonic() + limit
        while time.monotonic() < end and not self.eof:
            if predicate(bytes(self.buf), self.text()):
                return time.monotonic() - self.start
            self.pump(end - time.monotonic())
        return None

    def quiet(self, window=0.3, limit=10.0):
        """Reads until `window` seconds pass with no output; returns the bytes read."""
        n0, end = len(self.buf), time.monotonic() + limit
        last = time.monotonic()
        while time.monotonic() < end and not self.eof:
            before = len(self.buf)
            self.pump(min(window, end - time.monotonic()))
            if len(self.buf) == before and time.monotonic() - last >= window:
                break
            if len(self.buf) != before:
                last = time.monotonic()
        return len(self.buf) - n0


def hwm_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None


def finish(pid, fd, quit_keys):
    """Quits with `quit_keys` (killed after 5 s); the peak resident memory of the whole
    life, the close included, in KiB (ru_maxrss), or None."""
    peak = None
    for k in quit_keys:
        try:
            os.write(fd, k)
        except OSError:
            break
        time.sleep(0.1)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        done, _, usage = os.wait4(pid, os.WNOHANG)
        if done:
            peak = usage.ru_maxrss
            break
        try:
            os.read(fd, 65536) if select.select([fd], [], [], 0.05)[0] else None
        except OSError:
            pass
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    return peak


def moves(r, fd, key, n=10):
    sizes = []
    for _ in range(n):
        os.write(fd, key)
        sizes.append(r.quiet(0.15, 3.0))
    return statistics.median(sizes)


def run_kinerja(binary, db, total):
    pid, fd, start = spawn([binary, "--db", db])
    r = Reader(fd, start)
    out = {}
    out["first"] = r.until(lambda b, t: SYNC_BEGIN in b and "kinerja" in t)
    out["beranda"] = r.until(lambda b, t: "Cakupan penilaian" in t)
    os.write(fd, b"2")
    shown = f"{total} / {total}"
    out["all"] = r.until(lambda b, t: shown in t)
    r.quiet()
    out["move"] = moves(r, fd, b"j")
    out["idle"] = idle(r)
    hwm = hwm_kib(pid)
    # The close (writing the screens' view) counts too: the whole life's peak.
    life = finish(pid, fd, [b"q", b"q", b"y"])
    out["rss"] = max(v for v in (hwm, life, 0) if v is not None) or None
    return out


def idle(r):
    n0 = len(r.buf)
    end = time.monotonic() + 2.0
    while time.monotonic() < end and not r.eof:
        r.pump(end - time.monotonic())
    return len(r.buf) - n0


def run_other(argv, rows_marker, first_marker):
    pid, fd, start = spawn(argv)
    r = Reader(fd, start)
    out = {"beranda": None}
    out["first"] = r.until(lambda b, t: first_marker in t)
    out["all"] = r.until(lambda b, t: rows_marker in t)
    r.quiet()
    out["move"] = moves(r, fd, b"\x1b[B")
    out["idle"] = idle(r)
    hwm = hwm_kib(pid)
    life = finish(pid, fd, [b"q", b"q", b"\x03"])
    out["rss"] = max(v for v in (hwm, life, 0) if v is not None) or None
    return out


def timeline(binary, db, total):
    """One kinerja run, its resident memory sampled every 20 ms beside what the screen
    shows: where the time and the memory go between start and the staff list's total."""
    pid, fd, start = spawn([binary, "--db", db])
    r = Reader(fd, start)
    last, sent, end = None, False, time.monotonic() + 20
    shown = f"{total} / {total}"
    while time.monotonic() < end and not r.eof:
        r.pump(0.02)
        t = r.text()
        state = ("list total shown" if shown in t else "list, loading") if sent else (
            "Beranda filled" if "Cakupan penilaian" in t else
            "frame shown, loading" if "kinerja" in t else "nothing shown")
        try:
            with open(f"/proc/{pid}/status") as f:
                rss = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")) // 1024
        except (OSError, StopIteration):
            break
        if (state, rss // 5) != last:
            print(f"{(time.monotonic() - start) * 1000:7.0f} ms  {rss:4d} MiB  {state}")
            last = (state, rss // 5)
        if state == "Beranda filled" and not sent:
            os.write(fd, b"2")
            sent = True
        if state == "list total shown":
            break
    print(f"peak {hwm_kib(pid) // 1024} MiB")
    finish(pid, fd, [b"q", b"q", b"y"])


def summary(values, fmt):
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    med = statistics.median(values)
    lo, hi = min(values), max(values)
    return fmt(med) if lo == hi else f"{fmt(med)} ({fmt(lo)}-{fmt(hi)})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--work", default="/tmp/kinerja-sidebyside")
    ap.add_argument("--staff", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeline", action="store_true",
                    help="one run on the full demo, memory sampled every 20 ms")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    full, only, csv = (os.path.join(a.work, n) for n in ("full", "staff-only", "staff.csv"))
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    if not os.path.isdir(full):
        subprocess.run([a.bin, "--db", full, "demo", "--staff", str(a.staff)], **quiet)
    if not os.path.exists(csv):
        subprocess.run([a.bin, "--db", full, "export", "staff", "-o", csv], **quiet)
    if not os.path.isdir(only):
        subprocess.run([a.bin, "--db", only, "import", "staff", csv], **quiet)
    rows = sum(1 for _ in open(csv, encoding="utf-8")) - 1
    if a.timeline:
        timeline(a.bin, full, a.staff)
        return 0

    programs = [
        (f"kinerja, the staff CSV imported", lambda: run_kinerja(a.bin, only, rows)),
        (f"kinerja, the full demo", lambda: run_kinerja(a.bin, full, a.staff)),
    ]
    if shutil.which("vd"):
        programs.append(("VisiData", lambda: run_other(
            ["vd", csv], f"{rows} rows", "199")))
    if shutil.which("csvlens"):
        programs.append(("csvlens", lambda: run_other(
            ["csvlens", csv], f"/{rows}", "199")))

    ms = lambda t: f"{t * 1000:.0f} ms"
    mib = lambda k: f"{k / 1024:.1f} MiB"
    num = lambda n: f"{n:.0f}"
    print(f"{rows} rows, {a.runs} runs each, 80x24 pty; {os.cpu_count()} cores; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print("| program | first frame | Beranda filled | all rows known | peak RSS | bytes/move | idle bytes (2 s) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, run in programs:
        results = [run() for _ in range(a.runs)]
        col = lambda k: [r[k] for r in results]
        print(f"| {name} | {summary(col('first'), ms)} | {summary(col('beranda'), ms)} | "
              f"{summary(col('all'), ms)} | {summary(col('rss'), mib)} | "
              f"{summary(col('move'), num)} | {summary(col('idle'), num)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
