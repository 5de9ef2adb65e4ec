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

measure() { # $1: label, then apphost options
  local label=$1; shift
  start_system "$@"
  sleep 5 # let start-up work (imports, first exports) settle
  BENCH_STATE="$state" BENCH_ECHO=unused BENCH_TOKEN="$token" \
    taskset -c $load_cpu dotnet "$bench" cost --label "$label" --apphost-pid "$apphost_pid" | tail -n1 | tee -a "$work/results.jsonl"
  stop_system
}

for _ in $(seq 1 "${COST_ROUNDS:-2}"); do
  measure otlp
  measure none --no-otlp
done

python3 - "$work/results.jsonl" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.startswith('{')]
def med(label, path):
    values = [r for r in runs if r['label'] == label]
    out = []
    for r in values:
        for key in path: r = r[key]
        out.append(r)
    return statistics.median(out)
rows = [('read: GetCity via gateway, calls/s', ('read', 'rps')), ('read: p99 ms', ('read', 'p99Ms')),
        ('read: system CPU ms per call', ('read', 'cpuMsPerCall')),
        ('write: CreateCity via gateway, calls/s', ('write', 'rps')), ('write: p99 ms', ('write', 'p99Ms')),
        ('write: system CPU ms per call', ('write', 'cpuMsPerCall'))]
for kind in ('read', 'write'):
    rows += [(f'{kind}: CPU ms per call in {name}', (kind, 'cpuMsPerCallBy', name)) for name in sorted(runs[0][kind]['cpuMsPerCallBy'])]
rows += [(f'memory after load: {name} MiB', ('memory', name)) for name in sorted(runs[0]['memory'])]
print()
print(f"Telemetry cost, median of {len(runs) // 2} run(s) each; system on one core")
print()
print('| measure | exporting to the dashboard | no export (--no-otlp) | change |')
print('| --- | --- | --- | --- |')
for title, path in rows:
    a, b = med('otlp', path), med('none', path)
    change = (a - b) / b * 100 if b else 0
    print(f'| {title} | {a:g} | {b:g} | {change:+.1f} % |')
PY
