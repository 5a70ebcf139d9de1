#!/usr/bin/env bash
# Gets a SMART backend-services access token (SMART App Launch 2.2 §backend services): signs a
# client assertion (RFC 7523) with the client's private key and posts a client_credentials
# request to the token endpoint. Needs openssl and curl only.
#
#   scripts/backend-token.sh                          # the demo client against a local demo server
#   SCOPE='system/Observation.rs' scripts/backend-token.sh
#   TOKEN_URL=https://auth.example.org/oauth2/token CLIENT_ID=my-backend \
#     KEY=my-key.pem KID=my-kid ALG=RS384 scripts/backend-token.sh
#
# Defaults are the demo profile's backend client careconnect-backend, whose private key is
# published in auth-server/src/main/resources/demo/ (DEMO ONLY: never trust that key elsewhere).
# Prints the token endpoint's JSON answer; the access token is its "access_token".
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
demo="$here/auth-server/src/main/resources/demo"
TOKEN_URL="${TOKEN_URL:-${CARECONNECT_AUTH_URL:-http://localhost:9000}/oauth2/token}"
# an https token endpoint of the demo stack is certified by the demo CA (scripts/demo-tls.sh)
CA_FILE="${CA_FILE:-$here/data/tls/ca.crt}"
CA_ARGS=()
if [[ "$TOKEN_URL" == https://* && -f "$CA_FILE" ]]; then CA_ARGS=(--cacert "$CA_FILE"); fi
CLIENT_ID="${CLIENT_ID:-careconnect-backend}"
KEY="${KEY:-$demo/careconnect-backend.DEMO-ONLY.private-key.pem}"
KID="${KID:-$(sed -n 's/.*"kid": *"\([^"]*\)".*/\1/p' "$demo/careconnect-backend.jwks.json" | head -1)}"
# RS384, or RS256 for an RSA key whose JWK does not pin "alg" (the demo key pins RS384). ES384
# needs a JOSE (not DER) ECDSA signature: use a JWT library for it.
ALG="${ALG:-RS384}"
SCOPE="${SCOPE:-system/*.rs}"

case "$ALG" in
  RS384) digest=-sha384 ;;
  RS256) digest=-sha256 ;;
  *) echo "ALG must be RS384 or RS256 for this script" >&2; exit 2 ;;
esac

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now="$(date +%s)"
# aud: the token endpoint itself; exp: at most five minutes ahead; jti: never reused
header="$(printf '{"alg":"%s","typ":"JWT","kid":"%s"}' "$ALG" "$KID" | b64url)"
claims="$(printf '{"iss":"%s","sub":"%s","aud":"%s","exp":%d,"jti":"%s"}' \
  "$CLIENT_ID" "$CLIENT_ID" "$TOKEN_URL" "$((now + 240))" "$(openssl rand -hex 16)" | b64url)"
signature="$(printf '%s.%s' "$header" "$claims" | openssl dgst "$digest" -sign "$KEY" -binary | b64url)"

curl -sS "${CA_ARGS[@]}" "$TOKEN_URL" \
  --data-urlencode grant_type=client_credentials \
  --data-urlencode "scope=$SCOPE" \
  --data-urlencode client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
  --data-urlencode "client_assertion=$header.$claims.$signature"
echo
