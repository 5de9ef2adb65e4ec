#!/usr/bin/env bash
# Runs the whole system: installs what a fresh Debian machine lacks (PostgreSQL, Redis, RabbitMQ),
# builds, and starts the apphost (infrastructure, services, gateway, dashboard). Ctrl+C stops it all.
# Arguments go to the apphost: ./run.sh --fresh wipes the state folder (.state/) first.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_prerequisites
dotnet build Paradiplomacy.sln -c Debug -nologo -v q
exec dotnet run --project apphost/Paradiplomacy.AppHost --no-build -- "$@"
