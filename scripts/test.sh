#!/usr/bin/env bash
# Every test: the Swift suites (in-process HTTP, real sockets, real SQLite, a real SMTP server),
# the browser tests (headless Chromium through Selenium), then the database and panel suites
# again on a throwaway PostgreSQL 15 cluster (scripts/pg-test-cluster.sh). Both engines must pass.
# Last, two instances on one PostgreSQL database behind nginx (tests/multi: shared sessions, emails
# sent exactly once across instances and a SIGKILL, database outage and recovery).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH

swift build --build-tests
if [ -d tests/browser ]; then
  swift build
  /usr/bin/python3 tests/browser/run.py --binary .build/debug/hosterra
fi
env -u HOSTERRA_TEST_POSTGRES_URL swift test --skip-build

# PostgreSQL: its own cluster (own state file), stopped however this script ends.
export HOSTERRA_PG_STATE="/tmp/hosterra-pg-test-$$.state"
trap 'scripts/pg-test-cluster.sh stop' EXIT
eval "$(scripts/pg-test-cluster.sh start)"
echo "== PostgreSQL run: DatabaseTests and PortalTests on ${HOSTERRA_TEST_POSTGRES_URL}"
swift test --skip-build --filter "PortalTests|DatabaseTests"

if [ -d tests/multi ]; then
  echo "== Several instances: two hosterra serve on PostgreSQL behind nginx"
  /usr/bin/python3 tests/multi/run.py --binary .build/debug/hosterra
fi
