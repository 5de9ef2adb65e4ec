#!/usr/bin/env bash
# What the dashboard costs the services: the same read and write load through the gateway on a
# system whose services export traces, logs and metrics to the dashboard by OTLP, and on one
# started with --no-otlp; alternated (otlp, none, otlp, none) so drift hits both. The system runs
# on core 0, the load on core 1. Prints each run and a side-by-side table.
# Options via environment: BENCH_SECONDS (5), BENCH_REPEATS (3), BENCH_CONCURRENCY (16), COST_ROUNDS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system.sh
cleanup() { stop_system; rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 "${COST_ROUNDS:-2}"); do
  measure_cost otlp
  measure_cost none --no-otlp
done

python3 bench/compare-systems.py "$work/results.jsonl" "Telemetry cost; system on core(s) $system_cpu" \
  otlp "exporting to the dashboard" none "no export (--no-otlp)"
