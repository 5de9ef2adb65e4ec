#!/usr/bin/env bash
# Runs every benchmark on a fresh, Release-built system loaded with all GeoNames cities, and prints
# a table: each figure beside its baseline from the same run. The system under test (apphost and
# all it starts, and the echo baseline) runs on core 0; the load generator on core 1.
# Options via environment: BENCH_SECONDS (5), BENCH_REPEATS (3), BENCH_CONCURRENCY (16).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
ensure_prerequisites
dotnet build Paradiplomacy.sln -c Release -nologo -v q

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
system_cpu=0; load_cpu=1
[ "$(nproc)" -lt 2 ] && load_cpu=0
state=$(mktemp -d); dashboard=$(free_port); gateway=$(free_port); gateway_grpc=$(free_port); echo_port=$(free_port)
apphost="apphost/Paradiplomacy.AppHost/bin/Release/net10.0/Paradiplomacy.AppHost.dll"
bench="bench/Paradiplomacy.Bench/bin/Release/net10.0/Paradiplomacy.Bench.dll"

cleanup() {
  [ -n "${apphost_pid:-}" ] && kill -TERM "$apphost_pid" 2>/dev/null && wait "$apphost_pid" 2>/dev/null
  [ -n "${echo_pid:-}" ] && kill "$echo_pid" 2>/dev/null
  rm -rf "$state"
}
trap cleanup EXIT

started=$(date +%s.%N)
Registry__ReferenceData__MinPopulation=0 taskset -c $system_cpu dotnet "$apphost" --fresh --state-dir "$state/system" \
  --dashboard-port "$dashboard" --gateway-port "$gateway" --gateway-grpc-port "$gateway_grpc" > "$state/apphost.out" 2>&1 &
apphost_pid=$!
for _ in $(seq 1 600); do
  grep -q "Press Ctrl+C" "$state/apphost.out" && break
  kill -0 "$apphost_pid" 2>/dev/null || { cat "$state/apphost.out"; exit 1; }
  sleep 0.5
done
ready=$(date +%s.%N)
grep -q "Press Ctrl+C" "$state/apphost.out" || { cat "$state/apphost.out"; exit 1; }
taskset -c $system_cpu dotnet "$bench" echo --port "$echo_port" &
echo_pid=$!
token=$(dotnet "$apphost" token --role operator --state-dir "$state/system" --dashboard-port "$dashboard" | tail -n1)
sleep 1

echo "Start-up, fresh state, all 133,284 GeoNames places loaded, system on one core: $(python3 -c "print(f'{$ready - $started:.1f} s')") to all healthy"
BENCH_DASHBOARD="http://127.0.0.1:$dashboard" BENCH_ECHO="http://127.0.0.1:$echo_port" BENCH_TOKEN="$token" \
BENCH_PGBENCH=$(ls /usr/lib/postgresql/*/bin/pgbench | tail -n1) \
  taskset -c $load_cpu dotnet "$bench" run
