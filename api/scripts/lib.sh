# Shared helpers for api/run.sh and tests/run.sh. Sourced, not executed.
# Everything here is idempotent: safe to call on every run.

cx_log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
cx_die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

CX_APT_UPDATED=0
# cx_apt_install PKG... — installs Debian packages that are not installed yet.
cx_apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || cx_die "missing packages: ${missing[*]} (install them, or run as root)"
    sudo="sudo"
  fi
  cx_log "installing ${missing[*]} (apt-get)"
  if [ "$CX_APT_UPDATED" -eq 0 ]; then
    $sudo apt-get update -qq >&2 || cx_die "apt-get update failed"
    CX_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
    || cx_die "apt-get install ${missing[*]} failed"
}

cx_require_dotnet() {
  command -v dotnet >/dev/null || cx_die "the .NET 10 SDK is required (https://dot.net); dotnet not found on PATH"
  dotnet --list-sdks | grep -q '^10\.' || cx_die "the .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')"
}

cx_require_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    cx_apt_install nodejs npm
  fi
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || cx_die "Node.js 20 or newer is required for the web build (found $(node --version))"
}

# cx_npm_ci DIR — installs a package's locked dependencies when they are missing or stale.
cx_npm_ci() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    cx_log "installing Node packages in ${dir#$CX_ROOT/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2) || cx_die "npm ci failed in $dir"
  fi
}

cx_pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ]; then
    cx_apt_install postgresql
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
  [ -x "$bin/pg_ctl" ] || cx_die "PostgreSQL server binaries not found after install"
  echo "$bin"
}

# PostgreSQL refuses to run as root, so as root the cluster belongs to the 'postgres' user.
cx_pg_as() {
  # from / : the caller's directory (e.g. a checkout in /root) may be closed to postgres; every path given is absolute
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

cx_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 30000 ))
    (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || { echo "$port"; return 0; }
  done
  cx_die "no free TCP port found"
}

# cx_pg_dir WANTED — where the private cluster meant for WANTED lives. As root the cluster runs as the 'postgres'
# user, who cannot reach a checkout in root's home (/root is mode 700): then it lives under postgres's home instead,
# in a directory named after WANTED's path, so each checkout keeps its own cluster across runs.
cx_pg_dir() {
  local wanted=$1 parent
  if [ "$(id -u)" -ne 0 ]; then echo "$wanted"; return 0; fi
  cx_pg_bin >/dev/null
  parent=$(dirname "$wanted")
  mkdir -p "$parent"
  # the data directory itself is made postgres's (cx_pg_start); every directory above it must let postgres through
  if runuser -u postgres -- test -x "$parent" 2>/dev/null; then
    echo "$wanted"; return 0
  fi
  local home; home=$(getent passwd postgres | cut -d: -f6); home=${home:-/var/lib/postgresql}
  install -d -m 755 "$home/cxdashboard"
  echo "$home/cxdashboard/$(printf '%s' "$wanted" | sha256sum | cut -c1-16)"
}

# cx_pg_start DATA_DIR PORT — initialises (once) and starts a private cluster; trust auth on loopback only.
cx_pg_start() {
  local dir=$1 port=$2 bin; bin=$(cx_pg_bin)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir" && chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    cx_log "creating a private PostgreSQL cluster in ${dir#"$CX_ROOT"/}"
    cx_pg_as "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
      || cx_die "initdb failed in $dir"
  fi
  if cx_pg_as "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    return 0
  fi
  cx_log "starting PostgreSQL on 127.0.0.1:$port"
  cx_pg_as "$bin/pg_ctl" -D "$dir" -w -t 60 -l "$dir/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=200 -c shared_buffers=${CX_PG_SHARED_BUFFERS:-512MB} ${CX_PG_EXTRA_OPTS:-}" start >/dev/null \
    || { tail -20 "$dir/server.log" >&2; cx_die "PostgreSQL did not start (log above)"; }
}

cx_pg_stop() {
  local dir=$1 bin; bin=$(cx_pg_bin)
  cx_pg_as "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
}

# The port a running cluster listens on (from postmaster.pid, line 4).
cx_pg_port() { sed -n 4p "$1/postmaster.pid" 2>/dev/null; }
