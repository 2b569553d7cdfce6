#!/usr/bin/env bash
# Installs what building and testing OnRecord needs, when it is missing, on Debian 12 (as root).
# Safe to run again: it only installs what is not there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v cc >/dev/null 2>&1 || need_apt+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
command -v git >/dev/null 2>&1 || need_apt+=(git)
# Real consumers of our exports, used by tests/export.rs: pandoc (citeproc) and a JSON Schema
# validator for CSL-JSON.
command -v pandoc >/dev/null 2>&1 || need_apt+=(pandoc)
/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || need_apt+=(python3-jsonschema)
# The desktop app (Tauri 2 on WebKitGTK) and its end-to-end tests (Xvfb, WebKitWebDriver, xclip
# to read the clipboard the app writes).
pkg-config --exists webkit2gtk-4.1 2>/dev/null || need_apt+=(libwebkit2gtk-4.1-dev)
pkg-config --exists ayatana-appindicator3-0.1 2>/dev/null || need_apt+=(libayatana-appindicator3-dev)
pkg-config --exists librsvg-2.0 2>/dev/null || need_apt+=(librsvg2-dev)
pkg-config --exists openssl 2>/dev/null || need_apt+=(libssl-dev)
dpkg -s libxdo-dev >/dev/null 2>&1 || need_apt+=(libxdo-dev)
command -v file >/dev/null 2>&1 || need_apt+=(file)
command -v xvfb-run >/dev/null 2>&1 || need_apt+=(xvfb)
command -v xauth >/dev/null 2>&1 || need_apt+=(xauth)
command -v WebKitWebDriver >/dev/null 2>&1 || need_apt+=(webkit2gtk-driver)
command -v xclip >/dev/null 2>&1 || need_apt+=(xclip)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
# Reading PDFs (clip and check): poppler's pdftotext. qpdf only regenerates the encrypted
# fixture (tests/fixtures/documents/make.py).
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
# The browser extension's end-to-end test: Debian's Chromium, headless.
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing ${need_apt[*]}; run as root (or install them) and retry" >&2
    exit 1
  fi
  echo "setup: installing ${need_apt[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: no Rust toolchain (cargo) on PATH; install Rust 1.88 or newer with rustup and retry" >&2
  exit 1
fi
for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    rustup component add "$component"
  fi
done

# The UI's packages (Vite, TypeScript, Vitest, the Tauri API, selenium-webdriver for e2e).
if [ ! -d ui/node_modules ] || [ ui/package.json -nt ui/node_modules ]; then
  (cd ui && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi)
  touch ui/node_modules
fi

# The extension's packages (Vitest, web-ext for the Firefox lint, playwright-core to drive
# Chromium; it downloads no browser).
if [ ! -d extension/node_modules ] || [ extension/package.json -nt extension/node_modules ]; then
  (cd extension && npm ci --no-audit --no-fund)
  touch extension/node_modules
fi

# tauri-driver, pinned: the registry's newest is for Tauri 3.
command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver@2.1.0 --locked
