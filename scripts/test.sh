#!/usr/bin/env bash
# Every test: the Swift suites (in-process HTTP, real sockets, real SQLite, a real SMTP server)
# and the browser tests (headless Chromium through Selenium).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH

swift build --build-tests
if [ -d tests/browser ]; then
  swift build
  /usr/bin/python3 tests/browser/run.py --binary .build/debug/hosterra
fi
swift test --skip-build
