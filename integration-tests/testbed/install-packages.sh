#!/usr/bin/env bash
# Installs the Debian packages the integration tests need on a fresh machine (Debian 12, root).
# Idempotent and fast when everything is present: it then only asks dpkg, no apt-get update.
# Usage: install-packages.sh            (progress on stderr, one line per step)
set -euo pipefail

PACKAGES=(
  openssh-server openssh-client sudo      # sshd/ssh for loopback tests, ssh client for the tests
  docker.io containerd runc               # dockerd on the outer machine and the docker 20.10 client
  iproute2 iptables procps                # ip netns / veth, ss, ps, kill
  debootstrap busybox-static              # the test hosts' root filesystem and the busybox image
  curl rsync sshfs fuse3                  # scp/mount tests and plain HTTP probes
  openssl ca-certificates util-linux      # certificates; unshare/mount for the test hosts
)

log() { printf 'install-packages: %s\n' "$*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  log "ERROR: must run as root (apt-get install); running as uid $(id -u)"
  exit 1
fi

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  [[ $status == ii* ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  log "all ${#PACKAGES[@]} packages already installed, nothing to do"
  exit 0
fi

log "missing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Several sessions may run apt at once: wait for the dpkg lock instead of failing at once.
APT_OPTS=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
start=$SECONDS
log "apt-get update"
apt-get "${APT_OPTS[@]}" update -qq >&2
log "apt-get install ${missing[*]}"
apt-get "${APT_OPTS[@]}" install -y -qq --no-install-recommends "${missing[@]}" >&2
log "installed ${#missing[@]} packages in $((SECONDS - start)) s"
