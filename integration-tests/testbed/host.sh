#!/usr/bin/env bash
# Test hosts: a copy of the cached Debian root filesystem running sshd (and dockerd) in its own
# network, UTS, mount and PID namespaces, reachable at its own 10.200.x address.
#
# Usage:
#   host.sh boot NAME IP/24 GATEWAY_IP PUBKEY_FILE [--outer-netns NS] [--workdir DIR]
#                [--hostname HOST] [--cache DIR] [--no-docker] [--timeout SECONDS]
#       Creates network namespace NAME with a veth pair (inside: eth0 = IP/24, no default route;
#       outside: GATEWAY_IP/32 plus a route to IP/32, in the outer machine or in namespace NS),
#       boots the cached root filesystem (CACHE/rootfs-HASH, read-only) under an overlay whose
#       writes go to a fresh directory under DIR, with new SSH host keys, the host name HOST
#       (default NAME) and PUBKEY_FILE as authorized_keys of "machine" and root, and waits
#       until sshd answers on IP:22. Prints the PID to kill on stdout.
#   host.sh stop NAME [--workdir DIR]      kills the host, deletes its namespace, veth and copy
#   host.sh stop-all [--workdir DIR]       stops every host recorded in DIR
#   host.sh exec NAME [--workdir DIR] -- CMD [ARG...]
#                                          runs CMD as root inside the host (nsenter, no ssh)
#   host.sh list [--workdir DIR]           NAME PID IP per running host recorded in DIR
# DIR defaults to ${TMPDIR:-/tmp}/machine-testbed; CACHE to this script's cache/ directory.
# Only 10.200.0.0/16 addresses are accepted. Progress goes to stderr.
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log() { printf 'host.sh: %s\n' "$*" >&2; }
fail() { log "ERROR: $*"; exit 1; }
usage() { sed -n '2,/^set -/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

[[ $# -ge 1 ]] || usage
CMD=$1; shift

WORKDIR=${TMPDIR:-/tmp}/machine-testbed
CACHE=$HERE/cache
OUTER_NS=""
HOST_NAME=""
NO_DOCKER=0
TIMEOUT=30
POSITIONAL=()
EXEC_ARGS=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --outer-netns) OUTER_NS=${2:?--outer-netns needs a value}; shift 2 ;;
    --workdir) WORKDIR=${2:?--workdir needs a value}; shift 2 ;;
    --hostname) HOST_NAME=${2:?--hostname needs a value}; shift 2 ;;
    --cache) CACHE=${2:?--cache needs a value}; shift 2 ;;
    --timeout) TIMEOUT=${2:?--timeout needs a value}; shift 2 ;;
    --no-docker) NO_DOCKER=1; shift ;;
    --) shift; EXEC_ARGS=("$@"); break ;;
    -*) fail "unknown option $1" ;;
    *) POSITIONAL+=("$1"); shift ;;
  esac
done

[[ $(id -u) -eq 0 ]] || fail "must run as root (network namespaces, mounts); running as uid $(id -u)"

valid_name() { [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$ ]]; }
ipv4_in_testnet() { [[ $1 =~ ^10\.200\.([0-9]{1,3})\.([0-9]{1,3})$ ]] && (( BASH_REMATCH[1] <= 255 && BASH_REMATCH[2] <= 255 )); }
# True while PID runs (a zombie waiting for its reaper counts as gone).
alive() { local st; st=$(awk '{print $3}' /proc/"$1"/stat 2>/dev/null) && [[ -n $st && $st != Z ]]; }
state_file() { echo "$WORKDIR/$1.state"; }

# Reads NAME's state file (written by boot) into S_* variables without executing it.
read_state() {
  local f key value
  f=$(state_file "$1")
  [[ -f $f ]] || return 1
  S_PID="" S_DIR="" S_VETH="" S_OUTER_NS="" S_IP=""
  while IFS='=' read -r key value; do
    case $key in
      PID) S_PID=$value ;; DIR) S_DIR=$value ;; VETH) S_VETH=$value ;;
      OUTER_NS) S_OUTER_NS=$value ;; IP) S_IP=$value ;;
    esac
  done < "$f"
}

outer_ip() { if [[ -n $1 ]]; then ip -n "$1" "${@:2}"; else ip "${@:2}"; fi; }

# Stops what exists of a host; every step tolerates a part that was never made.
teardown() {
  local name=$1 pid=$2 dir=$3 veth=$4 outer_ns=$5 i p m
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && [[ $(cat /proc/"$pid"/comm 2>/dev/null) == unshare ]]; then
    # unshare --fork ignores SIGTERM; with --kill-child its child (the host's PID 1) gets SIGKILL
    # when it dies, and with PID 1 the whole PID namespace goes.
    kill -KILL "$pid" 2>/dev/null || true
    for (( i = 0; i < 100; i++ )); do alive "$pid" || break; sleep 0.05; done
  fi
  if [[ -e /run/netns/$name ]]; then
    # Anything still inside the network namespace (a test's `ip netns exec NAME ...`).
    for p in $(ip netns pids "$name" 2>/dev/null); do kill -KILL "$p" 2>/dev/null || true; done
    for (( i = 0; i < 100; i++ )); do [[ -z $(ip netns pids "$name" 2>/dev/null) ]] && break; sleep 0.05; done
    ip netns del "$name" 2>/dev/null || log "WARNING: could not delete network namespace $name"
  fi
  if [[ -n $veth ]] && { [[ -z $outer_ns ]] || [[ -e /run/netns/$outer_ns ]]; }; then
    outer_ip "$outer_ns" link del "$veth" 2>/dev/null || true
  fi
  if [[ -n $dir && -d $dir ]]; then
    # The host's mounts live in its own mount namespace; never follow one into /dev or /sys.
    while read -r m; do umount -l "$m" 2>/dev/null || true; done < <(
      awk -v p="$dir/" 'index($2, p) == 1 {print $2}' /proc/mounts | sort -r)
    rm -rf --one-file-system "$dir"
  fi
  rm -f "$(state_file "$name")"
}

tcp_banner() {   # prints sshd's banner line if IP:22 answers (run inside OUTER_NS if set)
  local ns=$1 ip=$2
  if [[ -n $ns ]]; then
    ip netns exec "$ns" timeout 2 bash -c 'exec 3<>/dev/tcp/$0/22 && head -c 4 <&3' "$ip" 2>/dev/null || true
  else
    timeout 2 bash -c 'exec 3<>/dev/tcp/$0/22 && head -c 4 <&3' "$ip" 2>/dev/null || true
  fi
}

cmd_boot() {
  [[ ${#POSITIONAL[@]} -eq 4 ]] || usage
  local name=${POSITIONAL[0]} cidr=${POSITIONAL[1]} gw=${POSITIONAL[2]} pubkey=${POSITIONAL[3]}
  local ip=${cidr%/*} hostname=${HOST_NAME:-${POSITIONAL[0]}}
  valid_name "$name" || fail "bad host name '$name' (letters, digits, . _ -; at most 40)"
  valid_name "$hostname" || fail "bad --hostname '$hostname'"
  [[ $cidr == */24 ]] || fail "address must be IP/24, got '$cidr'"
  ipv4_in_testnet "$ip" || fail "address must be in 10.200.0.0/16 (safety rule), got '$ip'"
  ipv4_in_testnet "$gw" || fail "gateway must be in 10.200.0.0/16 (safety rule), got '$gw'"
  [[ ${ip%.*} == "${gw%.*}" ]] || fail "gateway $gw is not in $cidr"
  [[ $ip != "$gw" ]] || fail "address and gateway are both $ip"
  [[ -r $pubkey ]] || fail "public key file '$pubkey' not readable"
  grep -qE '^(ssh-|ecdsa-)' "$pubkey" || fail "'$pubkey' is not an OpenSSH public key"
  [[ $TIMEOUT =~ ^[0-9]+$ ]] || fail "--timeout must be whole seconds"
  local lower
  [[ -f $CACHE/rootfs.sha256 ]] || fail "no root filesystem in $CACHE: run $HERE/build-rootfs.sh first"
  lower=$CACHE/rootfs-$(cut -c1-16 "$CACHE/rootfs.sha256")
  [[ -x $lower/sbin/test-init ]] || fail "no root filesystem at $lower: run $HERE/build-rootfs.sh first"
  [[ ! -e /run/netns/$name ]] || fail "network namespace $name already exists (host.sh stop $name?)"
  [[ -z $OUTER_NS || -e /run/netns/$OUTER_NS ]] || fail "outer network namespace $OUTER_NS does not exist"
  if outer_ip "$OUTER_NS" -4 route show "$ip/32" 2>/dev/null | grep -q .; then
    fail "$ip is already routed${OUTER_NS:+ in $OUTER_NS} (another host has it)"
  fi
  mkdir -p "$WORKDIR"
  [[ ! -e $(state_file "$name") ]] || fail "$(state_file "$name") exists: host $name is running (host.sh stop $name)"

  local dir veth pid="" start=$SECONDS t0
  t0=$(date +%s%N)
  dir=$(mktemp -d "$WORKDIR/$name.XXXXXX")
  veth=vt$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')   # 10 chars; fresh, as deleted names linger
  # On any failure from here: undo everything made so far.
  trap 'rc=$?; log "boot of $name failed, cleaning up"; [[ -f $dir/console.log ]] && tail -n 20 "$dir/console.log" >&2; teardown "$name" "$pid" "$dir" "$veth" "$OUTER_NS"; exit $rc' ERR INT TERM
  printf 'DIR=%s\nVETH=%s\nOUTER_NS=%s\nIP=%s\nPID=\n' "$dir" "$veth" "$OUTER_NS" "$ip" > "$(state_file "$name")"

  mkdir "$dir/upper" "$dir/work" "$dir/root" "$dir/docker"
  install -m 644 "$pubkey" "$dir/authorized_keys"
  if (( NO_DOCKER )); then touch "$dir/no-docker"; fi

  if [[ -z $OUTER_NS ]] && ! ip -4 route show 10.200.0.0/16 | grep -q .; then
    # Safety net, left in place on purpose: once a host is stopped (or before it is up) its
    # address must fail with "unreachable" on this machine instead of going out the default route.
    ip route add unreachable 10.200.0.0/16 2>/dev/null || true
  fi
  log "network: namespace $name, $veth ${OUTER_NS:+in $OUTER_NS }$gw <-> eth0 $cidr"
  ip netns add "$name"
  ip link add "$veth" type veth peer name eth0 netns "$name"
  ip -n "$name" link set lo up
  ip -n "$name" addr add "$cidr" dev eth0
  ip -n "$name" link set eth0 up
  if [[ -n $OUTER_NS ]]; then ip link set "$veth" netns "$OUTER_NS"; fi
  # A /32 gateway address and a host route: several hosts of one /24 can share a gateway address.
  outer_ip "$OUTER_NS" addr add "$gw/32" dev "$veth"
  outer_ip "$OUTER_NS" link set "$veth" up
  outer_ip "$OUTER_NS" route add "$ip/32" dev "$veth" src "$gw"

  log "booting $hostname"
  # setsid: no signal from the test's terminal; stdio to a file so no caller waits on our pipes.
  setsid ip netns exec "$name" unshare --uts --mount --pid --fork --kill-child --propagation private \
    "$HERE/boot.sh" "$lower" "$dir" "$hostname" > "$dir/console.log" 2>&1 < /dev/null &
  pid=$!
  disown "$pid"   # no "Killed" job report when a failed boot is torn down
  printf 'DIR=%s\nVETH=%s\nOUTER_NS=%s\nIP=%s\nPID=%s\n' "$dir" "$veth" "$OUTER_NS" "$ip" "$pid" > "$(state_file "$name")"

  local deadline=$((SECONDS + TIMEOUT))
  until [[ $(tcp_banner "$OUTER_NS" "$ip") == SSH- ]]; do
    alive "$pid" || { log "host $name exited during boot"; false; }
    (( SECONDS < deadline )) || { log "sshd on $ip:22 did not answer within $TIMEOUT s"; false; }
    sleep 0.1
  done
  trap - ERR INT TERM
  log "host $name ($hostname) up at $ip in $(( ($(date +%s%N) - t0) / 1000000 )) ms, pid $pid, console $dir/console.log"
  echo "$pid"
}

cmd_stop() {
  [[ ${#POSITIONAL[@]} -eq 1 ]] || usage
  local name=${POSITIONAL[0]}
  valid_name "$name" || fail "bad host name '$name'"
  if ! read_state "$name"; then
    [[ ! -e /run/netns/$name ]] || fail "namespace $name exists but $WORKDIR has no record of it: not ours, not touching it"
    log "host $name is not running (no $(state_file "$name"))"
    return 0
  fi
  teardown "$name" "$S_PID" "$S_DIR" "$S_VETH" "$S_OUTER_NS"
  log "stopped $name"
}

cmd_stop_all() {
  [[ ${#POSITIONAL[@]} -eq 0 ]] || usage
  local f
  shopt -s nullglob
  for f in "$WORKDIR"/*.state; do
    POSITIONAL=("$(basename "$f" .state)")
    cmd_stop
  done
}

cmd_list() {
  local f n
  shopt -s nullglob
  for f in "$WORKDIR"/*.state; do
    n=$(basename "$f" .state)
    read_state "$n" && printf '%s %s %s\n' "$n" "$S_PID" "$S_IP"
  done
}

cmd_exec() {
  [[ ${#POSITIONAL[@]} -eq 1 && ${#EXEC_ARGS[@]} -gt 0 ]] || usage
  local name=${POSITIONAL[0]} init
  read_state "$name" || fail "host $name is not running (no $(state_file "$name"))"
  kill -0 "$S_PID" 2>/dev/null || fail "host $name (pid $S_PID) is not running"
  # PID 1 of the host = the only child of unshare.
  init=$(cat /proc/"$S_PID"/task/"$S_PID"/children 2>/dev/null | awk '{print $1}')
  [[ -n $init ]] || fail "host $name has no init process"
  exec nsenter --target "$init" --mount --uts --pid --net --root --wd -- \
    /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "${EXEC_ARGS[@]}"
}

case $CMD in
  boot) cmd_boot ;;
  stop) cmd_stop ;;
  stop-all) cmd_stop_all ;;
  exec) cmd_exec ;;
  list) cmd_list ;;
  -h|--help|help) usage ;;
  *) fail "unknown command '$CMD' (boot, stop, stop-all, exec, list)" ;;
esac
