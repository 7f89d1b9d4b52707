# Sourced by setup-host: where tgtd serves iSCSI. Left to itself tgtd listens on
# 0.0.0.0 and [::] port 3260, i.e. on every network the host is on. Until volumes
# exist nothing but this host needs it, so the portal is loopback only (the volume
# work adds a portal on the host's underlay address, from the agent).
# TGT_CONTROL_PORT selects another tgtd's management socket (tests run their own).
# shellcheck shell=bash
TGT_PORTAL=127.0.0.1:3260
TGT_WILDCARD_PORTALS=(0.0.0.0:3260 '[::]:3260')

tgt_admin() { tgtadm ${TGT_CONTROL_PORT:+--control-port "$TGT_CONTROL_PORT"} "$@"; }

# Starts tgtd (it daemonizes) with its portal on loopback.
start_tgtd() {
  tgtd ${TGT_CONTROL_PORT:+--control-port "$TGT_CONTROL_PORT"} --iscsi "portal=$TGT_PORTAL" "$@"
}

# Debian's tgt.service starts `tgtd -f` with no options and reads no environment
# file, so a drop-in replaces its ExecStart (the empty ExecStart= first: systemd
# refuses a second one for a Type=notify service).
tgt_dropin() {
  printf '%s\n' \
    '# Written by strato scripts/setup-host (scripts/lib/tgt.sh): iSCSI on loopback only.' \
    '[Service]' \
    'ExecStart=' \
    "ExecStart=/usr/sbin/tgtd -f --iscsi portal=$TGT_PORTAL"
}

# Writes the drop-in into `dir` (tgt.service.d); fails (status 1) when it was already there.
install_tgt_dropin() { # dir
  local dir=$1
  if [ "$(cat "$dir/strato-portal.conf" 2>/dev/null)" = "$(tgt_dropin)" ]; then return 1; fi
  install -d -m 0755 "$dir"
  tgt_dropin >"$dir/strato-portal.conf"
  chmod 0644 "$dir/strato-portal.conf"
}

# Moves a running tgtd's portals to loopback without restarting it (a restart would
# drop every session): a tgtd started before this rule (an older setup-host, or
# Debian's unit without the drop-in) has the wildcard ones. Idempotent.
tgt_loopback_portal() {
  local portals='' p up=0
  # A tgtd that has just daemonized may not have its control socket yet.
  for _ in $(seq 1 50); do
    if portals=$(tgt_admin --lld iscsi --op show --mode portal 2>/dev/null); then up=1 && break; fi
    sleep 0.1
  done
  [ "$up" = 1 ] || die "tgtd does not answer on its control socket"
  for p in "${TGT_WILDCARD_PORTALS[@]}"; do
    if grep -qF "Portal: $p," <<<"$portals"; then
      say "tgtd: removing the wildcard portal $p"
      tgt_admin --lld iscsi --op delete --mode portal --param "portal=$p"
    fi
  done
  if ! grep -qF "Portal: $TGT_PORTAL," <<<"$portals"; then
    say "tgtd: adding the portal $TGT_PORTAL"
    tgt_admin --lld iscsi --op new --mode portal --param "portal=$TGT_PORTAL"
  fi
}
