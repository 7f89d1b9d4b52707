# Sourced by setup-host, install-host and build-systemd-root: the Debian packages strato
# needs, in one place so a host, a development machine and the systemd test container
# cannot drift apart.
# shellcheck shell=bash

# What a host running the daemons needs (install-host): libvirt + QEMU (+ the iSCSI
# initiator), dnsmasq for DHCP, nftables, tgt and LVM for volumes, genisoimage for
# config drives, iproute2 for `ip netns`, openssl for certificates, systemd for units,
# arping for a router's gratuitous ARP of its gateway and floating addresses.
RUNTIME_PACKAGES=(
  libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils qemu-block-extra
  dnsmasq-base nftables tgt lvm2 genisoimage iproute2 util-linux openssl ca-certificates
  systemd iputils-arping
)

# Only for development and CI (setup-host): the test guest image's build tools, etcd
# and sqlite3 for the store tests, socat for fake sockets, and debootstrap +
# systemd-container for the tests under a real systemd (scripts/build-systemd-root),
# ping for the quick start's floating IP path (README) and its test.
DEV_PACKAGES=(
  iptables etcd-server sqlite3 socat extlinux syslinux-common busybox-static e2fsprogs
  fdisk cpio kmod xz-utils zstd libxml2-utils debootstrap systemd-container iputils-ping
)

# Installs the named packages that are missing (one apt-get run; nothing when all are there).
install_packages() { # package...
  local p missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  say "installing packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
