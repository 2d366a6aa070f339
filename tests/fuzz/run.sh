#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SSE Scope contributors
# SPDX-License-Identifier: MIT
#
# Builds and runs the SseParser fuzzer (clang + libFuzzer; Debian 12: clang, libclang-rt-14-dev).
#   bash tests/fuzz/run.sh [BUILD_DIR] [SECONDS] [extra libFuzzer flags...]
# Defaults: BUILD_DIR=build-fuzz under the source tree, SECONDS=600. One process, one job. New
# interesting inputs go to BUILD_DIR/fuzz-corpus (the checked-in seeds stay untouched); a crash
# is written as BUILD_DIR/crash-<sha1> and should become a row in tst_sseparserhostile.
# With -jobs=1 libFuzzer runs the session in a child process whose output (progress lines, final
# stats) goes to BUILD_DIR/fuzz-0.log.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=$(realpath -m "${1:-$here/build-fuzz}")
seconds=${2:-600}
shift $(( $# < 2 ? $# : 2 ))

cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DSSESCOPE_FUZZ=ON
cmake --build "$build_dir" --target fuzz_sseparser --parallel "${JOBS:-2}"

mkdir -p "$build_dir/fuzz-corpus"
cd "$build_dir"
exec "$build_dir/tests/fuzz/fuzz_sseparser" -max_total_time="$seconds" -max_len=12000 \
    -jobs=1 -workers=1 -print_final_stats=1 -artifact_prefix="$build_dir/" \
    "$@" "$build_dir/fuzz-corpus" "$here/tests/fuzz/corpus"
