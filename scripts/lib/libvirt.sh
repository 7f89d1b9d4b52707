# Sourced by setup-host and install-host: the host's libvirt as strato needs it.
# shellcheck shell=bash

# libvirt runs QEMU as libvirt-qemu; with /dev/kvm root-only it re-probes QEMU on
# every call (HOST-FACTS: 48 s per create instead of 0.4 s).
kvm_group_access() {
  if [ -e /dev/kvm ]; then chgrp kvm /dev/kvm && chmod 660 /dev/kvm; fi
}

# A socket file left by a daemon that died with the last session exists before the
# new daemon listens: wait until libvirtd answers, not until the file exists.
wait_for_libvirtd() {
  local _
  for _ in $(seq 1 150); do virsh -c qemu:///system -q uri >/dev/null 2>&1 && return 0; sleep 0.2; done
  die "libvirtd did not come up"
}

# libvirt's default network would start a NATing dnsmasq in every libvirtd that
# autostarts it; strato owns networking.
disable_libvirt_default_network() {
  if virsh -q net-info default >/dev/null 2>&1; then
    virsh -q net-autostart default --disable >/dev/null 2>&1 || true
    virsh -q net-destroy default >/dev/null 2>&1 || true
  fi
}
