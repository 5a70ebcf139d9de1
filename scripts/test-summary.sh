#!/usr/bin/env bash
# Test counts per module and suite (H2 and MariaDB runs apart), from the Surefire and Failsafe
# XML reports of the last build.
set -euo pipefail
cd "$(dirname "$0")/.."

printf '%-14s %-24s %6s %6s %6s %6s\n' module suite tests fail error skip
for reports in */target/surefire-reports */target/surefire-reports-mariadb \
               */target/failsafe-reports */target/failsafe-reports-mariadb; do
  [ -d "$reports" ] || continue
  compgen -G "$reports/TEST-*.xml" > /dev/null || continue
  # The first <testsuite ...> element of each report carries the counts as attributes.
  awk -v module="${reports%%/*}" -v suite="${reports##*/}" '
    /<testsuite / && !seen[FILENAME]++ {
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^tests="/)    { split($i, v, "\""); tests += v[2] }
        if ($i ~ /^failures="/) { split($i, v, "\""); failures += v[2] }
        if ($i ~ /^errors="/)   { split($i, v, "\""); errors += v[2] }
        if ($i ~ /^skipped="/)  { split($i, v, "\""); skipped += v[2] }
      }
    }
    END { printf "%-14s %-24s %6d %6d %6d %6d\n", module, suite, tests, failures, errors, skipped }
  ' "$reports"/TEST-*.xml
done
