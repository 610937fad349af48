#!/usr/bin/env bash
# Builds, once, the root filesystem of the test hosts and the busybox image, and caches them:
#   CACHE_DIR/rootfs.tar    configured Debian bookworm (sshd, sudo, docker.io, user "machine")
#   CACHE_DIR/busybox.tar   a busybox root for `docker import -c 'CMD ["/bin/sh"]' - busybox:local`
#   CACHE_DIR/rootfs-HASH/  the same tree unpacked: the read-only lower layer of every host's overlay
#   CACHE_DIR/rootfs.sha256 hash of this script: a change rebuilds all of them (rootfs/systemctl
#                           and rootfs/test-init are baked in too, but boot.sh installs their
#                           current versions into every host, so editing them needs no rebuild)
# Usage: build-rootfs.sh [CACHE_DIR]     (default: integration-tests/testbed/cache)
# Safe to run concurrently (flock); prints progress and timings on stderr.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE_DIR=${1:-$HERE/cache}
USER_NAME=machine
PACKAGES=openssh-server,sudo,curl,ca-certificates,iproute2,procps,docker.io,containerd,runc,iptables,kmod
SUITE=bookworm

log() { printf 'build-rootfs: %s\n' "$*" >&2; }
fail() { log "ERROR: $*"; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "must run as root (debootstrap, chroot); running as uid $(id -u)"
for tool in debootstrap flock sha256sum tar chroot; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run $HERE/install-packages.sh"
done
[[ -x /bin/busybox ]] || fail "/bin/busybox is missing: run $HERE/install-packages.sh (busybox-static)"

mkdir -p "$CACHE_DIR"
CACHE_DIR=$(cd "$CACHE_DIR" && pwd)
want_hash=$(sha256sum < "$HERE/build-rootfs.sh" | cut -d' ' -f1)
LOWER=$CACHE_DIR/rootfs-${want_hash:0:16}

up_to_date() {
  [[ -f $CACHE_DIR/rootfs.tar && -f $CACHE_DIR/busybox.tar && -f $CACHE_DIR/rootfs.sha256 && -x $LOWER/sbin/test-init ]] &&
    [[ $(<"$CACHE_DIR/rootfs.sha256") == "$want_hash" ]]
}

if up_to_date; then log "cache up to date: $CACHE_DIR/rootfs.tar"; exit 0; fi

exec 9>"$CACHE_DIR/.build.lock"
log "waiting for the build lock $CACHE_DIR/.build.lock"
flock -w 1800 9 || fail "timed out waiting for another build holding $CACHE_DIR/.build.lock"
if up_to_date; then log "cache built meanwhile by another run: $CACHE_DIR/rootfs.tar"; exit 0; fi

BUILD=$(mktemp -d "$CACHE_DIR/build.XXXXXX")
R=$BUILD/rootfs
# debootstrap mounts proc/sys (and may bind /dev) into the target: unmount everything below
# BUILD before deleting, and never cross into another file system while deleting.
cleanup() {
  local m
  while read -r m; do umount -l "$m" 2>/dev/null || true; done < <(
    awk -v p="$BUILD/" 'index($2, p) == 1 {print $2}' /proc/mounts | sort -r)
  rm -rf --one-file-system "$BUILD"
}
trap cleanup EXIT

MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[[ -n $MIRROR ]] || fail "no Debian mirror found in /etc/apt/sources.list.d/debian.sources"

total_start=$SECONDS
t=$SECONDS
log "debootstrap $SUITE from $MIRROR (minbase + $PACKAGES) into $R"
# --cache-dir keeps the .debs: a rebuild after an edit of this script downloads nothing.
mkdir -p "$CACHE_DIR/debs"
debootstrap --variant=minbase --include="$PACKAGES" --cache-dir="$CACHE_DIR/debs" "$SUITE" "$R" "$MIRROR" > "$BUILD/debootstrap.log" 2>&1 || {
  tail -n 20 "$BUILD/debootstrap.log" >&2; fail "debootstrap failed (log above)"; }
log "debootstrap done in $((SECONDS - t)) s"

t=$SECONDS
log "configuring the root filesystem"
# No network from a test host: apt-get update/install by a provisioner must be a no-op.
: > "$R/etc/apt/sources.list"
rm -f "$R"/etc/apt/sources.list.d/*
: > "$R/etc/resolv.conf"
chroot "$R" apt-get clean
rm -rf "$R"/var/lib/apt/lists/*
mkdir -p "$R/var/lib/apt/lists/partial"

mkdir -p "$R/etc/docker"
printf '%s\n' '{"bridge":"none","iptables":false,"ip-masq":false}' > "$R/etc/docker/daemon.json"
ln -sfn /usr/sbin/dockerd "$R/usr/bin/dockerd"

chroot "$R" useradd -m -s /bin/bash -G sudo "$USER_NAME"
chroot "$R" usermod -p '*' "$USER_NAME"
printf '%s ALL=(ALL) NOPASSWD:ALL\n' "$USER_NAME" > "$R/etc/sudoers.d/$USER_NAME"
chmod 440 "$R/etc/sudoers.d/$USER_NAME"
chroot "$R" install -d -m 700 -o "$USER_NAME" -g "$USER_NAME" "/home/$USER_NAME/.ssh"
install -d -m 700 "$R/root/.ssh"
# Host keys are made per host at boot; the test key too.
rm -f "$R"/etc/ssh/ssh_host_*

install -m 755 "$HERE/rootfs/systemctl" "$R/usr/local/sbin/systemctl"
# Also where systemd would put it, for a `systemctl is-active docker` without sudo.
ln -sfn /usr/local/sbin/systemctl "$R/usr/bin/systemctl"
install -m 755 "$HERE/rootfs/test-init" "$R/sbin/test-init"
mkdir -p "$R/etc/testbed"
log "configured in $((SECONDS - t)) s"

t=$SECONDS
log "building the busybox image root"
B=$BUILD/busybox
mkdir -p "$B/bin" "$B/tmp" "$B/etc" "$B/proc" "$B/sys" "$B/dev" "$B/root"
cp /bin/busybox "$B/bin/busybox"
for applet in $("$B/bin/busybox" --list); do
  [[ $applet == busybox || -e $B/bin/$applet ]] || ln -s busybox "$B/bin/$applet"
done
tar -C "$B" -cf "$BUILD/busybox.tar" .
# Also inside each host, for tests that import it there: docker import /usr/local/share/testbed/busybox.tar
install -D -m 644 "$BUILD/busybox.tar" "$R/usr/local/share/testbed/busybox.tar"

log "writing rootfs.tar"
tar -C "$R" --numeric-owner -cf "$BUILD/rootfs.tar" .
log "archives written in $((SECONDS - t)) s ($(du -h "$BUILD/rootfs.tar" | cut -f1))"

if awk -v p="$R/" 'index($2, p) == 1 {found=1} END {exit !found}' /proc/mounts; then
  fail "something is still mounted below $R after debootstrap"
fi
chmod 755 "$R"
# Older trees go: only hosts booted from this cache directory use them, and a changed
# build script means those hosts are stale anyway.
for old in "$CACHE_DIR"/rootfs-*; do
  if [[ -d $old && $old != "$LOWER" ]]; then rm -rf --one-file-system "$old"; fi
done
rm -rf --one-file-system "$LOWER"
mv "$R" "$LOWER"
mv -f "$BUILD/busybox.tar" "$CACHE_DIR/busybox.tar"
mv -f "$BUILD/rootfs.tar" "$CACHE_DIR/rootfs.tar"
printf '%s\n' "$want_hash" > "$CACHE_DIR/rootfs.sha256"
log "done in $((SECONDS - total_start)) s: $CACHE_DIR/rootfs.tar, $LOWER, $CACHE_DIR/busybox.tar"
