#!/usr/bin/env bash
# The portal's first render and interaction times: a fresh system (on its core) with DOMAIN.md's sample
# partnerships registered, measured from the other core by bench/portal.mjs (Debian's chromium through
# playwright-core): each public page's HTML beside the API calls it is made of, in the same run; first
# contentful paint and load, cold and warm; search, sign-in and a refused draft, click to next page.
# Options via environment: ROUNDS (20).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system.sh
(cd tests/dashboard-browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
cleanup() { stop_system; rm -rf "$work"; }
trap cleanup EXIT

# The public's limit (120 calls a minute per address) would measure the limiter: every visitor here is 127.0.0.1.
system_env="Gateway__RateLimits__Anonymous=0 Gateway__RateLimits__PerRole__regional-officer=0" start_system
python3 scripts/import-sample-partnerships.py --gateway "$gateway_url" --identity "$issuer" | tail -n1
agreement=$(curl -s "$gateway_url/api/v1/agreements?filter=region%20%3D%20%2235.78%22%20AND%20status%20%3D%20ACTIVE&page_size=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['agreements'][0]['id'])")
GATEWAY="$gateway_url" AGREEMENT="$agreement" ROUNDS="${ROUNDS:-20}" taskset -c "$load_cpu" node bench/portal.mjs
