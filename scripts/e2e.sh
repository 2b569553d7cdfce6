#!/usr/bin/env bash
# End-to-end tests of the desktop app: builds the UI and the app with the UI embedded, then drives
# the real window through tauri-driver + WebKitWebDriver under Xvfb (tests/e2e/). Screenshots of
# each view land in target/e2e-screenshots/. Needs what scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
npm --prefix ui run build
cargo build -p onrecord-app --features custom-protocol
# (The CLI's browser host fills the inbox as the extension would.)
cargo build -p onrecord-cli
command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver@2.1.0 --locked
# (A bound on the whole run: a window that will not close must fail CI, not hang it.)
timeout 900 xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 tests/e2e/
