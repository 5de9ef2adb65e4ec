#!/usr/bin/env bash
# The funding ledger: BENCH_WRITERS (default 16) writers booking BENCH_PER_WRITER (25) expenditures each on
# one program through the service, beside the same transaction in plain SQL on another; then
# BENCH_ENTRIES (default 1,000,000) ledger entries written straight into funding-db of the fresh Release
# system and the national reports (kept balances) beside summing those entries in SQL.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system.sh
trap 'stop_system; rm -rf "$work"' EXIT

start_system
officer=$(dotnet "$identity" token --role regional-officer --region 31 --state-dir "$state" --issuer "$issuer" | tail -n1)
approver=$(dotnet "$identity" token --role finance-approver --region 31 --state-dir "$state" --issuer "$issuer" | tail -n1)
BENCH_STATE="$state" BENCH_TOKEN="$token" BENCH_OFFICER="$officer" BENCH_APPROVER="$approver" taskset -c $load_cpu dotnet "$bench" funding \
  --entries "${BENCH_ENTRIES:-1000000}" --writers "${BENCH_WRITERS:-16}" --per-writer "${BENCH_PER_WRITER:-25}"
