#!/usr/bin/env bash
# The chroot test hosts: Debian 13 (trixie) with its QGIS 3.40, or with QGIS 3.44 LTR from
# trixie-backports, each in a chroot inside the repository.
#
#   scripts/chroot_host.sh prepare DIR [--from BASE] [--backports]
#                                               build it once (debootstrap, apt, test venv); quick after
#       --from BASE   start from a copy of the prepared chroot BASE instead of debootstrap (the two
#                     trixie hosts share everything but QGIS: one download of Debian, not two)
#       --backports   QGIS (qgis, python3-qgis, qgis-providers) from trixie-backports
#   scripts/chroot_host.sh run DIR -- CMD...    run CMD inside, in the repository (bound at the same path)
#   scripts/chroot_host.sh remove DIR           unmount whatever is still mounted, then delete it
#
# The bind mounts (/proc, /sys, /dev, /dev/pts, /dev/shm, the repository) exist only while a command
# runs and are always torn down (trap); `remove` never deletes through a live mount, and a chroot is
# copied only while nothing is mounted in it. Inside, apt and pip reach the registries only with this
# machine's CA bundle and pip.conf, which are copied in. Needs root (debootstrap, chroot, mount).
set -euo pipefail

SUITE=trixie
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
VENV=/opt/yongji-venv
REPO=$(cd "$(dirname "$0")/.." && pwd -P)
REQUIREMENTS=requirements-test-trixie.txt
# what the suite needs on this host (pylupdate5 for the catalogue test); not lrelease: the .qm
# catalogues and the plugin ZIP are built once, on the outer host, and do not depend on it
PACKAGES=(qgis python3-qgis qgis-providers xvfb xauth fonts-wqy-microhei fonts-noto-cjk pyqt5-dev-tools
          postgresql-17 postgresql-17-postgis-3 poppler-utils zip unzip python3-venv python3-numpy
          python3-shapely python3-yaml python3-jinja2 python3-psycopg2 python3-pyproj ca-certificates)
BINDS=(proc sys dev dev/pts dev/shm)
BACKPORTED=(qgis python3-qgis qgis-providers)  # what --backports takes from $SUITE-backports
BACKPORTS=
BASE=

die() { echo "chroot_host: $*" >&2; exit 1; }

absolute() { mkdir -p "$(dirname "$1")" && echo "$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"; }

[ $# -ge 2 ] || die "usage: $0 prepare|run|remove DIR [--from BASE] [--backports] [-- CMD...]"
action=$1
root=$(absolute "$2")
shift 2
if [ "$action" = prepare ]; then
    while [ $# -gt 0 ]; do
        case $1 in
            --backports) BACKPORTS=$SUITE-backports ;;
            --from) [ $# -ge 2 ] || die "--from needs a directory"; BASE=$(absolute "$2"); shift ;;
            *) die "unknown option $1" ;;
        esac
        shift
    done
fi
[ "$action" = remove ] && [ ! -e "$root" ] && exit 0
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, mount)"

mounted_under() {  # mount points at or below $1 (default $root), deepest first
    awk -v r="${1:-$root}" '$2 == r || index($2, r "/") == 1 {print $2}' /proc/self/mounts | sort -r
}

processes_inside() {  # PIDs of processes whose root directory is the chroot (started by a run)
    local proc
    for proc in /proc/[0-9]*; do
        [ "$(readlink "$proc/root" 2>/dev/null)" = "$root" ] && echo "${proc#/proc/}"
    done
    return 0
}

unmount_all() {
    local pids point
    pids=$(processes_inside)
    if [ -n "$pids" ]; then
        kill $pids 2>/dev/null || true
        sleep 1
        pids=$(processes_inside)
        [ -z "$pids" ] || kill -9 $pids 2>/dev/null || true
    fi
    for point in $(mounted_under); do
        umount "$point" 2>/dev/null || umount -l "$point"
    done
    [ -z "$(mounted_under)" ] || die "still mounted under $root: $(mounted_under | tr '\n' ' ')"
}

lock() {  # one prepare or run at a time per chroot: a second one would share (and unmount) the binds
    exec 9>"$root.lock"
    flock -n 9 || die "another run is using $root"
    trap unmount_all EXIT
    trap 'exit 130' INT TERM HUP
}

mount_all() {
    local point
    for point in "${BINDS[@]}"; do
        mkdir -p "$root/$point"
        case $point in
            proc) mount -t proc proc "$root/proc" ;;
            *) mount --bind "/$point" "$root/$point" ;;
        esac
    done
    mkdir -p "$root$REPO"
    mount --bind "$REPO" "$root$REPO"
}

inside() {  # run a command in the chroot with a clean environment
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM="${TERM:-dumb}" \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        DEBIAN_FRONTEND=noninteractive PYTHONDONTWRITEBYTECODE=1 QT_QPA_PLATFORM=offscreen \
        ${PYTEST_ADDOPTS:+PYTEST_ADDOPTS="$PYTEST_ADDOPTS"} "$@"
}

copy_registry_access() {  # after apt: ca-certificates rewrites the bundle
    cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
    if [ -f /etc/pip.conf ]; then cp /etc/pip.conf "$root/etc/pip.conf"; fi
}

debootstrap_base() {
    command -v debootstrap >/dev/null || die "debootstrap is not installed"
    echo "Building the $SUITE chroot in $root (debootstrap)…"
    debootstrap --variant=minbase "$SUITE" "$root" "$MIRROR" >"$root.debootstrap.log" 2>&1 \
        || die "debootstrap failed, see $root.debootstrap.log"
    rm -f "$root.debootstrap.log"
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"  # no services start inside
    chmod +x "$root/usr/sbin/policy-rc.d"
    mkdir -p "$root/etc/ssl/certs"
}

copy_base() {  # a copy of the prepared chroot $BASE; never while it is in use (cp would follow its binds)
    [ -f "$BASE/.yongji-pip" ] || die "$BASE is not prepared: prepare it first"
    exec 8>"$BASE.lock"
    flock -n 8 || die "another run is using $BASE"
    [ -z "$(mounted_under "$BASE")" ] || die "still mounted under $BASE: $(mounted_under "$BASE" | tr '\n' ' ')"
    echo "Copying the $SUITE chroot $BASE to $root…"
    rm -rf --one-file-system "$root.partial"
    cp -a --reflink=auto "$BASE" "$root.partial"
    rm -f "$root.partial/.yongji-apt" "$root.partial/.yongji-pip"  # this host is prepared when they are back
    mv "$root.partial" "$root"
    exec 8>&-
}

install_packages() {
    if [ -n "$BACKPORTS" ]; then
        echo "deb $MIRROR $BACKPORTS main" >"$root/etc/apt/sources.list.d/$BACKPORTS.list"
    fi
    inside apt-get update -qq
    inside apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >"$root/apt.log" 2>&1 \
        || { tail -20 "$root/apt.log"; die "apt-get install failed in the chroot"; }
    if [ -n "$BACKPORTS" ]; then
        echo "Installing QGIS from $BACKPORTS into the chroot (apt)…"
        inside apt-get install -y -qq --no-install-recommends -t "$BACKPORTS" "${BACKPORTED[@]}" \
            >>"$root/apt.log" 2>&1 || { tail -20 "$root/apt.log"; die "apt-get install -t $BACKPORTS failed"; }
    fi
    inside apt-get clean
}

prepare() {
    local apt_key pip_key
    if [ ! -f "$root/.yongji-base" ]; then
        [ ! -e "$root" ] || { unmount_all; rm -rf --one-file-system "$root"; }
        if [ -n "$BASE" ]; then copy_base; else debootstrap_base; fi
        touch "$root/.yongji-base"
    fi
    apt_key=$({ printf '%s\n' "${PACKAGES[@]}"; [ -z "$BACKPORTS" ] || printf '%s\n' "$BACKPORTS" "${BACKPORTED[@]}"; } \
        | sha1sum | cut -c1-12)
    pip_key=$(cat "$REPO/$REQUIREMENTS" | sha1sum | cut -c1-12)
    if [ "$(cat "$root/.yongji-apt" 2>/dev/null)" = "$apt_key" ] && \
       [ "$(cat "$root/.yongji-pip" 2>/dev/null)" = "$pip_key" ]; then
        return 0
    fi
    lock
    mount_all
    copy_registry_access
    if [ "$(cat "$root/.yongji-apt" 2>/dev/null)" != "$apt_key" ]; then
        echo "Installing QGIS and the test tools into the $SUITE chroot $root (apt)…"
        install_packages
        copy_registry_access
        echo "$apt_key" >"$root/.yongji-apt"
    fi
    if [ "$(cat "$root/.yongji-pip" 2>/dev/null)" != "$pip_key" ]; then
        echo "Creating the test venv in the $SUITE chroot (pip)…"
        [ -x "$root$VENV/bin/python" ] || inside /usr/bin/python3 -m venv --system-site-packages "$VENV"
        inside "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REPO/$REQUIREMENTS"
        echo "$pip_key" >"$root/.yongji-pip"
    fi
}

run() {
    [ "${1:-}" = "--" ] && shift
    [ -f "$root/.yongji-pip" ] || die "$root is not prepared: run '$0 prepare $root' first"
    lock
    mount_all
    copy_registry_access
    local rc=0
    inside /bin/bash -c 'cd "$0" && exec "$@"' "$REPO" "$@" || rc=$?
    return $rc
}

remove() {
    [ -e "$root" ] || return 0
    unmount_all
    rm -rf --one-file-system "$root" "$root.partial" "$root.lock" "$root.debootstrap.log"
}

case $action in
    prepare) prepare ;;
    run) run "$@" ;;
    remove) remove ;;
    *) die "unknown action $action" ;;
esac
