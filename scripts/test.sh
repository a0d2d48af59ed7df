#!/usr/bin/env bash
# The whole test run: set-up, linters, type checks, sanitized C tests, pytest.
# Extra arguments go to pytest (e.g. `bash scripts/test.sh -k codec`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --dev
# The learning tests train a LoRA adapter: the learn extra (CPU PyTorch) in the test venv only.
if ! .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev,learn]" \
    >>.venv/setup.log 2>&1; then
  tail -n 40 .venv/setup.log >&2
  exit 1
fi

# Real peers for the tests: a Redis server (gateway scale-out) and tmux (the
# chat app driven as a person would). Debian packages, installed when missing.
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "edgekit tests: installing ${missing[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null
  else
    echo "edgekit tests: ${missing[*]} not found; tests that need them are skipped" >&2
  fi
fi

# The official Node `openai` client for tests/serve (pinned by tests/serve/node/package-lock.json;
# node_modules is git-ignored; npm's cache makes the reinstall quick).
if command -v npm >/dev/null 2>&1; then
  (cd tests/serve/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
    || echo "edgekit tests: npm ci failed; the Node client tests are skipped" >&2
fi

echo "== ruff"
.venv/bin/ruff check edgekit cloud_gateway tests benchmarks examples scripts
.venv/bin/ruff format --check --quiet edgekit cloud_gateway tests benchmarks examples scripts
echo "== mypy --strict"
.venv/bin/mypy
echo "== import contracts (lint-imports; docs/architecture.md)"
if ! contracts=$(.venv/bin/lint-imports --no-logo --no-cache 2>&1); then
  echo "$contracts"
  exit 1
fi
echo "$contracts" | grep -E '^Contracts:'
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
