#!/usr/bin/env bash
# Runs the whole system: installs what a fresh Debian machine lacks (PostgreSQL, Redis, RabbitMQ),
# builds, and starts the apphost (infrastructure, services, gateway, dashboard). Ctrl+C stops it all.
# Arguments go to the apphost: ./run.sh --fresh wipes the state folder (.state/) first.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_prerequisites
dotnet build Paradiplomacy.sln -c Debug -nologo -v q
# A DCP whose AppHost was killed moments ago is still stopping what it started (about 12 s); an AppHost
# started meanwhile can fail to start and hang. Wait for it to finish.
for dcp in $(pgrep -f 'dcp.* --monitor [0-9]+' || true); do
  watched=$(tr '\0' ' ' < "/proc/$dcp/cmdline" 2>/dev/null | sed -n 's/.*--monitor \([0-9]*\).*/\1/p')
  if [ -n "$watched" ] && [ ! -d "/proc/$watched" ]; then
    echo "Waiting for the previous run's DCP (pid $dcp) to stop its processes..."
    for _ in $(seq 60); do [ -d "/proc/$dcp" ] || break; sleep 1; done
  fi
done
exec dotnet run --project apphost/Paradiplomacy.AppHost --no-build -- "$@"
