#!/usr/bin/env bash
# The demo's TLS material: a local CA and one server certificate per service, signed by it, in
# DIR (default ./data/tls). Why a script: docs/decisions/0009-https-beside-http-and-a-demo-ca-script.md
#   ca.crt, ca.key                        the demo CA (EC P-256, 10 years)
#   NAME.crt (leaf + CA), NAME.key        NAME = fhir-server auth-server smart-launcher sample-app
# SAN of every server certificate: localhost, 127.0.0.1 and CARECONNECT_TLS_HOST (when set).
# Made on the first run and reused after: a certificate is made again only when it is missing,
# does not verify against the CA, expires within 30 days, or was made for another host name.
# DEMO ONLY: production takes the operator's certificates through SSL bundles (README, "https").
set -euo pipefail

DIR="${1:-./data/tls}"
HOST="${CARECONNECT_TLS_HOST:-}"
SERVICES=(fhir-server auth-server smart-launcher sample-app)
THIRTY_DAYS=2592000

mkdir -p "$DIR"
chmod 700 "$DIR"
cd "$DIR"
umask 077

ca_valid() {
  [ -s ca.key ] && [ -s ca.crt ] && openssl x509 -in ca.crt -noout -checkend "$THIRTY_DAYS" >/dev/null 2>&1
}

if ! ca_valid; then
  echo "demo-tls: making a new demo CA in $DIR" >&2
  openssl ecparam -name prime256v1 -genkey -noout -out ca.key.tmp
  openssl req -x509 -new -key ca.key.tmp -sha256 -days 3650 -out ca.crt.tmp \
    -subj "/O=CareConnect SMART demo/CN=CareConnect SMART demo CA (DEMO ONLY)" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  mv ca.key.tmp ca.key
  mv ca.crt.tmp ca.crt
  # every server certificate of the old CA is worthless now
  for name in "${SERVICES[@]}"; do rm -f "$name.crt" "$name.key" "$name.host"; done
fi
chmod 644 ca.crt

SAN="DNS:localhost,IP:127.0.0.1"
if [ -n "$HOST" ]; then
  if [[ "$HOST" =~ ^[0-9.]+$ || "$HOST" == *:* ]]; then SAN="$SAN,IP:$HOST"; else SAN="$SAN,DNS:$HOST"; fi
fi

leaf_valid() {
  local name=$1
  [ -s "$name.key" ] && [ -s "$name.crt" ] && [ "$(cat "$name.host" 2>/dev/null)" = "$SAN" ] \
    && openssl verify -CAfile ca.crt "$name.crt" >/dev/null 2>&1 \
    && openssl x509 -in "$name.crt" -noout -checkend "$THIRTY_DAYS" >/dev/null 2>&1
}

for name in "${SERVICES[@]}"; do
  leaf_valid "$name" && continue
  echo "demo-tls: making the certificate of $name ($SAN)" >&2
  openssl ecparam -name prime256v1 -genkey -noout -out "$name.key.tmp"
  # PKCS#8: what Spring Boot's PEM SSL bundles read
  openssl pkcs8 -topk8 -nocrypt -in "$name.key.tmp" -out "$name.key"
  rm -f "$name.key.tmp"
  openssl req -new -key "$name.key" -subj "/O=CareConnect SMART demo/CN=$name" -out "$name.csr"
  printf '%s\n' "subjectAltName=$SAN" "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days 825 \
    -extfile "$name.ext" -out "$name.leaf.crt" 2>/dev/null
  # the chain the server presents: its certificate, then the CA's
  cat "$name.leaf.crt" ca.crt > "$name.crt"
  rm -f "$name.csr" "$name.ext" "$name.leaf.crt"
  echo "$SAN" > "$name.host"
done
chmod 644 ./*.crt
echo "demo-tls: CA SHA-256 fingerprint $(openssl x509 -in ca.crt -noout -fingerprint -sha256 | cut -d= -f2)" >&2
