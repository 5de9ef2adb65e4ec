#!/usr/bin/env bash
# The meetings time finder in-process, no system needed: BENCH_PARTICIPANTS (default 20) people with
# BENCH_BOOKINGS (40) bookings each over BENCH_DAYS (90) days, the interval merge the service runs beside
# trying every start on the grid, on one core.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Paradiplomacy.Bench -c Release -nologo -v q
taskset -c "${BENCH_CPU:-1}" dotnet bench/Paradiplomacy.Bench/bin/Release/net10.0/Paradiplomacy.Bench.dll meetings \
  --participants "${BENCH_PARTICIPANTS:-20}" --bookings "${BENCH_BOOKINGS:-40}" --days "${BENCH_DAYS:-90}"
