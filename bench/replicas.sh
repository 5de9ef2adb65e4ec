#!/usr/bin/env bash
# Scale-out of the registry: the same read and write load through the gateway (cached GetCity, 16 clients;
# CreateCity, 8) on a fresh system with one registry replica and on one with two (--replicas registry=2),
# alternated (one, two, one, two) so drift hits both; the gateway balances over the replicas it finds in the
# replica directory. Prints each run and a side-by-side table with the CPU each resource spent per call.
# On one core (the default here) two replicas can only show what a second replica costs; give the system
# more cores to see what it gains: BENCH_SYSTEM_CPUS=0-3 BENCH_LOAD_CPUS=4-5 on a larger machine.
# Options via environment: BENCH_SECONDS (5), BENCH_REPEATS (3), BENCH_CONCURRENCY (16), REPLICA_ROUNDS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system.sh
# Each replica loads its own search index after start: give both the time to (BENCH_SETTLE, seconds).
BENCH_SETTLE=${BENCH_SETTLE:-20}
cleanup() { stop_system; rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 "${REPLICA_ROUNDS:-2}"); do
  measure_cost one
  measure_cost two --replicas registry=2
done
python3 bench/compare-systems.py "$work/results.jsonl" "Registry replicas; system on core(s) $system_cpu, load on $load_cpu" \
  two "2 registry replicas" one "1 registry replica"
