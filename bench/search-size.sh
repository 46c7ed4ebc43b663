#!/usr/bin/env bash
# Search index sizes: what a one-word query fetches (gzipped, scripts included) from the index of
# a synthetic place of 500 and of 5,000 pages with 700-word bodies, and the index's build time.
#
#   bench/search-size.sh            # 500 and 5000 pages
#   bench/search-size.sh 2000       # other sizes
#
# bench/run.sh may call it; the browser test tests/browser/search-scale.mjs measures the same
# budget in Chromium.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
cargo run --quiet --release -p ambit-corpus --bin search_size -- "$@"
