#!/usr/bin/env bash
# Creates the compose secrets as files in deploy/secrets/ (never committed: .gitignore), with
# random values. Compose mounts a secret file with its host owner and mode, and the services run
# as uid 10001 (mysql as 999): the files are world-readable inside this folder, which only its
# owner may enter (mode 700). Existing files are kept: rerunning never changes a password or key in use.
# The launcher's key pair: launcher_client_private_key.pem here, its public JWK Set in
# launcher_client_jwks.json (register it for the launcher's client, docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")"
chmod 700 .
umask 022

random_secret() {  # NAME BYTES
  [ -s "$1" ] || { openssl rand -base64 "$2" | tr -d '\n' > "$1"; echo "created $1"; }
}
random_secret mysql_root_password 24
random_secret fhir_db_password 24
random_secret auth_db_password 24
random_secret auth_bootstrap_admin_password 24
random_secret launcher_client_secret 32
# AES-256 key for the signing keys at rest: base64 of exactly 32 bytes.
random_secret auth_key_encryption_key 32

if [ ! -s launcher_client_private_key.pem ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out launcher_client_private_key.pem 2>/dev/null
  echo "created launcher_client_private_key.pem"
fi

# The public half as a JWK Set with an RFC 7638 thumbprint as kid, for the launcher's client
# registration (jwks), and the kid for LAUNCHER_CLIENT_KEY_ID in deploy/.env.
modulus=$(openssl rsa -in launcher_client_private_key.pem -noout -modulus 2>/dev/null | cut -d= -f2)
python3 - "$modulus" > launcher_client_jwks.json <<'PY'
import base64, hashlib, json, sys
b64 = lambda data: base64.urlsafe_b64encode(data).rstrip(b"=").decode()
n = b64(bytes.fromhex(sys.argv[1]))
kid = b64(hashlib.sha256(json.dumps({"e": "AQAB", "kty": "RSA", "n": n}, separators=(",", ":")).encode()).digest())
print(json.dumps({"keys": [{"kty": "RSA", "e": "AQAB", "n": n, "kid": kid, "alg": "RS384", "use": "sig"}]}))
PY
echo "launcher key id (LAUNCHER_CLIENT_KEY_ID): $(python3 -c 'import json; print(json.load(open("launcher_client_jwks.json"))["keys"][0]["kid"])')"
