#!/usr/bin/env bash
# Boots one test host. Runs on the outer machine, already inside the host's network namespace and
# in fresh UTS, mount (private propagation) and PID namespaces, as PID 1 of the latter:
#   ip netns exec NS unshare --uts --mount --pid --fork --kill-child --propagation private \
#     boot.sh LOWER HOSTDIR HOSTNAME
# LOWER is the cached root filesystem (read-only, shared by all hosts); HOSTDIR holds this host's
# upper/ and work/ (its writes), docker/ (a real directory for /var/lib/docker: overlay2 does
# not work on an overlay root), root/ (the mount point), authorized_keys and maybe no-docker.
# Every mount below vanishes with the mount namespace. Configures the host (fresh SSH host keys,
# host name, authorized_keys of "machine" and root) and becomes its /sbin/test-init (then sshd).
set -euo pipefail

LOWER=${1:?usage: boot.sh LOWER HOSTDIR HOSTNAME}
H=${2:?usage: boot.sh LOWER HOSTDIR HOSTNAME}
NAME=${3:?usage: boot.sh LOWER HOSTDIR HOSTNAME}
SSH_USER=machine
fail() { echo "boot.sh: ERROR: $*" >&2; exit 1; }
[[ $$ -eq 1 ]] || fail "must run as PID 1 of a new PID namespace (through unshare --pid --fork)"
[[ -x $LOWER/sbin/test-init ]] || fail "$LOWER is not a test host root filesystem (no /sbin/test-init)"

R=$H/root
mount -t overlay overlay -o "lowerdir=$LOWER,upperdir=$H/upper,workdir=$H/work" "$R"
mkdir -p "$R/var/lib/docker"
mount --bind "$H/docker" "$R/var/lib/docker"
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

# The current stand-ins from the scripts directory (the cached tree may hold older ones).
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
install -m 755 "$HERE/rootfs/systemctl" "$R/usr/local/sbin/systemctl"
install -m 755 "$HERE/rootfs/test-init" "$R/sbin/test-init"

# This host's identity: its own SSH host keys, name and the test key.
# ed25519 and ECDSA only: an RSA host key (ssh-keygen -A) costs 1-4 s of CPU per boot on a busy
# machine, and every client in use (OpenSSH, sshj) takes the other two.
rm -f "$R"/etc/ssh/ssh_host_*
chroot "$R" ssh-keygen -q -t ed25519 -N '' -C "root@$NAME" -f /etc/ssh/ssh_host_ed25519_key
chroot "$R" ssh-keygen -q -t ecdsa -N '' -C "root@$NAME" -f /etc/ssh/ssh_host_ecdsa_key
printf '%s\n' "$NAME" > "$R/etc/hostname"
install -m 600 "$H/authorized_keys" "$R/root/.ssh/authorized_keys"
install -m 600 "$H/authorized_keys" "$R/home/$SSH_USER/.ssh/authorized_keys"
chroot "$R" chown "$SSH_USER:$SSH_USER" "/home/$SSH_USER/.ssh/authorized_keys"
if [[ -e $H/no-docker ]]; then touch "$R/etc/testbed/no-docker"; fi

hostname "$NAME"
# Else every sudo complains that it cannot resolve the host name.
grep -qE "^127\.0\.1\.1[[:space:]]+$NAME\$" "$R/etc/hosts" || printf '127.0.1.1 %s\n' "$NAME" >> "$R/etc/hosts"
exec chroot "$R" /sbin/test-init
