#!/usr/bin/env bash
# Boots one test host. Runs on the outer machine, already inside the host's network namespace and
# in fresh UTS, mount (private propagation) and PID namespaces, as PID 1 of the latter:
#   ip netns exec NS unshare --uts --mount --pid --fork --kill-child --propagation private boot.sh R NAME
# Mounts what sshd and dockerd need below R (all of it vanishes with the mount namespace), sets
# the host name and becomes R's /sbin/test-init (which becomes sshd).
set -euo pipefail

R=${1:?usage: boot.sh ROOTFS HOSTNAME}
NAME=${2:?usage: boot.sh ROOTFS HOSTNAME}
fail() { echo "boot.sh: ERROR: $*" >&2; exit 1; }
[[ $$ -eq 1 ]] || fail "must run as PID 1 of a new PID namespace (through unshare --pid --fork)"
[[ -x $R/sbin/test-init ]] || fail "$R is not a test host root filesystem (no /sbin/test-init)"

mount --bind "$R" "$R"               # dockerd needs the root to be a mount point
mount --rbind /dev "$R/dev"
mount --rbind /sys "$R/sys"          # this network namespace's sysfs (ip netns exec remounted it)
mount -t proc proc "$R/proc"         # this PID namespace's processes only
mount -t tmpfs -o mode=755 tmpfs "$R/run"
# dockerd 20.10 needs the cgroup v1 hierarchies ("Devices cgroup isn't mounted" otherwise).
mount -t tmpfs -o mode=755 cgroup "$R/sys/fs/cgroup"
for c in cpu cpuacct cpuset memory devices freezer blkio pids; do
  mkdir -p "$R/sys/fs/cgroup/$c"
  mount -t cgroup -o "$c" cgroup "$R/sys/fs/cgroup/$c"
done
mkdir -p "$R/sys/fs/cgroup/systemd"
mount -t cgroup -o none,name=systemd cgroup "$R/sys/fs/cgroup/systemd"

hostname "$NAME"
# Else every sudo complains that it cannot resolve the host name.
grep -qE "^127\.0\.1\.1[[:space:]]+$NAME\$" "$R/etc/hosts" || printf '127.0.1.1 %s\n' "$NAME" >> "$R/etc/hosts"
exec chroot "$R" /sbin/test-init
