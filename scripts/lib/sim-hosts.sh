# Sourced by scripts/quickstart: the hypervisor hosts that `--hosts N` adds beside the
# machine itself (host 1), so that a server can move between hosts on one machine.
# Host n (2..N) is a network namespace on a host-only underlay bridge plus a private mount
# namespace with its own virtlogd and libvirtd (scripts/lib/sim-host-init.sh) and its
# own strato-agent; the same recipe as the tests' test/harness/sim-hosts.ts.
#
# Uses the quickstart's LIB, RUN, LOGS, TLS, HOST_ID, ROOT, NODE and its start/stop/running.
# shellcheck shell=bash

# The underlay: 10.250.0.0/24 unless STRATO_QUICKSTART_UNDERLAY names another a.b.c (/24).
# Outside the tests' 10.200.0.0–10.239.255.0 (test/harness/sim-host-underlay.ts) and the
# demo tenant subnet; host-only: the bridge has no uplink and nothing routes to it.
QS_NET="${STRATO_QUICKSTART_UNDERLAY:-10.250.0}"
QS_BRIDGE=strato-qsbr
QS_BRIDGE_IP="$QS_NET.1"

# Checks the chosen /24; a running underlay keeps the one it was made with (in $RUN/underlay).
underlay_load() {
  if [ -s "$RUN/underlay" ]; then QS_NET=$(cat "$RUN/underlay") QS_BRIDGE_IP="$(cat "$RUN/underlay").1"; fi
  [[ "$QS_NET" =~ ^(10|172\.(1[6-9]|2[0-9]|3[01])|192\.168)(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){1,2}$ ]] &&
    [ "$(tr -cd . <<<"$QS_NET" | wc -c)" = 2 ] ||
    die "STRATO_QUICKSTART_UNDERLAY must be the first three octets of a private /24 (e.g. 10.251.7), got $QS_NET"
}

qs_netns() { echo "strato-qs-$1"; }
qs_veth() { echo "strato-qsv$1"; }
qs_host_ip() { echo "$QS_NET.$((10 + $1))"; }
qs_host_id() { echo "$HOST_ID-$1"; }
qs_host_dir() { echo "$LIB/hosts/$1"; }
qs_host_run() { echo "$RUN/hosts/$1"; }
qs_libvirt_uri() { echo "qemu+unix:///system?socket=$(qs_host_run "$1")/run/libvirt/libvirt-sock"; }

# The hosts' processes share a cgroup v2 directory each: QEMU (double-forked by libvirtd)
# and dnsmasq (in a DHCP namespace of the host's agent) cannot leave it, so --down finds
# every one of them. Empty where the machine has no cgroup2; the namespaces then serve.
qs_cgroup() {
  local root
  root=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/self/mounts)
  [ -n "$root" ] && echo "$root/strato-quickstart/host-$1"
}

# Does the certificate name the address (as an IP SAN)?
cert_names_ip() { # cert, ip
  openssl x509 -in "$1" -noout -ext subjectAltName 2>/dev/null | grep -qE "IP Address:${2//./\\.}(,|$)"
}

# A host certificate the conductor already knows cannot simply be re-made: it pins the
# ones it has seen (conductor/certificates). Host 1's, made by an older quick start
# without the underlay address, is re-issued through the conductor instead.
reissue_host_cert() { # host id, ip...
  local id=$1 tmp args=()
  shift
  for a in "$@"; do args+=(--ip "$a"); done
  tmp=$(mktemp -d)
  say "re-issuing host $id's certificate through the conductor (for ${*})"
  "$STRATO" host certificate issue "$id" "${args[@]}" --dns localhost --out "$tmp/bundle.tar" >/dev/null
  tar -xf "$tmp/bundle.tar" -C "$tmp"
  install -m 0600 "$tmp/$id.key" "$TLS/$id.key"
  install -m 0644 "$tmp/$id.crt" "$TLS/$id.crt"
  rm -rf "$tmp"
}

# Is the underlay in use (the conductor's registry and host 1 on it)?
underlay_active() { [ -f "$RUN/underlay" ]; }

underlay_up() {
  if ! ip link show "$QS_BRIDGE" >/dev/null 2>&1; then
    # Someone else's address in our /24 would make the hosts' traffic ambiguous.
    if ip -4 -o addr show | grep -q " inet ${QS_NET//./\\.}\."; then
      die "$QS_NET.0/24 is already in use on this machine: set STRATO_QUICKSTART_UNDERLAY to another a.b.c"
    fi
    say "creating the underlay bridge $QS_BRIDGE ($QS_BRIDGE_IP/24)"
    ip link add "$QS_BRIDGE" type bridge
    ip addr add "$QS_BRIDGE_IP/24" dev "$QS_BRIDGE"
    ip link set "$QS_BRIDGE" up
  fi
  echo "$QS_NET" >"$RUN/underlay"
}

underlay_down() {
  # The first host's storage role put tgtd's iSCSI portal on the underlay address; the
  # machine's tgtd (setup-host's, on loopback) keeps listening there after the agent is gone.
  if tgtadm --lld iscsi --op show --mode portal 2>/dev/null | grep -qF "Portal: $QS_BRIDGE_IP:3260,"; then
    tgtadm --lld iscsi --op delete --mode portal --param "portal=$QS_BRIDGE_IP:3260" || true
  fi
  ip link del "$QS_BRIDGE" 2>/dev/null || true
  rm -f "$RUN/underlay"
}

# The host's libvirtd trusts only this quickstart's host certificates (the CA also signs
# the conductor's and the API's, which have no business with a hypervisor).
write_host_libvirt_conf() { # n
  local n=$1 ip etc
  ip=$(qs_host_ip "$n") etc="$(qs_host_dir "$n")/etc-libvirt"
  cat >"$etc/libvirtd.conf" <<EOF
# Written by scripts/quickstart (scripts/lib/sim-hosts.sh): migrations over TLS on the underlay only.
listen_tls = 1
listen_tcp = 0
listen_addr = "$ip"
auth_tls = "none"
ca_file = "/etc/libvirt/pki/cacert.pem"
cert_file = "/etc/libvirt/pki/servercert.pem"
key_file = "/etc/libvirt/pki/serverkey.pem"
tls_allowed_dn_list = ["CN=$HOST_ID", "CN=$HOST_ID-*"]
EOF
  # Incoming migration streams (and the NBD disk copy) on the underlay address, which
  # is also what a source is told to send to (otherwise the host name: 127.0.0.1).
  cat >"$etc/qemu.conf" <<EOF
# Written by scripts/quickstart (scripts/lib/sim-hosts.sh).
migration_address = "$ip"
migration_host = "$ip"
EOF
  # The host's certificate as libvirt's pkipath layout wants it, for libvirtd (server)
  # and for its peer-to-peer migrations (client: qemu+tls://IP/system?pkipath=/etc/libvirt/pki).
  install -d -m 0700 "$etc/pki"
  install -m 0644 "$TLS/ca.crt" "$etc/pki/cacert.pem"
  local id
  id=$(qs_host_id "$n")
  for role in server client; do
    install -m 0644 "$TLS/$id.crt" "$etc/pki/${role}cert.pem"
    install -m 0600 "$TLS/$id.key" "$etc/pki/${role}key.pem"
  done
}

# The host's private directories: only the daemons' stock *.conf files and nwfilters of the
# machine's /etc/libvirt (its domains, networks, secrets and hooks stay its own).
prepare_host_dirs() { # n
  local d r
  d=$(qs_host_dir "$1") r=$(qs_host_run "$1")
  install -d -m 0711 "$LIB/hosts" "$d"
  install -d -m 0755 "$d/etc-libvirt/qemu/networks/autostart" "$d/lib" "$d/log" "$d/cache/qemu" "$r/run"
  install -d -m 0700 "$d/agent"
  cp /etc/libvirt/*.conf "$d/etc-libvirt/"
  [ -d "$d/etc-libvirt/nwfilter" ] || cp -r /etc/libvirt/nwfilter "$d/etc-libvirt/" 2>/dev/null || true
  # A fresh libvirtd probes QEMU for seconds; the machine's libvirtd has probed the same binaries.
  [ -d "$d/cache/qemu/capabilities" ] || cp -r /var/cache/libvirt/qemu/capabilities "$d/cache/qemu/" 2>/dev/null || true
}

host_holder_alive() { # n
  local f
  f="$(qs_host_run "$1")/holder.pid"
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

# Sets CG_PREFIX: an argv prefix that runs a command in host n's cgroup, joined before the
# exec so that no child is ever forked outside it (every step execs: the pid stays the same).
host_cgroup_prefix() { # n
  local cg
  cg=$(qs_cgroup "$1") || cg=''
  if [ -n "$cg" ]; then mkdir -p "$cg"; fi
  # shellcheck disable=SC2016
  CG_PREFIX=(sh -c 'if [ -n "$0" ]; then echo $$ >"$0/cgroup.procs"; fi; exec "$@"' "$cg")
}

# Host n's namespaces, certificate, virtlogd and libvirtd; kept when they already run.
sim_host_up() { # n
  local n=$1 ns veth ip id r
  ns=$(qs_netns "$n") veth=$(qs_veth "$n") ip=$(qs_host_ip "$n") id=$(qs_host_id "$n") r=$(qs_host_run "$n")
  if host_holder_alive "$n" && virsh -c "$(qs_libvirt_uri "$n")" -q uri >/dev/null 2>&1; then
    say "host $id already running (libvirtd in netns $ns)"
    return 0
  fi
  say "starting host $id (netns $ns, $ip)"
  sim_host_down "$n" quiet # whatever a crashed earlier run left
  "$ROOT/scripts/make-certs" --dir "$TLS" --name "$id" --ip "$ip" >/dev/null
  prepare_host_dirs "$n"
  write_host_libvirt_conf "$n"
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  ip link add "$veth" type veth peer name eth0 netns "$ns"
  ip link set "$veth" master "$QS_BRIDGE" up
  ip -n "$ns" addr add "$ip/24" dev eth0
  ip -n "$ns" link set eth0 up
  rotate_log "$LOGS/host-$n.log"
  host_cgroup_prefix "$n"
  setsid "${CG_PREFIX[@]}" ip netns exec "$ns" unshare --mount --propagation private \
    sh "$ROOT/scripts/lib/sim-host-init.sh" "$(qs_host_dir "$n")" "$r/run" >>"$LOGS/host-$n.log" 2>&1 </dev/null &
  echo $! >"$r/holder.pid"
  local _
  for _ in $(seq 1 150); do
    virsh -c "$(qs_libvirt_uri "$n")" -q uri >/dev/null 2>&1 && return 0
    host_holder_alive "$n" || break
    sleep 0.2
  done
  die "host $id: libvirtd did not come up (see $LOGS/host-$n.log)"
}

# Host n's agent, inside the host's namespaces: compute only (volumes stay on host 1).
sim_host_agent_up() { # n
  local n=$1 ip id holder
  ip=$(qs_host_ip "$n") id=$(qs_host_id "$n") holder=$(cat "$(qs_host_run "$n")/holder.pid")
  host_cgroup_prefix "$n"
  start "agent-$n" "${CG_PREFIX[@]}" nsenter "--target=$holder" --net --mount -- \
    "$NODE" "$ROOT/dist/strato-agent.mjs" --host-id "$id" --listen "$ip:8776" --conductor "$QS_BRIDGE_IP:8775" \
    --tls-dir "$TLS" --state-dir "$(qs_host_dir "$n")/agent" --roles compute --orphan-removal on \
    --underlay-device eth0 --underlay-ip "$ip"
}

# Every process of host n: its cgroup, then whatever is still in its network namespace.
kill_host_processes() { # n
  local n=$1 cg ns pids _
  cg=$(qs_cgroup "$n") || cg=''
  ns=$(qs_netns "$n")
  for _ in $(seq 1 50); do
    pids=''
    if [ -n "$cg" ] && [ -d "$cg" ]; then pids=$(cat "$cg/cgroup.procs"); fi
    if [ -e "/run/netns/$ns" ]; then pids="$pids $(ip netns pids "$ns" 2>/dev/null || true)"; fi
    [ -n "${pids// /}" ] || break
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
    sleep 0.1
  done
  if [ -n "$cg" ] && [ -d "$cg" ]; then rmdir "$cg" 2>/dev/null || say "warning: cgroup $cg still busy"; fi
}

# Removes host n: agent, daemons, guests, namespaces, links and files. Idempotent.
sim_host_down() { # n, [quiet]
  local n=$1 ns
  ns=$(qs_netns "$n")
  [ "${2:-}" = quiet ] || say "removing host $(qs_host_id "$n")"
  stop "agent-$n"
  # libvirtd and virtlogd get a moment to exit on their own, then everything is killed.
  local holder
  holder=$(cat "$(qs_host_run "$n")/holder.pid" 2>/dev/null || true)
  if [ -n "$holder" ] && kill -0 "$holder" 2>/dev/null; then
    nsenter "--target=$holder" --net --mount -- sh -c \
      'kill -TERM $(cat /run/libvirtd.pid /run/virtlogd.pid 2>/dev/null) 2>/dev/null' || true
  fi
  kill_host_processes "$n"
  ip link del "$(qs_veth "$n")" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  # The host's certificate stays (the conductor knows it; --down removes all of /etc/strato).
  rm -rf "$(qs_host_dir "$n")" "$(qs_host_run "$n")" "$LOGS/agent-$n.log"* "$LOGS/host-$n.log"*
}

# The numbers of the added hosts that exist in any form (records, namespaces, cgroups).
existing_sim_hosts() {
  {
    ls "$RUN/hosts" 2>/dev/null || true
    ip netns list 2>/dev/null | sed -n 's/^strato-qs-\([0-9]\+\).*/\1/p'
    local cg
    cg=$(qs_cgroup 0) || cg=''
    if [ -n "$cg" ]; then ls "$(dirname "$cg")" 2>/dev/null | sed -n 's/^host-\([0-9]\+\)$/\1/p' || true; fi
  } | { grep -E '^[0-9]+$' || true; } | sort -nu
}

# Removes every added host and the underlay.
sim_hosts_down() {
  local n cg
  for n in $(existing_sim_hosts); do sim_host_down "$n"; done
  cg=$(qs_cgroup 0) || cg=''
  [ -z "$cg" ] || rmdir "$(dirname "$cg")" 2>/dev/null || true
  underlay_down
}
