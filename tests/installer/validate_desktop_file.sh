#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SSE Scope contributors
# SPDX-License-Identifier: MIT
#
# Usage: validate_desktop_file.sh FILE.desktop
# desktop-file-validate exits 0 on warnings, so its output is read too; hints are advice and pass.
set -euo pipefail

desktop_file=$1
if ! command -v desktop-file-validate >/dev/null; then
    echo "SKIP: desktop-file-validate not found (Debian package desktop-file-utils)"
    exit 77
fi

status=0
output=$(desktop-file-validate "$desktop_file" 2>&1) || status=$?
[ -n "$output" ] && echo "$output"
if [ "$status" -ne 0 ] || grep -Eq ': (error|warning):' <<<"$output"; then
    echo "FAIL: $desktop_file does not validate"
    exit 1
fi
echo "PASS: $desktop_file"
