#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SSE Scope contributors
# SPDX-License-Identifier: MIT
#
# Usage: validate_metainfo.sh FILE.metainfo.xml
# appstreamcli fails on errors and warnings; infos and pedantic notes pass.
set -euo pipefail

metainfo=$1
if ! command -v appstreamcli >/dev/null; then
    echo "SKIP: appstreamcli not found (Debian package appstream)"
    exit 77
fi

if ! appstreamcli validate --no-net --explain "$metainfo"; then
    echo "FAIL: $metainfo does not validate"
    exit 1
fi
echo "PASS: $metainfo"
