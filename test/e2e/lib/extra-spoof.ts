// User data for the anti-spoofing test. Both guests sit on a network without DHCP and
// set their ports' addresses by hand (the image's own DHCP client is stopped first: it
// would flush them, and it would print a rogue lease as STRATO-ADDR). The peer serves
// its count of ICMP echo requests received (/proc/net/snmp InEchos) on a TCP port and
// keeps asking for a DHCP lease; the spoofer pings the peer honestly, from a changed
// IP, from a changed MAC, and then runs a DHCP server. Around each spoofed phase the
// spoofer reads the peer's counter over TCP (no pings in between), so any spoofed echo
// that reached the peer shows as a non-zero E2E-LEAK, whatever the timing of honest
// pings under load; a rogue lease shows on the peer's console.
import { pingCount } from './net-guest.ts';

export const LEAK = 'E2E-LEAK';
const COUNTER_PORT = 7007;
export const LEASE = 'E2E-LEASE';
export const SPOOF_DONE = 'E2E-SPOOF-DONE';
/** Ranges the rogue DHCP server offers from (inside the network's /24). */
export const ROGUE_START = 200;

const STOP_DHCP_CLIENT = 'kill $(cat /run/strato/udhcpc-eth0.pid) 2>/dev/null; sleep 0.5';

/** Prints `<tag> 1` once `target` answered a ping (counted as one echo that reached it). */
function waitAnswer(tag: string, target: string, maxS: number): string {
  return `n=0; until ping -c 1 -W 1 ${target} >/dev/null 2>&1; do n=$((n+1)); [ $n -ge ${maxS} ] && break; done; [ $n -lt ${maxS} ] && echo ${tag} 1/1 || echo ${tag} 0/1`;
}

export function peerScript(ip: string): string[] {
  return [
    STOP_DHCP_CLIENT,
    `ip addr add ${ip}/24 dev eth0`,
    "cat >/tmp/echoes.sh <<'EOS'",
    '#!/bin/sh',
    `awk '/^Icmp:/{if(!h){for(i=1;i<=NF;i++)k[$i]=i;h=1}else print $k["InEchos"]}' /proc/net/snmp`,
    'EOS',
    'chmod +x /tmp/echoes.sh',
    `nc -ll -p ${COUNTER_PORT} -e /tmp/echoes.sh &`,
    // A lease script that only reports (never configures): any lease here is rogue.
    `printf '#!/bin/sh\\n[ "$1" = bound ] && echo ${LEASE} $ip from $serverid >/dev/console\\nexit 0\\n' >/tmp/lease.sh`,
    'chmod +x /tmp/lease.sh',
    '(while :; do udhcpc -i eth0 -n -q -t 3 -T 1 -s /tmp/lease.sh >/dev/null 2>&1; sleep 1; done) &',
    'echo E2E-PEER-READY',
  ];
}

export function spooferScript(o: {
  ip: string;
  peer: string;
  spoofIp: string;
  spoofMac: string;
  prefix: string;
}): string[] {
  const reown = `${STOP_DHCP_CLIENT}; ip addr replace ${o.ip}/24 dev eth0`;
  // The peer's echo counter, read over TCP (retried: the path may still be settling).
  const counter = (v: string) =>
    `${v}=''; for i in $(seq 1 20); do ${v}=$(nc -w 3 ${o.peer} ${COUNTER_PORT} 2>/dev/null | tr -dc 0-9); [ -n "$${v}" ] && break; sleep 1; done`;
  const leak = (phase: string) => `echo ${LEAK} ${phase} $((a - b)) b=$b a=$a`;
  return [
    STOP_DHCP_CLIENT,
    `ip addr add ${o.ip}/24 dev eth0`,
    waitAnswer('E2E-REACH', o.peer, 120),
    pingCount('E2E-BEFORE', o.peer, 3),
    counter('b'),
    // Flush, not del: deleting the primary address also takes its secondaries with it.
    `ip addr flush dev eth0 && ip addr add ${o.spoofIp}/24 dev eth0`,
    `echo E2E-SPOOF-IP-HASIP $(ip -4 addr show dev eth0 | grep -c ${o.spoofIp}/24)`,
    pingCount('E2E-SPOOF-IP', o.peer, 4),
    `ip addr flush dev eth0; ip addr add ${o.ip}/24 dev eth0`,
    counter('a'),
    leak('ip'),
    waitAnswer('E2E-IP-RESTORED', o.peer, 30),
    'mac=$(cat /sys/class/net/eth0/address)',
    counter('b'),
    // The image takes a new MAC for a new NIC and starts a DHCP client on it again.
    `ip link set eth0 down && ip link set eth0 address ${o.spoofMac} && ip link set eth0 up`,
    `sleep 3; ${reown}`,
    `echo E2E-SPOOF-MAC-HASIP $(ip -4 addr show dev eth0 | grep -c ${o.ip}/24) $(cat /sys/class/net/eth0/address)`,
    pingCount('E2E-SPOOF-MAC', o.peer, 4),
    'ip link set eth0 down && ip link set eth0 address $mac && ip link set eth0 up',
    `sleep 3; ${reown}`,
    counter('a'),
    leak('mac'),
    waitAnswer('E2E-MAC-RESTORED', o.peer, 30),
    [
      `printf 'start ${o.prefix}.${ROGUE_START}\\nend ${o.prefix}.${ROGUE_START + 10}\\ninterface eth0\\n`,
      `lease_file /tmp/udhcpd.leases\\noption subnet 255.255.255.0\\noption router ${o.prefix}.1\\n' >/tmp/udhcpd.conf`,
    ].join(''),
    'touch /tmp/udhcpd.leases',
    'udhcpd -f /tmp/udhcpd.conf >/tmp/udhcpd.log 2>&1 & d=$!',
    'sleep 25; kill $d',
    'echo E2E-UDHCPD-OFFERS $(grep -ci offer /tmp/udhcpd.log)',
    "tail -n 5 /tmp/udhcpd.log | sed 's/^/E2E-UDHCPD-LOG /'",
    `echo ${SPOOF_DONE}`,
  ];
}
