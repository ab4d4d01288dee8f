#!/bin/sh
# Reproduces issue 23's side-by-side table: builds kinerja (release), makes a demo of
# 100,000 staff and its staff CSV in $WORK (kept for later runs), and measures kinerja
# (and VisiData and csvlens when installed) from outside in an 80x24 pty.
#   scripts/sidebyside.sh [RUNS]          WORK=/tmp/kinerja-sidebyside by default
set -eu
cd "$(dirname "$0")/.."
python3 -c "import pyte" 2>/dev/null || pip install --quiet pyte
cargo build --release --locked --quiet
target="${CARGO_TARGET_DIR:-target}"
exec python3 scripts/sidebyside.py --bin "$target/release/kinerja" \
    --work "${WORK:-/tmp/kinerja-sidebyside}" --runs "${1:-5}"
