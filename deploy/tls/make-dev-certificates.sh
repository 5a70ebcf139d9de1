#!/usr/bin/env bash
# A private CA and a certificate for auth., fhir., launcher. and app. under CARECONNECT_DOMAIN,
# for a test deployment: deploy/tls/tls.crt, tls.key (the ingress), ca.crt (import it into the
# browsers that will use it), and truststore.p12 (the JDK's public CAs plus this CA, trusted by
# the services for their calls to each other). With a certificate from a public CA, put it in
# tls.crt / tls.key and run this script with --truststore-only.
#
# Usage: CARECONNECT_DOMAIN=careconnect.example.org bash deploy/tls/make-dev-certificates.sh [--truststore-only]
set -euo pipefail
cd "$(dirname "$0")"
umask 077
DOMAIN=${CARECONNECT_DOMAIN:?set CARECONNECT_DOMAIN (e.g. careconnect.example.org)}

if [ "${1:-}" != "--truststore-only" ]; then
  openssl req -x509 -newkey rsa:3072 -nodes -days 825 -subj "/CN=CareConnect SMART test CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout ca.key -out ca.crt 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=${DOMAIN}" -keyout tls.key -out tls.csr 2>/dev/null
  printf 'subjectAltName=DNS:auth.%s,DNS:fhir.%s,DNS:launcher.%s,DNS:app.%s\nextendedKeyUsage=serverAuth\n' \
    "$DOMAIN" "$DOMAIN" "$DOMAIN" "$DOMAIN" > tls.ext
  openssl x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 397 \
    -extfile tls.ext -out tls.crt 2>/dev/null
  rm -f tls.csr tls.ext ca.srl
  echo "created ca.crt, tls.crt, tls.key for auth|fhir|launcher|app.${DOMAIN}"
fi

JAVA_CACERTS=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/security/cacerts
rm -f truststore.p12
keytool -importkeystore -noprompt -srckeystore "$JAVA_CACERTS" -srcstorepass changeit \
  -destkeystore truststore.p12 -deststoretype PKCS12 -deststorepass changeit > /dev/null 2>&1
if [ -s ca.crt ]; then
  keytool -importcert -noprompt -alias careconnect-ca -file ca.crt \
    -keystore truststore.p12 -storepass changeit > /dev/null
fi
chmod 644 truststore.p12 tls.crt ca.crt 2>/dev/null || true
echo "created truststore.p12 (password changeit: it holds public certificates only)"
