#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a new state folder; start the system on it with
# ./run.sh --state-dir DIR (without --fresh).
#
#   scripts/restore.sh BACKUP_DIR STATE_DIR
#
# The broker starts with the backup's definitions (its queues and bindings, loaded at boot) but no
# messages, so events published in the last minutes before the backup that a consumer had not yet
# taken would be lost. Their outbox rows are marked unpublished again: the relays send
# them once more under their own message ids, and each consumer's inbox (restored from the same
# instant) skips those it had already handled.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: scripts/restore.sh BACKUP_DIR STATE_DIR" >&2; exit 2; }
backup=$(realpath -m "$1"); state=$(realpath -m "$2")
resend_minutes=${PARADIPLOMACY_RESEND_MINUTES:-10}
[ -f "$backup/backup.json" ] || { echo "$backup is not a backup made by scripts/backup.sh" >&2; exit 1; }
[ ! -e "$state/postgres/data" ] || { echo "$state already holds a database; restore into a new state folder" >&2; exit 1; }
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)

data="$state/postgres/data"
mkdir -p "$data/pg_wal" "$state/postgres/run" "$state/cache"
tar -xzf "$backup/postgres/base.tar.gz" -C "$data"
tar -xzf "$backup/postgres/pg_wal.tar.gz" -C "$data/pg_wal"
install -m 600 "$backup/postgres-password" "$state/postgres/password"
cp "$backup/redis.rdb" "$state/cache/dump.rdb"
mkdir -p "$state/eventbus"
cp "$backup/broker-definitions.json" "$state/eventbus/definitions.json"
# The AppHost points RABBITMQ_CONFIG_FILE at eventbus/rabbitmq(.conf).
echo "load_definitions = $state/eventbus/definitions.json" > "$state/eventbus/rabbitmq.conf"
chmod 700 "$data"

# PostgreSQL refuses to run as root: as the AppHost does, run it as the postgres user then.
as_postgres=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres:postgres "$state/postgres"
  as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups --)
fi
# Once, on its own socket and no TCP port: replay the backup's WAL to its consistent end, then resend.
"${as_postgres[@]}" "$bin/pg_ctl" -D "$data" -l "$state/postgres/restore.log" -w -t 120 \
  -o "-c listen_addresses='' -c unix_socket_directories=$state/postgres/run" start > /dev/null
taken_at=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["takenAt"])' "$backup/backup.json")
psql_() { PGPASSWORD=$(cat "$state/postgres/password") "$bin/psql" -h "$state/postgres/run" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
for db in $(psql_ -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE '%-db'"); do
  if [ "$(psql_ -d "$db" -c "SELECT to_regclass('outbox_messages') IS NOT NULL")" = t ]; then
    resent=$(psql_ -d "$db" -c "WITH r AS (UPDATE outbox_messages SET published_at = NULL WHERE published_at > timestamptz '$taken_at' - interval '$resend_minutes minutes' RETURNING 1) SELECT count(*) FROM r")
    pending=$(psql_ -d "$db" -c "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL")
    echo "$db: $pending events to send ($resent of them published in the $resend_minutes minutes before the backup)"
  fi
done
"${as_postgres[@]}" "$bin/pg_ctl" -D "$data" -w -m fast stop > /dev/null
echo "Restored $backup into $state; start it with ./run.sh --state-dir $state"
