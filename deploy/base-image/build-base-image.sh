#!/usr/bin/env bash
# Builds the services' base image without a Docker daemon or a registry (none is reachable from
# the build machines): a jlink'd Java 17 runtime, the shared libraries it links (found with ldd),
# a non-root user (uid 10001), /tmp, and the health-check class. The result is a docker-archive
# tarball (the format of `docker save`), which Jib takes as its base: <from><image>tar://...
#
# Usage: bash deploy/base-image/build-base-image.sh [OUTPUT_TAR]
#   default OUTPUT_TAR: deploy/target/base-image/careconnect-java17-base.tar
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd)
OUT=${1:-$HERE/../target/base-image/careconnect-java17-base.tar}
mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ROOT=$WORK/rootfs
mkdir -p "$ROOT"

# The Java SE modules plus the JDK modules Spring Boot, Tomcat, HAPI and the JDBC drivers use at
# run time (EC and other crypto providers for TLS, DNS for JNDI, zip file systems, management for
# Actuator, jdk.unsupported for Netty/Caffeine-style Unsafe use).
MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.net,jdk.jfr
echo "== jlink: Java $(java -version 2>&1 | head -1)"
jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --include-locales=en --output "$ROOT/opt/java"

# Headless servers: the runtime's X11, sound and splash-screen libraries would pull in X11 and
# ALSA and are never loaded; they go.
rm -f "$ROOT"/opt/java/lib/{libawt_xawt,libjawt,libsplashscreen,libjsound}.so

# Shared libraries: everything the launcher and the runtime's own libraries link, copied with
# their paths (symbolic links resolved). glibc 2.34+ has nss_files and nss_dns inside libc, so
# host and DNS lookups work without dlopen'd extras.
echo "== shared libraries"
{
  ldd "$ROOT/opt/java/bin/java"
  find "$ROOT/opt/java/lib" -name '*.so' -exec ldd {} \; 2>/dev/null
} | grep -oE '(/[^ ]+\.so[^ ]*)' | sort -u | while read -r lib; do
  [ -e "$lib" ] || continue
  mkdir -p "$ROOT$(dirname "$lib")"
  cp -L "$lib" "$ROOT$lib"
done
# glibc's libpthread.so.0, libdl.so.2 and librt.so.1: empty since glibc 2.34 (all in libc), so
# the runtime no longer links them, but native libraries built against an older glibc still
# need them to load: the libargon2 that argon2-jvm bundles (the auth-server's password hashing,
# docs/decisions/0015) needs libpthread.so.0.
LIBC_DIR=$(dirname "$(ldd "$ROOT/opt/java/bin/java" | grep -oE '/[^ ]+/libc\.so\.6')")
for stub in libpthread.so.0 libdl.so.2 librt.so.1; do
  if [ -e "$LIBC_DIR/$stub" ]; then cp -L "$LIBC_DIR/$stub" "$ROOT$LIBC_DIR/$stub"; fi
done
# The dynamic loader is referred to by its canonical path on x86_64.
if [ -e /lib64/ld-linux-x86-64.so.2 ]; then
  mkdir -p "$ROOT/lib64"
  cp -L /lib64/ld-linux-x86-64.so.2 "$ROOT/lib64/"
fi

# A non-root user the images run as, a writable /tmp (Tomcat's work directory; in Kubernetes an
# emptyDir over a read-only root), and the health-check command.
mkdir -p "$ROOT/etc" "$ROOT/proc" "$ROOT/tmp" "$ROOT/app" "$ROOT/opt/healthcheck"
chmod 1777 "$ROOT/tmp"
cat > "$ROOT/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
careconnect:x:10001:10001:CareConnect SMART:/app:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat > "$ROOT/etc/group" <<'GROUP'
root:x:0:
careconnect:x:10001:
nogroup:x:65534:
GROUP
echo 'hosts: files dns' > "$ROOT/etc/nsswitch.conf"
javac --release 17 -d "$ROOT/opt/healthcheck" "$HERE/HealthCheck.java"

echo "== docker-archive"
python3 "$HERE/write_docker_archive.py" "$ROOT" "$OUT" careconnect-smart/java17-base:17
ls -l "$OUT"
