#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for cmdroom's tests: a temporary directory, a Unix socket in
# it and no TCP at all (listen_addresses=''), a database `cmdroom_test` and a superuser role for
# the account running the tests. `.ci/run` uses it; developers can too:
#
#   eval "$(scripts/test-postgres-cluster.sh start)"     # exports CMDROOM_TEST_POSTGRES, CMDROOM_TEST_PGDIR
#   swift test --filter KeyProjectsPostgresTests
#   scripts/test-postgres-cluster.sh stop                # stops it and removes the directory
#   scripts/test-postgres-cluster.sh replica [DIR]       # a streaming replica of it; prints its directory
#   scripts/test-postgres-cluster.sh tls                 # a TLS cluster on 127.0.0.1 (client certificates)
#
# Needs Debian's `postgresql` package (the server's binaries in /usr/lib/postgresql/N/bin).
# initdb refuses to run as root, so under root the cluster runs as the `postgres` account
# (runuser) and the tests' own role, `root`, is made by it; under any other account the cluster
# runs as that account, whose name is then the cluster's superuser.
#
# Roles made members of `cmdroom_test_peer` (a NOLOGIN role made here) log in by peer
# authentication: the OS account of that name runs psql (`runuser -u ACCOUNT -- psql …`), as a
# headquarters' users will. The two-account test makes such accounts with useradd.
set -euo pipefail

database=cmdroom_test
peer_group=cmdroom_test_peer

die() { echo "test-postgres-cluster: $*" >&2; exit 1; }

server_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || die "PostgreSQL's server is not installed (apt-get install postgresql)"
  echo "$bin"
}

start() {
  local bin dir runner
  bin=$(server_bin)
  runner=$(id -un)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/cmdroom-pg.XXXXXX")
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "no postgres account to run the server as (it comes with the postgresql package)"
    chown postgres:postgres "$dir"
    as=(runuser -u postgres --)
  fi
  # Others may pass through the directory to the socket (the peer-authenticated OS accounts of
  # the tests) but not list it; the cluster's data directory inside is initdb's, mode 700.
  chmod 711 "$dir"
  "${as[@]}" "$bin/initdb" -D "$dir/data" -E UTF8 --no-locale --no-sync --auth-local=peer --auth-host=reject >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  # Who may log in, and how; there is no TCP at all. On the socket, the account running the tests
  # logs in as its own role by peer authentication (the kernel tells the server which OS account
  # is at the other end, as it will for cmdroom's users in production), and so does postgres (to
  # make the runner's role); so do the members of $peer_group, each the role of an OS account the
  # two-account test makes. Every other role — the clerks, units and offices the tests make, which
  # have no OS account behind them — logs in with a SCRAM password, as remote clients will.
  # Nothing is trusted: a test that gets in as a clerk has proved the clerk's password or its
  # OS account.
  cat >"$dir/data/pg_hba.conf" <<HBA
# cmdroom's throwaway test cluster (scripts/test-postgres-cluster.sh): Unix socket only.
local all postgres peer
local all $runner peer
local replication postgres peer
local replication $runner peer
local all +$peer_group peer
local all all scram-sha-256
HBA
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses='' -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; die "the server did not start"; }
  # The runner's role (under root) and the database; a cluster that cannot get them is stopped
  # and removed rather than left running.
  if ! { { [ "$(id -u)" -ne 0 ] || [ "$runner" = postgres ] ||
           runuser -u postgres -- "$bin/psql" -X -q -h "$dir" -d postgres -v ON_ERROR_STOP=1 \
             -c "CREATE ROLE \"$runner\" SUPERUSER LOGIN" >/dev/null; } &&
         "$bin/psql" -X -q -h "$dir" -U "$runner" -d postgres -v ON_ERROR_STOP=1 \
           -c "CREATE DATABASE $database OWNER \"$runner\"" -c "CREATE ROLE $peer_group NOLOGIN" >/dev/null; }; then
    stop "$dir"
    die "could not make the role $runner, the database $database or the role $peer_group"
  fi
  echo "export CMDROOM_TEST_PGDIR='$dir'"
  echo "export CMDROOM_TEST_POSTGRES='postgresql:///$database?host=$dir'"
}

# A streaming replica of the cluster in DIR (a wall's read-only server): a base backup over the
# primary's socket, started in recovery with a socket of its own. Prints the replica's directory
# (its socket is there); `stop` stops and removes it as it does the primary.
replica() {
  local primary=${1:-${CMDROOM_TEST_PGDIR:-}}
  [ -n "$primary" ] && [ -d "$primary/data" ] || die "which cluster? give its directory or set CMDROOM_TEST_PGDIR"
  local bin dir user as=()
  bin=$(server_bin)
  user=$(stat -c %U "$primary/data")
  dir=$(mktemp -d "${TMPDIR:-/tmp}/cmdroom-pg.replica-XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then
    chown "$user:$user" "$dir"
    as=(runuser -u "$user" --)
  fi
  chmod 711 "$dir"
  "${as[@]}" "$bin/pg_basebackup" -h "$primary" -U "$user" -D "$dir/data" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 \
    || { cat "$dir/basebackup.log" >&2; rm -rf "$dir"; die "pg_basebackup failed"; }
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses='' -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; stop "$dir"; die "the replica did not start"; }
  echo "$dir"
}

# A second cluster for the TLS test (issue 17 §3: remote clients by SCRAM password or client
# certificate): like `start`'s, and listening on the loopback address only (127.0.0.1, a free
# port), with TLS required over TCP. openssl makes a CA, the server's certificate (localhost)
# and a client certificate for the role cmdroom_cert_user, which logs in by it (pg_hba `cert`),
# and a second CA that vouches for nothing here. Prints what the test needs as exports.
tls() {
  local bin dir runner port
  bin=$(server_bin)
  command -v openssl >/dev/null || die "openssl is not installed (apt-get install openssl)"
  runner=$(id -un)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/cmdroom-pg.tls-XXXXXX")
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
    as=(runuser -u postgres --)
  fi
  chmod 711 "$dir"
  local certs="$dir/certs"
  mkdir -p "$certs"
  {
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=cmdroom test CA" -keyout "$certs/ca.key" -out "$certs/ca.crt"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=another CA" -keyout "$certs/other-ca.key" -out "$certs/other-ca.crt"
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$certs/server.key" -out "$certs/server.csr"
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$certs/server.ext"
    openssl x509 -req -in "$certs/server.csr" -CA "$certs/ca.crt" -CAkey "$certs/ca.key" -CAcreateserial -days 2 \
      -extfile "$certs/server.ext" -out "$certs/server.crt"
    openssl req -newkey rsa:2048 -nodes -subj "/CN=cmdroom_cert_user" -keyout "$certs/client.key" -out "$certs/client.csr"
    openssl x509 -req -in "$certs/client.csr" -CA "$certs/ca.crt" -CAkey "$certs/ca.key" -CAcreateserial -days 2 -out "$certs/client.crt"
  } >"$dir/openssl.log" 2>&1 || { cat "$dir/openssl.log" >&2; rm -rf "$dir"; die "openssl could not make the certificates"; }
  chmod 600 "$certs"/*.key
  "${as[@]}" "$bin/initdb" -D "$dir/data" -E UTF8 --no-locale --no-sync --auth-local=peer --auth-host=reject >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
  cp "$certs/server.crt" "$certs/server.key" "$certs/ca.crt" "$dir/data/"
  [ ${#as[@]} -eq 0 ] || chown postgres:postgres "$dir/data/server.crt" "$dir/data/server.key" "$dir/data/ca.crt"
  cat >"$dir/data/pg_hba.conf" <<HBA
# cmdroom's TLS test cluster (scripts/test-postgres-cluster.sh tls): loopback TCP over TLS only.
local all postgres peer
local all $runner peer
hostssl all cmdroom_cert_user 127.0.0.1/32 cert
hostssl all all 127.0.0.1/32 scram-sha-256
HBA
  for port in $(shuf -i 20000-60000 -n 20); do
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    if "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
         -o "-k $dir -c listen_addresses=127.0.0.1 -c port=$port -c ssl=on -c ssl_ca_file=ca.crt" start >/dev/null 2>&1; then
      break
    fi
    port=""
  done
  [ -n "${port:-}" ] || { cat "$dir/server.log" >&2; rm -rf "$dir"; die "the TLS cluster did not start"; }
  if ! { { [ "$(id -u)" -ne 0 ] || [ "$runner" = postgres ] ||
           runuser -u postgres -- "$bin/psql" -X -q -h "$dir" -p "$port" -d postgres -v ON_ERROR_STOP=1 \
             -c "CREATE ROLE \"$runner\" SUPERUSER LOGIN" >/dev/null; } &&
         "$bin/psql" -X -q -h "$dir" -p "$port" -U "$runner" -d postgres -v ON_ERROR_STOP=1 \
           -c "CREATE DATABASE $database OWNER \"$runner\"" -c "CREATE ROLE cmdroom_cert_user LOGIN" >/dev/null; }; then
    stop "$dir"
    die "could not make the roles or the database of the TLS cluster"
  fi
  echo "export CMDROOM_TLS_PGDIR='$dir'"
  echo "export CMDROOM_TLS_PORT='$port'"
  echo "export CMDROOM_TLS_CERTS='$certs'"
}

stop() {
  local dir=${1:-${CMDROOM_TEST_PGDIR:-}}
  [ -n "$dir" ] || die "which cluster? give its directory or set CMDROOM_TEST_PGDIR"
  [ -d "$dir/data" ] || die "$dir holds no cluster"
  local bin as=()
  bin=$(server_bin)
  if [ "$(id -u)" -eq 0 ] && [ "$(stat -c %U "$dir/data")" != root ]; then
    as=(runuser -u "$(stat -c %U "$dir/data")" --)
  fi
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -w -m fast stop >/dev/null 2>&1 || true
  case "$dir" in
    */cmdroom-pg.*) rm -rf "$dir" ;;
    *) echo "test-postgres-cluster: left $dir in place (not one of ours by name)" >&2 ;;
  esac
}

case "${1:-}" in
  start) start ;;
  replica) shift; replica "$@" ;;
  tls) tls ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start | replica [DIR] | tls | stop [DIR]" >&2; exit 2 ;;
esac
