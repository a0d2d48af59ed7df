#!/usr/bin/env bash
# The whole test run: set-up, linters, type checks, sanitized C tests, pytest.
# Extra arguments go to pytest (e.g. `bash scripts/test.sh -k codec`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --dev

# A real Redis server for the gateway's scale-out tests (Debian package).
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "edgekit tests: installing redis-server"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null
  else
    echo "edgekit tests: redis-server not found; Redis tests will be skipped" >&2
  fi
fi

echo "== ruff"
.venv/bin/ruff check edgekit cloud_gateway tests benchmarks examples
echo "== mypy --strict"
.venv/bin/mypy
if [ -x scripts/test-native.sh ]; then
  echo "== native codec tests (AddressSanitizer + UBSan)"
  bash scripts/test-native.sh
fi
echo "== pytest"
set +e
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "edgekit tests: pytest collected nothing; that is a failure" >&2
  exit 1
fi
exit "$status"
