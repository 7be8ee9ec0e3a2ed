# Every routine command. `make serve` and `make test` install what they need first.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 120

.PHONY: setup setup-browser serve dist test test-native test-components test-e2e screenshots bench icons strings clean

setup:
	@scripts/setup.sh

setup-browser:
	@scripts/setup.sh --browser

## serve: install what is missing, then serve the app on http://127.0.0.1:8080
serve: setup
	trunk serve --offline

# Release builds rebuild the standard library with panics as an immediate abort, so no panic
# message or its formatting code is in the modules (main module ~160 -> ~145 KB gzip; a panic
# still stops the app, as panic = "abort" did). These are unstable switches of the stable
# compiler, allowed for this recipe only (RUSTC_BOOTSTRAP); scripts/setup.sh adds the library's
# source (rust-src) and fetches its crates. The history module, fetched later and doing the heavy
# work, keeps the prebuilt standard library (scripts/records-build.mjs drops these variables).
RELEASE_STD := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"

## dist: release build into dist/ with relative URLs (works under any sub-path)
dist: setup
	$(RELEASE_STD) trunk build --release --offline --public-url ./
	@scripts/sizes.sh dist

## test: every test layer — native, component (wasm in Chromium), end-to-end (Chromium)
test: setup-browser test-native test-components test-e2e

test-native:
	cargo test --offline

test-components:
	cargo test --offline --target wasm32-unknown-unknown --test web

test-e2e: dist
	node --test tests/e2e/

## screenshots: PNGs of the release build at tablet and phone sizes in tests/e2e/artifacts/
screenshots: dist
	node tests/e2e/screenshots.mjs

## bench: performance budgets at 4× CPU slowdown (not part of test); writes docs/performance.md
bench: setup-browser dist
	node tests/bench/bench.mjs

## icons: re-render the install icons in pwa/ from assets/icon.svg (the PNGs are committed)
icons: setup-browser
	node scripts/render-icons.mjs

## strings: rewrite content/ko.strings.txt (the Korean strings the examination reads) from src/i18n/ko.rs
strings:
	ADSCORE_WRITE_STRINGS=1 cargo test --offline --lib the_korean_file_is_the_korean_table

clean:
	rm -rf dist target tests/e2e/artifacts
