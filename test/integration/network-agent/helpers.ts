// Small probes for the network-driver integration tests: UDP from a chosen source port
// and TCP streams between guest namespaces (Node inside the namespace, through nsenter),
// and what is left of strato on a host.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { inNs, type LabHost, spawnInNs } from './lab.ts';

const node = process.execPath;

/** Listens for UDP datagrams on `port` in `netns` for `ms`; resolves with what arrived. */
export async function udpReceive(
  netns: string,
  port: number,
  ms: number,
  send: () => Promise<void>,
): Promise<string[]> {
  const script = `const s=require('dgram').createSocket('udp4');s.on('message',m=>console.log(m.toString()));s.bind(${port},()=>console.log('READY'));setTimeout(()=>process.exit(0),${ms});`;
  const child = spawnInNs(netns, [node, '-e', script]);
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  for (let i = 0; i < 100 && !out.includes('READY'); i++) await sleep(20);
  await send();
  await new Promise((r) => child.on('close', r));
  return out.split('\n').filter((l) => l !== '' && l !== 'READY');
}

export async function udpSend(netns: string, sport: number, ip: string, dport: number, text: string): Promise<void> {
  const script = `const s=require('dgram').createSocket('udp4');s.bind(${sport},()=>{let n=0;const t=setInterval(()=>{s.send(${JSON.stringify(text)},${dport},${JSON.stringify(ip)});if(++n===3){clearInterval(t);setTimeout(()=>process.exit(0),100);}},100);});`;
  await inNs(netns, [node, '-e', script]);
}

/** A TCP server in `netns` printing each line received; and a client that sends lines on demand. */
export async function tcpSession(serverNs: string, clientNs: string, ip: string, port: number) {
  const server = spawnInNs(serverNs, [
    node,
    '-e',
    `require('net').createServer(c=>{c.setEncoding('utf8');c.on('data',d=>process.stdout.write(d));}).listen(${port},()=>console.log('READY'));`,
  ]);
  let received = '';
  server.stdout!.setEncoding('utf8').on('data', (d: string) => {
    received += d;
  });
  for (let i = 0; i < 100 && !received.includes('READY'); i++) await sleep(20);
  const client = spawnInNs(clientNs, [
    node,
    '-e',
    `const c=require('net').connect(${port},${JSON.stringify(ip)},()=>console.log('CONNECTED'));process.stdin.on('data',d=>c.write(d));c.on('error',e=>console.log('ERR',e.code));`,
  ]);
  let clientOut = '';
  client.stdout!.setEncoding('utf8').on('data', (d: string) => {
    clientOut += d;
  });
  for (let i = 0; i < 150 && !clientOut.includes('CONNECTED'); i++) await sleep(20);
  return {
    connected: () => clientOut.includes('CONNECTED'),
    async send(line: string, waitMs = 1500): Promise<boolean> {
      client.stdin!.write(`${line}\n`);
      for (let waited = 0; waited < waitMs; waited += 20) {
        if (received.includes(line)) return true;
        await sleep(20);
      }
      return false;
    },
    close(): void {
      client.kill('SIGKILL');
      server.kill('SIGKILL');
    },
  };
}

/** Names of strato-owned links left in the host's namespace. */
export async function leftoverLinks(host: LabHost): Promise<string[]> {
  return (await host.netlink.listLinks()).map((l) => l.name).filter((n) => /^(brq|tap|vxlan-|dh-)/.test(n));
}

export async function processAlive(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')) !== '';
  } catch {
    return false;
  }
}

export async function nftTables(host: LabHost): Promise<string> {
  return (await inNs(host.netns, ['nft', 'list', 'tables'])).stdout;
}
