#!/usr/bin/env bash
# The programs service's reports at national scale: BENCH_PROGRAMS (default 20,000) programs with ten
# participants and two indicators of five actuals each, written straight into programs-db of a fresh
# Release system; each report through the service beside a plain SQL aggregate over the same rows.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system.sh
trap 'stop_system; rm -rf "$work"' EXIT

start_system
BENCH_STATE="$state" BENCH_TOKEN="$token" taskset -c $load_cpu dotnet "$bench" reports --programs "${BENCH_PROGRAMS:-20000}"
