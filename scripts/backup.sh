#!/usr/bin/env bash
# Backs up a running system: every service's database at one instant (a physical base backup of the
# PostgreSQL cluster, so the five databases, their outboxes and their inboxes agree with each other),
# Redis (partners' API keys) and the broker's definitions (queues, exchanges, bindings: so that what the
# restored outboxes send reaches every consumer's queue even before that consumer is up). The broker's
# messages are not backed up: what it held is in the outboxes (see restore.sh).
#
#   scripts/backup.sh [--state-dir DIR] BACKUP_DIR      (DIR defaults to .state, the AppHost's)
set -euo pipefail
state="$(dirname "$0")/../.state"
while [ $# -gt 1 ]; do
  case "$1" in
    --state-dir) state="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: scripts/backup.sh [--state-dir DIR] BACKUP_DIR" >&2; exit 2; }
out=$(realpath -m "$1"); state=$(realpath -m "$state")
[ -f "$state/resources.json" ] || { echo "$state/resources.json not found: is the system running (./run.sh)?" >&2; exit 1; }
[ ! -e "$out" ] || { echo "$out exists already; a backup goes to a new folder" >&2; exit 1; }

port_of() { # the port of a resource's tcp endpoint, from the AppHost's resources.json
  python3 -c 'import json,sys; r=[r for r in json.load(open(sys.argv[1])) if r["name"]==sys.argv[2]][0]; print(r["urls"]["tcp"].rsplit(":",1)[1])' "$state/resources.json" "$1"
}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
mkdir -p "$out"
taken_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# -c fast: a checkpoint now rather than at the next scheduled one; -X stream: the WAL the backup needs
# to be consistent comes with it.
PGPASSWORD=$(cat "$state/postgres/password") "$bin/pg_basebackup" -h 127.0.0.1 -p "$(port_of postgres)" -U postgres \
  -D "$out/postgres" -F tar -z -X stream -c fast --label "paradiplomacy $taken_at"
redis-cli -h 127.0.0.1 -p "$(port_of cache)" --rdb "$out/redis.rdb" > /dev/null
# A broker that is restarting (after a crash, the AppHost starts it again; it boots in 10-20 s) is waited for,
# up to two minutes: its definitions are what the restore needs.
python3 - "$state/resources.json" "$out/broker-definitions.json" <<'PY'
import base64, json, sys, time, urllib.error, urllib.request
broker = [r for r in json.load(open(sys.argv[1])) if r["name"] == "eventbus"][0]
request = urllib.request.Request(broker["urls"]["management"] + "/api/definitions",
                                 headers={"Authorization": "Basic " + base64.b64encode(b"guest:guest").decode()})
deadline = time.monotonic() + 120
while True:
    try:
        definitions = urllib.request.urlopen(request, timeout=30).read()
        break
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        if time.monotonic() > deadline:
            sys.exit(f"the broker's management API does not answer ({error}): no backup without its definitions")
        print(f"waiting for the broker's management API: {error}", file=sys.stderr)
        time.sleep(2)
open(sys.argv[2], "wb").write(definitions)
PY
cp "$state/postgres/password" "$out/postgres-password"
chmod 600 "$out/postgres-password"
printf '{ "takenAt": "%s", "postgres": "%s" }\n' "$taken_at" "$("$bin/postgres" --version)" > "$out/backup.json"
echo "Backed up to $out (taken at $taken_at): $(du -sh "$out" | cut -f1)"
