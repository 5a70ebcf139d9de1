#!/usr/bin/env bash
# Builds the four service images as tarballs, without a Docker daemon or a registry:
#   1. the base image (jlink'd Java 17, non-root user 10001): deploy/base-image/build-base-image.sh
#   2. each service's jar and image (Jib buildTar, profile "images" of the root pom).
# Output: {fhir-server,auth-server,smart-launcher,sample-app}/target/image/NAME-image.tar,
# image names careconnect-smart/NAME:VERSION (IMAGE_REGISTRY changes the prefix).
# Load one with `docker load -i FILE` (docs/deploy.md). Tests are not run: bash scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# The OCI source label: IMAGE_SOURCE, else this checkout's origin URL (no public URL is known to
# the project yet; without either the label holds the project name).
IMAGE_SOURCE=${IMAGE_SOURCE:-$(git config --get remote.origin.url 2>/dev/null || true)}

bash deploy/base-image/build-base-image.sh
mvn -B -ntp -Pimages -DskipTests \
  -Dimage.registry="${IMAGE_REGISTRY:-careconnect-smart}" \
  ${IMAGE_SOURCE:+-Dimage.source="$IMAGE_SOURCE"} \
  -pl fhir-server,auth-server,smart-launcher,sample-app -am package
ls -l */target/image/*-image.tar
