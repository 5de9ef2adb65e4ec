# Sourced by the benchmark scripts: builds Release, and starts and stops the system under test
# pinned to one core while the load generator runs on the other.
source scripts/prerequisites.sh
ensure_prerequisites
dotnet build Paradiplomacy.sln -c Release -nologo -v q

# Below the ephemeral range (as Paradiplomacy.Hosting's Ports does): outgoing connections cannot take it first.
free_port() { python3 -c '
import random, socket
for _ in range(500):
    port = random.randint(20000, 32767)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port)); print(port); break
    except OSError: pass
    finally: s.close()'; }
system_cpu=0; load_cpu=1
[ "$(nproc)" -lt 2 ] && load_cpu=0
work=$(mktemp -d)
apphost="apphost/Paradiplomacy.AppHost/bin/Release/net10.0/Paradiplomacy.AppHost.dll"
bench="bench/Paradiplomacy.Bench/bin/Release/net10.0/Paradiplomacy.Bench.dll"

# start_system [apphost options...]: a fresh system on $system_cpu; sets apphost_pid, dashboard
# (URL), token (an operator's) and startup_seconds.
start_system() {
  local dashboard_port gateway_port gateway_grpc_port started
  dashboard_port=$(free_port); gateway_port=$(free_port); gateway_grpc_port=$(free_port)
  started=$(date +%s.%N)
  taskset -c $system_cpu dotnet "$apphost" --fresh --state-dir "$work/system" --dashboard-port "$dashboard_port" \
    --gateway-port "$gateway_port" --gateway-grpc-port "$gateway_grpc_port" "$@" > "$work/apphost.out" 2>&1 &
  apphost_pid=$!
  for _ in $(seq 1 600); do
    grep -q "Press Ctrl+C" "$work/apphost.out" && break
    kill -0 "$apphost_pid" 2>/dev/null || { cat "$work/apphost.out"; exit 1; }
    sleep 0.5
  done
  grep -q "Press Ctrl+C" "$work/apphost.out" || { cat "$work/apphost.out"; exit 1; }
  startup_seconds=$(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')")
  dashboard="http://127.0.0.1:$dashboard_port"
  token=$(dotnet "$apphost" token --role operator --state-dir "$work/system" --dashboard-port "$dashboard_port" | tail -n1)
}

stop_system() {
  if [ -n "${apphost_pid:-}" ]; then
    kill -TERM "$apphost_pid" 2>/dev/null && wait "$apphost_pid" 2>/dev/null
    apphost_pid=
  fi
  return 0
}
