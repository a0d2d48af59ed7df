#!/usr/bin/env bash
# Builds the codec's C tests with AddressSanitizer + UBSan and runs them (well under a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
cc=${CC:-cc}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags=(-std=c99 -O1 -g -Wall -Wextra -Werror -ffp-contract=off
       -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
"$cc" "${flags[@]}" -Inative native/tests/test_hscodec.c -lm -o "$out/test_hscodec"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 "$out/test_hscodec"
# The optimized build must agree too (vectorized loops, no sanitizers).
"$cc" -std=c99 -O3 -Wall -Wextra -Werror -ffp-contract=off -Inative \
  native/tests/test_hscodec.c -lm -o "$out/test_hscodec_o3"
"$out/test_hscodec_o3"
