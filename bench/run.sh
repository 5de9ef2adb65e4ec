#!/usr/bin/env bash
# Runs every benchmark on a fresh, Release-built system loaded with all GeoNames cities, and prints
# a table: each figure beside its baseline from the same run. The system under test (apphost and
# all it starts, and the echo baseline) runs on core 0; the load generator on core 1.
# Options via environment: BENCH_SECONDS (5), BENCH_REPEATS (3), BENCH_CONCURRENCY (16).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system.sh

echo_port=$(free_port)
cleanup() {
  stop_system
  [ -n "${echo_pid:-}" ] && kill "$echo_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

Registry__ReferenceData__MinPopulation=0 start_system
taskset -c $system_cpu dotnet "$bench" echo --port "$echo_port" &
echo_pid=$!
sleep 1

echo "Start-up, fresh state, all 133,284 GeoNames places loaded, system on one core: $startup_seconds s to all healthy"
BENCH_STATE="$state" BENCH_ECHO="http://127.0.0.1:$echo_port" BENCH_TOKEN="$token" \
BENCH_PGBENCH=$(ls /usr/lib/postgresql/*/bin/pgbench | tail -n1) \
  taskset -c $load_cpu dotnet "$bench" run
# The gateway's overhead again, by wrk and h2load, on the same system in the same run.
python3 bench/independent-load.py "$state" "$token" $load_cpu "${BENCH_SECONDS:-5}" "${BENCH_REPEATS:-3}" "${BENCH_CONCURRENCY:-16}"
