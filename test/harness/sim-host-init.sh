#!/bin/sh
# First process of a simulated hypervisor host. It already runs in the host's network
# namespace and in a fresh private mount namespace (see spawnHostInit in host-plumbing.ts).
# It gives libvirt private state directories, starts virtlogd and libvirtd in the
# foreground as its children (so it reaps them), and then stays alive: it holds the mount
# namespace that later processes of the host enter with nsenter.
#
# $1: the host's directory, prepared by the harness (run, etc-libvirt, etc-lvm, lib, log, cache).
set -eu
dir=$1

# The whole of /run is private, not only /run/libvirt: libvirtd and virtlogd write their
# pid files to /run, and the root namespace's daemons own /run/libvirtd.pid.
mount --bind "$dir/run" /run
mkdir -p /run/libvirt /run/lock
mount --bind "$dir/etc-libvirt" /etc/libvirt
mount --bind "$dir/lib" /var/lib/libvirt
mount --bind "$dir/log" /var/log/libvirt
mount --bind "$dir/cache" /var/cache/libvirt
# LVM writes metadata backups of a storage host's volume group under /etc/lvm.
if [ -d /etc/lvm ]; then mount --bind "$dir/etc-lvm" /etc/lvm; fi

virtlogd &
# A migration peer (sim-host-tls.ts) listens on its underlay address with TLS.
if [ -e "$dir/libvirtd-listen" ]; then libvirtd --listen & else libvirtd & fi
echo "sim-host-init: virtlogd and libvirtd started"
wait || :
echo "sim-host-init: daemons exited; holding the namespace until teardown"
exec sleep infinity
