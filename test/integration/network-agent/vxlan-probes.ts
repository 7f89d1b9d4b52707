// VXLAN probes for the underlay-filter test: hand-made VXLAN datagrams sent from a
// chosen underlay source address (Node inside the sending host's namespace), the
// strato drop counter, and the kernel's UDP sockets on the VXLAN port.
import { inNs } from './lab.ts';

export interface ForgedVxlan {
  /** Outer source address (must be on a link in `netns`) and destination (a host's VTEP). */
  from: string;
  to: string;
  vni: number;
  /** The inner Ethernet frame: to the guest's MAC, an IPv4/UDP datagram carrying `text`. */
  dstMac: string;
  srcMac: string;
  srcIp: string;
  dstIp: string;
  dport: number;
  text: string;
  count: number;
}

// One VXLAN header (flags 0x08 = VNI present) + Ethernet + IPv4 (with its checksum:
// br_netfilter drops a bad one) + UDP (checksum 0 = none, legal for IPv4).
const FORGE = `
const o = JSON.parse(process.argv[1]);
const mac = (s) => Buffer.from(s.split(':').map((h) => parseInt(h, 16)));
const ip4 = (s) => Buffer.from(s.split('.').map(Number));
const payload = Buffer.from(o.text);
const udp = Buffer.alloc(8);
udp.writeUInt16BE(40000, 0); udp.writeUInt16BE(o.dport, 2); udp.writeUInt16BE(8 + payload.length, 4);
const ip = Buffer.alloc(20);
ip[0] = 0x45; ip.writeUInt16BE(28 + payload.length, 2); ip.writeUInt16BE(0x4000, 6); ip[8] = 64; ip[9] = 17;
ip4(o.srcIp).copy(ip, 12); ip4(o.dstIp).copy(ip, 16);
let sum = 0;
for (let i = 0; i < 20; i += 2) sum += ip.readUInt16BE(i);
while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
ip.writeUInt16BE(~sum & 0xffff, 10);
const vx = Buffer.alloc(8);
vx[0] = 0x08; vx.writeUIntBE(o.vni, 4, 3);
const frame = Buffer.concat([vx, mac(o.dstMac), mac(o.srcMac), Buffer.from([8, 0]), ip, udp, payload]);
const s = require('dgram').createSocket('udp4');
s.bind({ address: o.from, port: 0 }, () => {
  let n = 0;
  const t = setInterval(() => {
    s.send(frame, 4789, o.to);
    if (++n === o.count) { clearInterval(t); setTimeout(() => process.exit(0), 100); }
  }, 50);
});
`;

/** Sends `f.count` forged VXLAN datagrams from `netns`. */
export async function sendForgedVxlan(netns: string, f: ForgedVxlan): Promise<void> {
  const r = await inNs(netns, [process.execPath, '-e', FORGE, JSON.stringify(f)]);
  if (r.code !== 0) throw new Error(`forging VXLAN from ${f.from} failed: ${r.stderr}`);
}

/** Packets the host's VXLAN filter has dropped (strato's named counter). */
export async function vxlanDropped(netns: string): Promise<number> {
  const r = await inNs(netns, ['nft', '-j', 'list', 'counter', 'inet', 'strato', 'vxlan_dropped']);
  if (r.code !== 0) throw new Error(`nft list counter: ${r.stderr}`);
  const doc = JSON.parse(r.stdout) as { nftables: { counter?: { packets: number } }[] };
  const counter = doc.nftables.find((x) => x.counter !== undefined)?.counter;
  if (counter === undefined) throw new Error('no vxlan_dropped counter');
  return counter.packets;
}

/** Local addresses of the UDP sockets listening on `port` in `netns`, as `ss` prints them. */
export async function udpListeners(netns: string, port: number): Promise<string[]> {
  const r = await inNs(netns, ['ss', '-H', '-uln', `sport = :${port}`]);
  if (r.code !== 0) throw new Error(`ss: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/)[3] ?? '');
}
