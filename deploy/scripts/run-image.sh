#!/usr/bin/env bash
# Proves an image tarball runs without Docker: unpacks its layers into a folder, starts its
# entrypoint there with the image's own environment (an unprivileged user namespace with its own
# mount and process namespaces, /proc mounted, chroot), waits until /actuator/health/readiness
# answers UP, then stops it. Exit status 0 only if the image runs as a non-root user and got UP.
#
# Usage: bash deploy/scripts/run-image.sh IMAGE_TAR [NAME=VALUE ...]
#   NAME=VALUE: extra environment (e.g. SPRING_PROFILES_ACTIVE=demo). The service gets a free
#   port as PORT. Limits: the user namespace maps only the caller, so the process runs as the
#   namespace's root, not as the image's uid 10001 (which is checked instead); the network is
#   the host's (the check uses loopback).
set -euo pipefail
IMAGE=$(realpath "$1"); shift
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
PID=
cleanup() {
  # unshare ignores SIGTERM while it waits: stop its child (the service, pid 1 of its namespace).
  if [ -n "$PID" ]; then pkill -TERM -P "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

python3 "$HERE/run_image.py" unpack "$IMAGE" "$WORK/rootfs"
IMAGE_USER=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["config"].get("User") or "0")' "$WORK/rootfs.config.json")
case "$IMAGE_USER" in 0|root|0:*|root:*|"") echo "FAIL: $IMAGE runs as root" >&2; exit 1 ;; esac
printf '127.0.0.1 localhost\n' > "$WORK/rootfs/etc/hosts"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG="${LOG_DIR:-$WORK}/$(basename "$IMAGE" .tar).log"
echo "== $(basename "$IMAGE"): user $IMAGE_USER, port $PORT, log $LOG"
unshare --map-root-user --mount --pid --fork --kill-child \
  python3 "$HERE/run_image.py" exec "$WORK/rootfs" "PORT=$PORT" "$@" > "$LOG" 2>&1 &
PID=$!

URL="http://127.0.0.1:$PORT/actuator/health/readiness"
for _ in $(seq 1 180); do
  if BODY=$(curl -fsS "$URL" 2>/dev/null) && [[ "$BODY" == *'"UP"'* ]]; then
    echo "OK: $URL answered $BODY"
    exit 0
  fi
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "FAIL: the service stopped" >&2; tail -n 30 "$LOG" >&2; exit 1
  fi
  sleep 1
done
echo "FAIL: $URL not UP after 3 minutes" >&2; tail -n 30 "$LOG" >&2; exit 1
