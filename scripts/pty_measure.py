#!/usr/bin/env python3
"""Measure what kinerja writes to an 80x24 terminal: startup, row moves, a search
keystroke, idle output, memory and exit. Standard library only (Python 3.11).

    python3 scripts/pty_measure.py --db /tmp/kinerja-100k [--json]

Byte counts are what the program wrote to the pty master. "Quiet" means no output for
300 ms, so every time-to-quiet includes that window; the "last byte" times subtract it
and are rough figures (they include pty and scheduler latency).
"""
import argparse, fcntl, json, os, pty, select, signal, struct, sys, termios, time

QUIET = 0.3      # seconds without output that count as "done drawing"
STEP_LIMIT = 60  # no single wait lasts longer than this (seconds)
SYNC_BEGIN = b"\x1b[?2026h"  # synchronized-output start: one per frame
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def spawn(binary, db):
    """Fork the binary on a new 80x24 pty; return (pid, master fd)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "LC_ALL", "LC_CTYPE")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8")
    pid, fd = pty.fork()
    if pid == 0:  # child: size the terminal before exec
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execve(binary, [binary, "--db", db], env)
        finally:
            os._exit(127)
    return pid, fd


def read_for(fd, seconds):
    """Collect everything written during a fixed time; returns (bytes, eof)."""
    buf, end = bytearray(), time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        if select.select([fd], [], [], left)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the child closed the pty
                return bytes(buf), True
            if not chunk:
                return bytes(buf), True
            buf += chunk
    return bytes(buf), False


def until_quiet(fd, marker=None, limit=STEP_LIMIT, first=False):
    """Read until QUIET seconds pass without output (or `limit` runs out). With `first`,
    the quiet window only starts at the first byte (a slow start is not "quiet").
    Returns a dict: bytes, frames, t_quiet, t_last (last byte), t_marker, eof, timed_out."""
    start = time.monotonic()
    buf, last, t_marker, eof = bytearray(), start, None, False
    while True:
        now = time.monotonic()
        if now - start >= limit:
            break
        quiet_end = start + limit if first and not buf else last + QUIET
        wait = min(quiet_end - now, start + limit - now)
        if wait <= 0:
            break
        if not select.select([fd], [], [], wait)[0]:
            continue  # loop re-checks the quiet window
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            eof = True
            break
        last = time.monotonic()
        buf += chunk
        # The marker may straddle two reads, so search the tail of the buffer.
        if marker and t_marker is None and marker in buf[-(len(chunk) + len(marker)):]:
            t_marker = last - start
        if b"\x1b[6n" in chunk:  # answer a cursor-position query, if ever asked
            os.write(fd, b"\x1b[1;1R")
    end = time.monotonic()
    return {"bytes": len(buf), "frames": buf.count(SYNC_BEGIN), "t_quiet": end - start,
            "t_last": last - start, "t_marker": t_marker, "eof": eof,
            "timed_out": not eof and end - start >= limit,
            "tail": buf[-300:].decode("utf-8", "replace").strip() if eof else None}


def memory(pid):
    """VmRSS and VmHWM in KiB from /proc, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            fields = dict(l.split(":", 1) for l in f if ":" in l)
        return {k: int(fields[k].split()[0]) for k in ("VmRSS", "VmHWM")}
    except (OSError, KeyError, ValueError):
        return None


def send(fd, data):
    os.write(fd, data)
    r = until_quiet(fd)
    if r["eof"]:
        raise RuntimeError(f"the program exited after key {data!r}: {r['tail']!r}")
    return r


def finish(pid, fd, timeout=10.0):
    """Send q, drain output, wait for exit; kill after `timeout`. Returns (status, bytes)."""
    try:
        os.write(fd, b"q")
    except OSError:  # the pty is already closed
        pass
    end, n = time.monotonic() + timeout, 0
    while time.monotonic() < end:
        got, eof = read_for(fd, 0.05)
        n += len(got)
        if eof:
            time.sleep(0.01)  # pty closed: just poll for the exit
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        return f"killed after {timeout:.0f} s (no exit on q)", n
    if os.WIFEXITED(status):
        return f"exit {os.WEXITSTATUS(status)}", n
    return f"signal {os.WTERMSIG(status)}", n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "kinerja"))
    ap.add_argument("--moves", type=int, default=20)
    ap.add_argument("--idle", type=float, default=10.0)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    a = ap.parse_args()
    missing = (f"no binary at {a.bin}; build it with `cargo build --release`"
               if not os.access(a.bin, os.X_OK) else
               f"no database at {a.db}; make one with "
               f"`target/release/kinerja --db {a.db} demo --staff 100000`"
               if not os.path.isdir(a.db) else None)
    if missing:
        print(f"error: {missing}", file=sys.stderr)
        return 2

    r = {"db": a.db, "bin": a.bin, "size": "80x24", "quiet_ms": QUIET * 1000}
    pid, fd = spawn(a.bin, a.db)
    try:
        s = until_quiet(fd, marker=b"kinerja", first=True)
        r["startup"] = s
        r["mem_after_startup_kib"] = memory(pid)
        if s["eof"]:
            raise RuntimeError(f"the program exited during startup: {s['tail']!r}")
        if not s["bytes"]:
            raise RuntimeError(f"no output within {STEP_LIMIT} s of launch")
        # Beranda comes first; the moves and the search are measured on the staff list.
        r["to_list"] = send(fd, b"2")
        moves = [send(fd, b"j") for _ in range(a.moves)]
        sizes = sorted(m["bytes"] for m in moves)
        r["moves"] = {"n": len(sizes), "bytes": [m["bytes"] for m in moves],
                      "median": (sizes[(len(sizes) - 1) // 2] + sizes[len(sizes) // 2]) / 2 if sizes else None,
                      "max": sizes[-1] if sizes else None,
                      "max_t_last": max((m["t_last"] for m in moves), default=None)}
        r["search_open"] = send(fd, b"/")
        r["search_key"] = send(fd, b"a")
        r["esc"] = send(fd, b"\x1b")
        idle, eof = read_for(fd, a.idle)
        r["idle"] = {"seconds": a.idle, "bytes": len(idle), "eof": eof}
        r["mem_at_end_kib"] = memory(pid)
    except Exception as e:  # still quit and reap the child below
        r["error"] = str(e)
    r["exit"], r["exit_bytes"] = finish(pid, fd)
    os.close(fd)

    if a.json:
        print(json.dumps(r))
    else:
        report(r)
    return 1 if "error" in r else 0


def report(r):
    ms = lambda t: "-" if t is None else f"{t * 1000:.0f} ms"
    flag = lambda d: " (EOF)" if d.get("eof") else " (TIMED OUT)" if d.get("timed_out") else ""
    p = print
    p(f"kinerja pty measurement: {r['bin']} --db {r['db']} ({r['size']}, quiet = {r['quiet_ms']:.0f} ms)")
    if "startup" in r:
        s = r["startup"]
        p(f"startup      {s['bytes']:>8} B in {s['frames']} frame(s); quiet after {ms(s['t_quiet'])}, "
          f"last byte {ms(s['t_last'])}, first frame at {ms(s['t_marker'])}{flag(s)}")
    if "to_list" in r:
        p(f"to list '2'  {r['to_list']['bytes']:>8} B")
    if "moves" in r:
        m = r["moves"]
        p(f"move 'j' x{m['n']:<3} median {m['median']} B, max {m['max']} B "
          f"(slowest last byte {ms(m['max_t_last'])}); all: {m['bytes']}")
    for key, label in (("search_open", "search '/' "), ("search_key", "search 'a' "), ("esc", "esc        ")):
        if key in r:
            d = r[key]
            p(f"{label} {d['bytes']:>8} B in {d['frames']} frame(s); quiet after {ms(d['t_quiet'])}, "
              f"last byte ~{ms(d['t_last'])} (rough){flag(d)}")
    if "idle" in r:
        i = r["idle"]
        p(f"idle {i['seconds']:.0f} s    {i['bytes']:>8} B {'OK' if i['bytes'] == 0 else 'NOT ZERO'}")
    for key, label in (("mem_after_startup_kib", "memory start"), ("mem_at_end_kib", "memory end  ")):
        if r.get(key):
            p(f"{label} VmRSS {r[key]['VmRSS'] / 1024:.1f} MiB, VmHWM {r[key]['VmHWM'] / 1024:.1f} MiB")
    p(f"quit 'q'     {r['exit']} ({r['exit_bytes']} B written on the way out)")
    if "error" in r:
        p(f"ERROR: {r['error']}")


if __name__ == "__main__":
    sys.exit(main())
