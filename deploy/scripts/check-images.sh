#!/usr/bin/env bash
# Starts each built image without Docker (run-image.sh: its layers unpacked, chroot in an
# unprivileged user namespace) and checks that /actuator/health/readiness answers UP, one
# service after the other, each stopped afterwards. Run after deploy/build-images.sh.
# Service logs: deploy/target/image-check/NAME-image.log
set -euo pipefail
cd "$(dirname "$0")/../.."
export LOG_DIR=$PWD/deploy/target/image-check
mkdir -p "$LOG_DIR"
for service in sample-app smart-launcher auth-server fhir-server; do
  bash deploy/scripts/run-image.sh "$service/target/image/$service-image.tar"
done
