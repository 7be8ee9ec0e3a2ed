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

## dist: release build into dist/ with relative URLs (works under any sub-path)
dist: setup
	trunk build --release --offline --public-url ./
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
