#!/bin/sh
# First process of a quickstart's added hypervisor host (scripts/lib/sim-hosts.sh). It
# already runs in the host's network namespace and in a fresh private mount namespace
# (`ip netns exec NS unshare --mount --propagation private`). It gives libvirt private
# directories, starts virtlogd and libvirtd (listening for migrations, libvirtd.conf in
# the private /etc/libvirt) as its children, and stays alive: it holds the mount namespace
# that the host's agent enters with nsenter. Same shape as test/harness/sim-host-init.sh.
#
# $1: the host's directory (etc-libvirt, lib, log, cache); $2: its private /run.
set -eu
dir=$1
run=$2

# All of /run, not only /run/libvirt: the daemons' pid files live there, and the
# machine's own libvirtd owns /run/libvirtd.pid.
mount --bind "$run" /run
mkdir -p /run/libvirt /run/lock
mount --bind "$dir/etc-libvirt" /etc/libvirt
mount --bind "$dir/lib" /var/lib/libvirt
mount --bind "$dir/log" /var/log/libvirt
mount --bind "$dir/cache" /var/cache/libvirt

virtlogd &
# --listen: the TLS socket of libvirtd.conf (underlay address only); without it libvirtd
# serves its unix sockets alone.
libvirtd --listen &
echo "sim-host-init: virtlogd and libvirtd started"
wait || :
echo "sim-host-init: daemons exited; holding the namespace until --down"
exec sleep infinity
