# Sourced by run.sh and test.sh: installs the distribution's servers the system runs on, once;
# with the argument "tests", also what the tests run outside .NET (Node.js, chromium); with "bench",
# the independent load tools the benchmarks compare the .NET client with (wrk, h2load).
ensure_prerequisites() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  if [ "${1:-}" = "tests" ]; then
    command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
    # The dashboard's browser test drives Debian's chromium.
    [ -x /usr/bin/chromium ] || missing+=(chromium)
  fi
  if [ "${1:-}" = "bench" ]; then
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v h2load >/dev/null 2>&1 || missing+=(nghttp2-client)
    command -v pgbench >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 || missing+=(postgresql-contrib)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from the distribution's packages..."
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null \
      || { echo "error: could not install ${missing[*]}; install them with apt-get and retry." >&2; return 1; }
  fi
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK (dotnet) is not on PATH." >&2
    return 1
  fi
}
