# Sourced by setup-host and install-host: the system accounts strato runs as.
# shellcheck shell=bash

# Creates a system account with its own group unless it exists. A concurrent run may
# have just created it: check again on failure.
ensure_system_account() { # name, comment, [home]
  local name=$1 comment=$2 home=${3:-/nonexistent}
  getent passwd "$name" >/dev/null && return 0
  say "creating the $name account"
  useradd --system --user-group --no-create-home --home-dir "$home" \
    --shell /usr/sbin/nologin --comment "$comment" "$name" ||
    getent passwd "$name" >/dev/null
}

# The agent's dnsmasq processes drop to this account (not nobody): they re-read their
# hosts and options files on SIGHUP, and those name tenants' MACs and addresses, so
# the files are readable by this account's group and no one else's (like libvirt's own
# libvirt-dnsmasq).
ensure_dnsmasq_account() { ensure_system_account strato-dnsmasq "strato DHCP (dnsmasq)"; }

# strato-conductor runs as this account: it owns /var/lib/strato/conductor and nothing else.
ensure_strato_account() { ensure_system_account strato "strato conductor"; }
