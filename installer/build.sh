#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SSE Scope contributors
# SPDX-License-Identifier: MIT
#
# Set-up for a fresh Debian 12 machine (run as root, or with sudo available):
#   bash installer/build.sh run    installs what is missing, builds, launches ssescope
#   bash installer/build.sh test   installs what is missing, builds, runs every test (ctest)
#   bash installer/build.sh build  installs what is missing and builds only
#   bash installer/build.sh sanitize  the same as test, but ASan + UBSan (preset `asan`, in
#                                     build-asan), every test except installer_package
# Environment: BUILD_DIR (default: build; build-asan for sanitize), JOBS (default: nproc).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$here/build}
jobs=${JOBS:-$(nproc)}
mode=${1:-build}
shift || true

packages=(
    build-essential cmake ninja-build
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libgl-dev zlib1g-dev
    appstream desktop-file-utils
    nginx-light
)
# appstream and desktop-file-utils validate the metainfo and .desktop file in ctest (the tests
# report SKIP without them); cpack's .deb needs dpkg-shlibdeps, which build-essential brings.
# Running the GUI needs a display server; tests run offscreen and need none. zlib1g-dev (Qt's
# own zlib) writes the demo server's gzip stream. nginx-light puts a real nginx in front of the
# demo server in tst_findingsnetwork (started unprivileged on a loopback port; skipped without).

install_missing() {
    local missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

configure_and_build() {
    cmake -S "$here" -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
        -DCMAKE_COMPILE_WARNING_AS_ERROR=ON "$@"
    cmake --build "$build_dir" --parallel "$jobs"
}

case $mode in
    build)
        install_missing
        configure_and_build "$@"
        ;;
    run)
        install_missing
        configure_and_build
        exec "$build_dir/app/gui/ssescope" "$@"
        ;;
    test)
        install_missing
        configure_and_build "$@"
        ctest --test-dir "$build_dir" --output-on-failure --parallel "$jobs"
        ;;
    sanitize)
        install_missing
        build_dir=$(realpath -m "${BUILD_DIR:-$here/build-asan}")
        (cd "$here" && cmake --preset asan -B "$build_dir" "$@")
        cmake --build "$build_dir" --parallel "$jobs"
        # Keep in step with the `asan` test preset. Qt is not instrumented; tests/lsan.supp
        # lists the third-party leaks. installer_package would only package sanitized binaries.
        ASAN_OPTIONS=detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1 \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
            LSAN_OPTIONS=suppressions=$here/tests/lsan.supp:print_suppressions=0 \
            ctest --test-dir "$build_dir" --output-on-failure --parallel "$jobs" \
            --exclude-regex '^installer_package$'
        ;;
    *)
        echo "usage: $0 run|test|build|sanitize" >&2
        exit 1
        ;;
esac
