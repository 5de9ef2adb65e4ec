# Sourced by the benchmark scripts: builds Release, and starts and stops the system under test
# pinned to one core while the load generator runs on the other.
source scripts/prerequisites.sh
ensure_prerequisites bench
dotnet build Paradiplomacy.sln -c Release -nologo -v q

# Below the ephemeral range (as the tests' FreePort does): outgoing connections cannot take it first.
free_port() { python3 -c '
import random, socket
for _ in range(500):
    port = random.randint(20000, 32767)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port)); print(port); break
    except OSError: pass
    finally: s.close()'; }
# BENCH_SYSTEM_CPUS / BENCH_LOAD_CPUS (taskset lists) move them, e.g. to give the system more cores on a larger machine.
system_cpu=${BENCH_SYSTEM_CPUS:-0}; load_cpu=${BENCH_LOAD_CPUS:-1}
[ "$(nproc)" -lt 2 ] && [ -z "${BENCH_LOAD_CPUS:-}" ] && load_cpu=0
work=$(mktemp -d)
apphost="apphost/Paradiplomacy.AppHost/bin/Release/net10.0/Paradiplomacy.AppHost.dll"
identity="apphost/Paradiplomacy.Identity/bin/Release/net10.0/Paradiplomacy.Identity.dll"
bench="bench/Paradiplomacy.Bench/bin/Release/net10.0/Paradiplomacy.Bench.dll"

# start_system [apphost options...]: a fresh system on $system_cpu (system_env: NAME=VALUE words for the
# AppHost's environment, which its processes inherit; with start_fresh=no, the last one's
# state folder again); sets apphost_pid, state (the
# state folder, whose resources.json names every resource's pid and URLs), token (an operator's)
# issuer (the identity provider, for more tokens), gateway_url (REST and the portal) and startup_seconds (command to "Every service is healthy").
start_system() {
  local dashboard_port identity_port gateway_port gateway_grpc_port started
  dashboard_port=$(free_port); identity_port=$(free_port); gateway_port=$(free_port); gateway_grpc_port=$(free_port)
  state="$work/system"
  : > "$work/apphost.out"
  started=$(date +%s.%N)
  ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$(free_port)" ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$(free_port)" \
  env ${system_env:-} taskset -c $system_cpu dotnet "$apphost" $([ "${start_fresh:-yes}" = yes ] && echo --fresh) --state-dir "$state" --dashboard-port "$dashboard_port" --identity-port "$identity_port" \
    --gateway-port "$gateway_port" --gateway-grpc-port "$gateway_grpc_port" "$@" > "$work/apphost.out" 2>&1 &
  apphost_pid=$!
  for _ in $(seq 1 1200); do
    grep -q "Every service is healthy" "$work/apphost.out" && break
    kill -0 "$apphost_pid" 2>/dev/null || { cat "$work/apphost.out"; exit 1; }
    sleep 0.25
  done
  grep -q "Every service is healthy" "$work/apphost.out" || { cat "$work/apphost.out"; exit 1; }
  startup_seconds=$(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')")
  sleep 2 # resources.json catches up with the last state changes
  issuer="http://127.0.0.1:$identity_port"
  gateway_url="http://127.0.0.1:$gateway_port"
  token=$(dotnet "$identity" token --role operator --state-dir "$state" --issuer "$issuer" | tail -n1)
}

stop_system() {
  if [ -n "${apphost_pid:-}" ]; then
    kill -TERM "$apphost_pid" 2>/dev/null && wait "$apphost_pid" 2>/dev/null
    apphost_pid=
  fi
  return 0
}

# measure_cost LABEL [apphost options...]: a fresh system with those options, the same read and write load
# through the gateway (`bench cost`), and one JSON line of results appended to $work/results.jsonl.
measure_cost() {
  local label=$1; shift
  # Officers write here as fast as answers come: their quota (1,200 a minute each) would measure the limiter.
  system_env="Gateway__RateLimits__PerRole__regional-officer=0" start_system "$@"
  sleep "${BENCH_SETTLE:-5}" # let start-up work (imports, index loads, first exports) settle
  BENCH_STATE="$state" BENCH_ECHO=unused BENCH_TOKEN="$token" \
    taskset -c $load_cpu dotnet "$bench" cost --label "$label" --apphost-pid "$apphost_pid" | tail -n1 | tee -a "$work/results.jsonl"
  stop_system
}
