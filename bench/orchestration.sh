#!/usr/bin/env bash
# What orchestration costs: command to "Every service is healthy" from a fresh state folder and again
# warm (same folder), and the memory of the orchestration itself (the AppHost, DCP's processes and
# the Aspire dashboard: RSS and PSS, which counts shared pages once) beside the system it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/system.sh
trap stop_system EXIT

measure_memory() {
  python3 - "$apphost_pid" <<'PY'
import os, sys
apphost = int(sys.argv[1])
def read(pid, name):
    try:
        with open(f'/proc/{pid}/{name}') as f: return f.read()
    except OSError: return ''
def kib(pid, key, file):
    for line in read(pid, file).splitlines():
        if line.startswith(key): return int(line.split()[1])
    return 0
pids = [int(p) for p in os.listdir('/proc') if p.isdigit()]
cmd = {p: read(p, 'cmdline').replace('\0', ' ') for p in pids}
parent = {}
for p in pids:
    stat = read(p, 'stat')
    if stat: parent[p] = int(stat[stat.rfind(')') + 2:].split()[1])
dcp = [p for p in pids if f'--monitor {apphost} ' in cmd[p]]
def under(p, roots):
    while p > 1:
        if p in roots: return True
        p = parent.get(p, 0)
    return False
everything = [p for p in pids if under(p, set(dcp) | {apphost})]
orchestration = [p for p in everything if p == apphost or 'aspire.hosting.orchestration' in cmd[p] or 'Aspire.Dashboard' in cmd[p]]
def total(group, key, file): return sum(kib(p, key, file) for p in group) // 1024
print(f'orchestration ({len(orchestration)} processes: AppHost, DCP, dashboard): RSS {total(orchestration, "VmRSS", "status")} MiB, PSS {total(orchestration, "Pss:", "smaps_rollup")} MiB')
print(f'whole system ({len(everything)} processes): RSS {total(everything, "VmRSS", "status")} MiB, PSS {total(everything, "Pss:", "smaps_rollup")} MiB')
PY
}

start_system
fresh=$startup_seconds
sleep 10
measure_memory
stop_system
sleep 5
# Warm: the same state folder, databases migrated and reference data loaded.
start_fresh=no start_system
echo "command to every service healthy: fresh ${fresh} s, warm ${startup_seconds} s"
