# Shared helpers for build/run, build/test and build/bench. Source it; do not run it.
# Installs what a fresh Debian machine lacks and manages private, disposable PostgreSQL clusters.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '==> %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq >&2; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >&2
}

ensure_dotnet() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
}

# Prints the newest PostgreSQL bin directory, installing PostgreSQL when there is none.
postgres_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    log "installing PostgreSQL (apt-get)"
    apt_install postgresql
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$bin"
}

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

# initdb and pg_ctl refuse to run as root: as root, they run as the postgres OS user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# data_dir NAME: a directory for a private cluster, .data/NAME in the repository when the postgres OS
# user can reach it there (initdb runs as that user when we are root), else one under /tmp.
data_dir() {
  local dir="$repo_root/.data/$1"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
    dir="/tmp/astegni-chat-$(printf '%s' "$repo_root" | md5sum | cut -c1-8)/$1"
    mkdir -p "$dir"
    chmod 755 "$(dirname "$dir")"
  fi
  chmod 755 "$dir"
  echo "$dir"
}

# start_cluster DIR PORT [extra postgres -c options...]: initialises DIR/data when empty and starts it.
start_cluster() {
  local dir=$1 port=$2; shift 2
  local bin; bin=$(postgres_bin)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  local opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200"
  for o in "$@"; do opts="$opts -c $o"; done
  as_pg "$bin/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/postgres.log" -o "$opts" start >/dev/null \
    || { cat "$dir/postgres.log" >&2; return 1; }
}

stop_cluster() {
  local dir=$1 bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -f "$dir/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

connection_string() { # PORT DATABASE
  echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=$2;Include Error Detail=false"
}

# The web page's browser libraries (package.json at the repo root, into a git-ignored node_modules), and a
# copy of what the page loads into src/Api/wwwroot/lib (git-ignored). The page itself has no build step.
install_web_libs() {
  command -v npm >/dev/null || { log "installing Node.js and npm (apt-get)"; apt_install nodejs npm; }
  if [ ! -f "$repo_root/node_modules/.package-lock.json" ] \
    || [ "$repo_root/package-lock.json" -nt "$repo_root/node_modules/.package-lock.json" ]; then
    log "installing the web page's libraries (npm ci)"
    (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
  mkdir -p "$repo_root/src/Api/wwwroot/lib"
  cp "$repo_root/node_modules/@microsoft/signalr/dist/browser/signalr.min.js" "$repo_root/src/Api/wwwroot/lib/"
}

# Debian's Chromium for the browser tests (never a browser download).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Chromium (apt-get)"
    apt_install chromium
  fi
}

# Debian's Redis for the scale-out tests (each test starts a private server on a free port; the
# package's own service is not used).
ensure_redis() {
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    log "installing Redis (apt-get)"
    apt_install redis-server
  fi
}

# Debian's HAProxy, the load balancer in front of several instances (build/run --instances, the
# scale-out tests; each starts its own on a free port).
ensure_haproxy() {
  if ! command -v haproxy >/dev/null; then
    log "installing HAProxy (apt-get)"
    apt_install haproxy
  fi
}

# npm's s3rver, an S3-compatible server, for the object-storage tests and `build/run --instances` (each
# starts a private server on a free port). Installed once into .data/tools/s3rver (ignored by git); the
# tests find it there. Its one account: access key S3RVER, secret key S3RVER.
s3rver_version=3.7.1
s3rver_dir="$repo_root/.data/tools/s3rver"
s3rver_bin="$s3rver_dir/node_modules/.bin/s3rver"
ensure_s3rver() {
  command -v npm >/dev/null || { log "installing Node.js and npm (apt-get)"; apt_install nodejs npm; }
  if [ ! -x "$s3rver_bin" ] \
    || ! grep -q "\"version\": \"$s3rver_version\"" "$s3rver_dir/node_modules/s3rver/package.json" 2>/dev/null; then
    log "installing s3rver $s3rver_version (npm)"
    mkdir -p "$s3rver_dir"
    # A package.json of its own, so npm installs here and not into the repository's node_modules.
    [ -f "$s3rver_dir/package.json" ] || echo '{ "private": true }' >"$s3rver_dir/package.json"
    npm install --prefix "$s3rver_dir" --no-audit --no-fund --loglevel=error "s3rver@$s3rver_version" >&2
  fi
}

# start_s3 DIR PORT: s3rver on 127.0.0.1:PORT with its buckets in DIR/data (kept), its pid in DIR/s3rver.pid.
start_s3() {
  local dir=$1 port=$2
  ensure_s3rver
  mkdir -p "$dir/data"
  "$s3rver_bin" --directory "$dir/data" --address 127.0.0.1 --port "$port" --silent --no-vhost-buckets \
    >"$dir/s3rver.log" 2>&1 &
  echo $! >"$dir/s3rver.pid"
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.25
  done
  cat "$dir/s3rver.log" >&2
  return 1
}

# stop_s3 DIR: stops the s3rver start_s3 started with DIR (nothing when none runs).
stop_s3() {
  local dir=$1
  if [ -f "$dir/s3rver.pid" ]; then
    kill "$(cat "$dir/s3rver.pid")" 2>/dev/null || true
    rm -f "$dir/s3rver.pid"
  fi
}
