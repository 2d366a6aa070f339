#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SSE Scope contributors
# SPDX-License-Identifier: MIT
#
# Usage: test_package.sh BUILD_DIR VERSION [CPACK]
# Builds the .deb and .tar.gz from BUILD_DIR (already built), inspects the .deb's control data and
# file list, unpacks it into a staging root and runs both installed programs from there. Output
# goes to BUILD_DIR/installer-test, which is left in place for a look after a failure.
set -euo pipefail

build_dir=$1
version=$2
cpack=${3:-cpack}

for tool in "$cpack" dpkg-deb dpkg-shlibdeps readelf ldd; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool not found (Debian packages cmake, dpkg-dev, binutils, libc-bin)"
        exit 77
    fi
done

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

work=$build_dir/installer-test
rm -rf "$work"
mkdir -p "$work"

build_package() { # generator output-dir
    if ! "$cpack" -G "$1" --config "$build_dir/CPackConfig.cmake" -B "$2" >"$2.log" 2>&1; then
        cat "$2.log"
        echo "FAIL: cpack -G $1"
        exit 1
    fi
}

build_package DEB "$work/deb"
debs=("$work"/deb/ssescope_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { echo "FAIL: expected one .deb, got: ${debs[*]}"; exit 1; }
deb=${debs[0]}
echo "package: $deb ($(du -k "$deb" | cut -f1) KiB)"

# Control data.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = ssescope ] && pass "Package: ssescope" || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version-1" ] && pass "Version: $version-1" \
    || fail "Version is '$(field Version)', expected $version-1"
for key in Maintainer Section Homepage Description Architecture; do
    [ -n "$(field "$key")" ] && pass "$key: $(field "$key" | head -n 1)" || fail "no $key field"
done
depends=$(field Depends)
echo "Depends: $depends"
for package in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 qt6-qpa-plugins; do
    grep -Eq "(^|, )${package//+/\\+}( |,|\$)" <<<"$depends" && pass "depends on $package" \
        || fail "Depends lacks $package"
done

# File list: everything under /usr, owned by root, the installed layout complete, no test programs
# and no copy of Qt (the package uses Debian's).
listing=$(dpkg-deb -c "$deb")
paths=$(awk '{print $6}' <<<"$listing")
expected=(
    ./usr/bin/ssescope
    ./usr/bin/ssescope-cli
    ./usr/share/applications/ssescope.desktop
    ./usr/share/metainfo/io.github.ssescope.SseScope.metainfo.xml
    ./usr/share/icons/hicolor/scalable/apps/ssescope.svg
)
for size in 16 24 32 48 64 128 256; do
    expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/ssescope.png")
done
for path in "${expected[@]}"; do
    grep -Fxq "$path" <<<"$paths" && pass "contains $path" || fail "missing $path"
done
outside=$(grep -Ev '^\./(usr/.*)?$' <<<"$paths" || true)
[ -z "$outside" ] && pass "every file is under /usr" || fail "files outside /usr: $outside"
strays=$(grep -E '/(tst_|bench_)|libQt6|/usr/local/' <<<"$paths" || true)
[ -z "$strays" ] && pass "no test programs, no bundled Qt" || fail "unexpected files: $strays"
owners=$(awk '{print $2}' <<<"$listing" | sort -u)
[ "$owners" = root/root ] && pass "owned by root/root" || fail "owners: $owners"

# Unpack and check what a user gets.
root=$work/root
dpkg-deb -x "$deb" "$root"
desktop=$root/usr/share/applications/ssescope.desktop
metainfo=$root/usr/share/metainfo/io.github.ssescope.SseScope.metainfo.xml

exec_program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$root/usr/bin/$exec_program" ] && pass "desktop Exec=$exec_program is installed" \
    || fail "desktop Exec '$exec_program' is not in /usr/bin"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] \
    && [ -f "$root/usr/share/icons/hicolor/48x48/apps/$icon.png" ] \
    && pass "desktop Icon=$icon is in hicolor" || fail "desktop Icon '$icon' is not installed"
component_id=$(sed -n 's:.*<id>\(.*\)</id>.*:\1:p' "$metainfo")
[ "$(basename "$metainfo")" = "$component_id.metainfo.xml" ] \
    && pass "metainfo file named after its id $component_id" \
    || fail "metainfo id '$component_id' does not match its file name"
launchable=$(sed -n 's:.*<launchable type="desktop-id">\(.*\)</launchable>.*:\1:p' "$metainfo")
[ -n "$launchable" ] && [ -f "$root/usr/share/applications/$launchable" ] \
    && pass "metainfo launchable $launchable is installed" \
    || fail "metainfo launchable '$launchable' is not in /usr/share/applications"
while read -r binary; do
    [ -x "$root/usr/bin/$binary" ] && pass "metainfo provides $binary" \
        || fail "metainfo provides '$binary', which is not installed"
done < <(sed -n 's:.*<binary>\(.*\)</binary>.*:\1:p' "$metainfo")
release=$(sed -n 's:.*<release version="\([^"]*\)".*:\1:p' "$metainfo" | head -n 1)
[ "$release" = "$version" ] && pass "metainfo's newest release is $version" \
    || fail "metainfo's newest release is '$release', the project is $version"

# Run the programs with a private home, so no user settings are read or written.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_RUNTIME_DIR=$work/runtime
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
for program in ssescope ssescope-cli; do
    binary=$root/usr/bin/$program
    # The build tree's absolute RUNPATH must not survive installation, or the installed program
    # would load the developer's libraries. qt_standard_project_setup()'s relative
    # $ORIGIN:$ORIGIN/../lib stays: it is /usr/lib here and the bundled-Qt tree in a tarball.
    runpath=$(readelf -d "$binary" | sed -n 's/.*R\(UN\)\{0,1\}PATH.*\[\(.*\)\]/\2/p')
    if tr ':' '\n' <<<"$runpath" | grep -v '^$' | grep -qv '^\$ORIGIN'; then
        fail "$program has an absolute RUNPATH: $runpath"
    else
        pass "$program RUNPATH is relative ('$runpath')"
    fi
    readelf -S "$binary" | grep -q '\.debug_info' && fail "$program is not stripped" \
        || pass "$program is stripped"
    missing=$(ldd "$binary" | grep 'not found' || true)
    [ -z "$missing" ] && pass "$program resolves all libraries" || fail "$program: $missing"
    status=0
    # No display and no platform set, as over SSH: --version must still answer.
    output=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM timeout 60 "$binary" --version \
        2>&1) || status=$?
    if [ "$status" -eq 0 ] && grep -Fq "$version" <<<"$output"; then
        pass "$program --version: $output"
    else
        fail "$program --version exited $status: $output"
    fi
done

# The tarball: the same install tree under one top-level folder.
build_package TGZ "$work/tgz"
tarballs=("$work"/tgz/ssescope-*.tar.gz)
if [ -f "${tarballs[0]}" ]; then
    tar_paths=$(tar -tzf "${tarballs[0]}")
    for path in bin/ssescope bin/ssescope-cli share/applications/ssescope.desktop \
        share/icons/hicolor/scalable/apps/ssescope.svg; do
        grep -Eq "^[^/]+/$path$" <<<"$tar_paths" && pass "tarball contains $path" \
            || fail "tarball lacks $path"
    done
else
    fail "no .tar.gz in $work/tgz"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "PASS: package checks"
