#!/usr/bin/env bash
# The multi-node test (cluster-tests, ClusterIT): 2 auth-server and 2 fhir-server processes (the
# packaged jars) behind nginx, sharing one MariaDB, all on loopback; it starts and stops them all
# itself. 4-6 minutes on two cores, so it is not part of scripts/test.sh. Installs nginx and
# mariadb-server when absent (no systemd). Logs and the failover figures stay in
# cluster-tests/target/cluster/run-*/ (failover.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ! -x /usr/sbin/nginx ]; then
  echo "== Installing nginx (cluster test load balancer)"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y nginx
fi

# Builds the jars it needs (-am) without running their own tests (scripts/test.sh does), then
# runs ClusterIT only. -B -ntp, never -q: the "Tests run:" lines must stay visible.
mvn -B -ntp -pl cluster-tests -am verify -DskipClusterTests=false \
  -Dtest=NoUnitTestsHere -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ClusterIT -Dfailsafe.failIfNoSpecifiedTests=false
