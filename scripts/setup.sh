#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) adscore needs, skipping whatever is
# already present: the wasm32 target, the standard library's source, trunk 0.21.14, wasm-bindgen-cli at exactly Cargo.lock's
# wasm-bindgen version, the npm tools (binaryen's wasm-opt, playwright-core), the crates, and
# with --browser Debian's chromium and chromium-driver. A second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
say() { printf 'setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# The CLI must match the library exactly; read the version from the lockfile.
[ -f Cargo.lock ] || cargo generate-lockfile
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION"
  # Not --locked: the CLI's own lockfile names a crate the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/terser ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  # Korean glyphs for screenshots and layout checks of the Korean UI.
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -d /usr/share/fonts/opentype/noto ]; then
    say "installing chromium, chromium-driver and CJK fonts"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver fonts-noto-cjk
  fi
fi

# Release builds compile the standard library from its source (Makefile: RELEASE_STD).
if ! rustup component list --installed | grep -qx 'rust-src'; then
  say "adding the standard library's source (rust-src)"
  rustup component add rust-src
fi

# The crates, the standard library's included (for `--offline` release builds). The library's
# own dependencies are resolved for one target only: without `--target` a fresh machine lacks
# the WebAssembly ones (dlmalloc) and the release build fails offline.
RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort cargo fetch --quiet
RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort cargo fetch --quiet --target wasm32-unknown-unknown
