// Probes for the router integration test: a TCP connection whose server reports the
// source address it saw (so a test can tell SNAT from no SNAT), and a continuous ping
// whose largest gap in answered sequence numbers measures an outage.
import { setTimeout as sleep } from 'node:timers/promises';
import { inNs, spawnInNs } from './lab.ts';

const node = process.execPath;

/**
 * Opens one TCP connection from `clientNs` to `ip:port`, served in `serverNs`; resolves
 * with the source address the server saw, or undefined when no connection came.
 */
export async function tcpSource(
  serverNs: string,
  clientNs: string,
  ip: string,
  port: number,
): Promise<string | undefined> {
  const server = spawnInNs(serverNs, [
    node,
    '-e',
    `require('net').createServer(c=>{console.log('FROM '+c.remoteAddress);c.end();}).listen(${port},'0.0.0.0',()=>console.log('READY'));`,
  ]);
  let out = '';
  server.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  try {
    for (let i = 0; i < 150 && !out.includes('READY'); i++) await sleep(20);
    await inNs(clientNs, [
      node,
      '-e',
      `const c=require('net').connect(${port},${JSON.stringify(ip)},()=>c.end());c.on('error',()=>process.exit(1));setTimeout(()=>process.exit(2),2000).unref();`,
    ]);
    for (let i = 0; i < 25 && !out.includes('FROM '); i++) await sleep(20);
    return /FROM (\S+)/.exec(out)?.[1];
  } finally {
    server.kill('SIGKILL');
  }
}

/** A ping every 100 ms from `netns` to `ip` until stopped. */
export function pingStream(netns: string, ip: string) {
  const child = spawnInNs(netns, ['busybox', 'ping', '-i', '0.1', ip]);
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  const seqs = (): number[] => [...out.matchAll(/seq=(\d+)/g)].map((m) => Number(m[1]));
  return {
    answered: (): number => seqs().length,
    /** Stops the stream; resolves with the answers and the longest run of unanswered requests. */
    async stop(): Promise<{ answered: number; longestGap: number }> {
      const closed = new Promise((r) => child.on('close', r));
      child.kill('SIGINT');
      await closed;
      const got = seqs();
      let longestGap = got.length === 0 ? Number.POSITIVE_INFINITY : got[0]!;
      for (let i = 1; i < got.length; i++) longestGap = Math.max(longestGap, got[i]! - got[i - 1]! - 1);
      return { answered: got.length, longestGap };
    },
  };
}
