#!/usr/bin/env bash
# Runs the OnRecord desktop app on the default library (~/.local/share/onrecord, or
# $ONRECORD_LIBRARY; `./run.sh --library DIR` for another). Installs what is missing, builds the
# UI and the app with the UI embedded, and opens the window. On a machine without a display it
# says so and runs the `onrecord` CLI on the library instead.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
npm --prefix ui run build
cargo build -p onrecord-app --features custom-protocol
cargo build --bin onrecord
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display (DISPLAY/WAYLAND_DISPLAY unset), so no window; here is the library from the CLI." >&2
  echo "run: on a desktop, ./run.sh opens the window; headless, try: xvfb-run -a target/debug/onrecord-app" >&2
  target/debug/onrecord "$@" doctor || true
  exit 0
fi
exec target/debug/onrecord-app "$@"
