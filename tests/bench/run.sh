#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SSE Scope contributors
# SPDX-License-Identifier: MIT
#
# End-to-end benchmarks: builds what they need and prints one markdown table of medians.
#
#   bash tests/bench/run.sh [BUILD_DIR] [bench_endtoend options...]
#
# BUILD_DIR defaults to build-bench in the source tree. A directory without a CMakeCache.txt is
# configured first (Ninja, RelWithDebInfo, ccache when installed); an existing one keeps its
# settings, so point it at your usual build to reuse it. Only the benchmark targets are built
# (ssescope-cli, bench_startup, bench_rusage, bench_endtoend), at most -j2.
#
# What runs: a loopback firehose (64 MiB of ~143 B events with id: and event:) and a reconnect
# server (`retry: 0`, one event, close; it checks every Last-Event-ID), both raw-socket threads
# inside bench_endtoend; then curl (when installed) as the ceiling, `ssescope-cli watch URL >
# pipe`, SseReader in-process, reconnect loops, and start-up to the first paint of the main
# window (offscreen). Each row is the median of 7 runs after one warm-up; options such as
# `--runs 5`, `--reconnects 2000` or `--only cli,reconnect` are passed on (see bench_endtoend
# --help). Exit status 1 when a run failed or a Last-Event-ID was wrong.
#
# Wall-clock figures depend on what else the machine is doing: the table prints the load
# average before and after, so compare runs made at a similar load.
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${1:-$source_dir/build-bench}
if [[ $# -gt 0 ]]; then
    shift
fi

if [[ ! -f $build_dir/CMakeCache.txt ]]; then
    launcher=()
    if command -v ccache >/dev/null; then
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSSESCOPE_BUILD_BENCHMARKS=ON \
        "${launcher[@]}"
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
if [[ $build_type != Release && $build_type != RelWithDebInfo ]]; then
    echo "warning: $build_dir is a '${build_type:-default}' build;" \
        "numbers need Release or RelWithDebInfo" >&2
fi
cmake --build "$build_dir" -j2 --target ssescope-cli bench_startup bench_rusage bench_endtoend

exec "$build_dir/tests/bench/bench_endtoend" "$@"
