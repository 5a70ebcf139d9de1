#!/usr/bin/env bash
# A throwaway MariaDB server on loopback for tests and the multi-node script: no systemd, no
# system-wide data directory, nothing left behind but the folder it was given.
#
#   scripts/mariadb.sh start DIR    installs mariadb-server when absent, initialises DIR and starts
#                                   a server on a free loopback port; prints the port. Reuses a
#                                   server already running from DIR; started again after a stop,
#                                   it takes its previous port (clients reconnect to the same URL).
#   scripts/mariadb.sh createdb DIR NAME
#                                   (re)creates database NAME (utf8mb4, binary collation) and grants
#                                   it to user careconnect / password careconnect@127.0.0.1.
#   scripts/mariadb.sh testuser DIR lets careconnect / careconnect@127.0.0.1 create databases named
#                                   ccs_* (the test suites make a fresh one per server they start).
#   scripts/mariadb.sh port DIR     the port of the server running from DIR.
#   scripts/mariadb.sh stop DIR     stops it (the data stays in DIR until you delete it).
#   scripts/mariadb.sh sql DIR      a root mariadb client on it (reads SQL from stdin).
#
# JDBC URL for a database made by createdb:
#   jdbc:mysql://127.0.0.1:PORT/NAME   user careconnect, password careconnect
set -euo pipefail

command_name=${1:-}
dir=${2:-}
[ -n "$command_name" ] && [ -n "$dir" ] || { sed -n '2,20p' "$0" >&2; exit 2; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

install_when_absent() {
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] && return 0
  echo "== Installing mariadb-server (MySQL tests)" >&2
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y mariadb-server >&2
}

mariadbd_bin() { command -v mariadbd || echo /usr/sbin/mariadbd; }

running() { [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; }

client() { mariadb --no-defaults --protocol=socket --socket="$dir/sock" -uroot "$@"; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((33060 + RANDOM % 2000))
}

# SO_REUSEADDR as mariadbd sets it: a port whose old connections linger in TIME_WAIT after a stop
# is free for the server again.
port_free() {
  python3 -c 'import socket,sys; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null
}

start() {
  if running; then cat "$dir/port"; return 0; fi
  install_when_absent
  if [ ! -d "$dir/data/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=socket \
      --skip-test-db > "$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
  fi
  local port
  if [ -f "$dir/port" ] && port_free "$(cat "$dir/port")"; then port=$(cat "$dir/port"); else port=$(free_port); fi
  # Root runs it as root (CI containers); anyone else runs it as themselves.
  local user_option=(); [ "$(id -u)" -ne 0 ] || user_option=(--user=root)
  "$(mariadbd_bin)" --no-defaults "${user_option[@]}" --datadir="$dir/data" --port="$port" \
    --bind-address=127.0.0.1 --socket="$dir/sock" --pid-file="$dir/pid" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
    --innodb-flush-log-at-trx-commit=1 --max-connections=500 \
    --log-error="$dir/error.log" > /dev/null 2>&1 &
  for _ in $(seq 1 60); do
    if client -e 'select 1' > /dev/null 2>&1; then
      echo "$port" > "$dir/port"
      # Anonymous users would shadow careconnect@localhost; drop them.
      client -e "DELETE FROM mysql.global_priv WHERE User=''; FLUSH PRIVILEGES;" 2>/dev/null || true
      echo "$port"
      return 0
    fi
    sleep 0.5
  done
  echo "MariaDB did not start; see $dir/error.log" >&2
  tail -n 20 "$dir/error.log" >&2 || true
  exit 1
}

createdb() {
  local name=$1
  [[ "$name" =~ ^[A-Za-z0-9_]+$ ]] || { echo "bad database name: $name" >&2; exit 2; }
  running || { echo "no MariaDB running from $dir" >&2; exit 1; }
  client <<SQL
DROP DATABASE IF EXISTS \`$name\`;
CREATE DATABASE \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'careconnect'@'127.0.0.1' IDENTIFIED BY 'careconnect';
CREATE USER IF NOT EXISTS 'careconnect'@'localhost' IDENTIFIED BY 'careconnect';
GRANT ALL PRIVILEGES ON \`$name\`.* TO 'careconnect'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`$name\`.* TO 'careconnect'@'localhost';
FLUSH PRIVILEGES;
SQL
}

testuser() {
  running || { echo "no MariaDB running from $dir" >&2; exit 1; }
  # Only databases whose name starts with ccs_ (the underscore escaped: a LIKE pattern).
  client <<'SQL'
CREATE USER IF NOT EXISTS 'careconnect'@'127.0.0.1' IDENTIFIED BY 'careconnect';
GRANT ALL PRIVILEGES ON `ccs\_%`.* TO 'careconnect'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
}

stop() {
  running || return 0
  local pid; pid=$(cat "$dir/pid")
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

case "$command_name" in
  start) start ;;
  createdb) createdb "${3:?database name}" ;;
  testuser) testuser ;;
  port) running && cat "$dir/port" ;;
  stop) stop ;;
  sql) client ;;
  *) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
