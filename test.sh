#!/usr/bin/env bash
# Runs every test: installs what a fresh Debian machine lacks, builds, runs each test project
# (they start the Aspire AppHost through Aspire.Hosting.Testing: PostgreSQL, Redis and RabbitMQ as
# executable resources on throw-away state), and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_prerequisites tests || exit 1
dotnet build Paradiplomacy.sln -c Debug -nologo -v q || exit 1
# What the end-to-end tests run outside .NET: a partner's client in Node.js (@grpc/grpc-js) and the
# Aspire dashboard check in a browser (playwright-core driving Debian's chromium).
for dir in tests/node-client tests/dashboard-browser; do
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || exit 1
done

results=$(mktemp -d)
status=0
for project in tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  # One project at a time: each starts its own servers, and the machine has two cores.
  dotnet test "$project" -c Debug --no-build -nologo --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" "$@" || status=1
done
python3 scripts/summarize-trx.py "$results"/*.trx || status=1
exit $status
