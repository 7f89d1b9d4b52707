// Network probes run inside test guests by their user data, and reading the answers
// off the console. The test cannot talk to a guest, so a guest reports: one line per
// probe, prefixed with its uptime, which lets a test tell when something happened in
// guest time (the console log is read with a delay).

export const PING = 'E2E-PING';
export const REPLY = 'E2E-REPLY';

/** Shell: ping `target` once a second forever, printing `E2E-PING <uptime> <target> ok|fail`. */
export function pingLoop(target: string): string {
  return [
    '(while :; do',
    `  if ping -c 1 -W 1 ${target} >/dev/null 2>&1; then r=ok; else r=fail; fi`,
    `  echo ${PING} $(cut -d' ' -f1 /proc/uptime) ${target} $r`,
    '  sleep 1',
    'done) &',
  ].join('\n');
}

/**
 * Shell: one continuous `ping` (a single ICMP id, so one conntrack flow) whose replies
 * are printed as `E2E-REPLY <uptime> <target> seq=N`.
 */
export function continuousPing(target: string): string {
  return `(ping -i 1 ${target} 2>&1 | while read -r l; do case "$l" in *seq=*) echo ${REPLY} $(cut -d' ' -f1 /proc/uptime) ${target} $(echo "$l" | grep -o 'seq=[0-9]*');; esac; done) &`;
}

/** Shell: waits (up to `maxS`) until `target` answers a ping. */
export function waitReachable(target: string, maxS = 120): string {
  return `n=0; until ping -c 1 -W 1 ${target} >/dev/null 2>&1 || [ $n -ge ${maxS} ]; do n=$((n+1)); sleep 1; done`;
}

/** Shell: `count` pings, printing `<tag> <received>/<count>`. */
export function pingCount(tag: string, target: string, count: number, extra = ''): string {
  return `echo ${tag} $(ping -c ${count} -W 2 ${extra} ${target} 2>/dev/null | grep -c 'bytes from')/${count}`;
}

export function script(lines: readonly string[]): Buffer {
  return Buffer.from(`#!/bin/sh\n${lines.join('\n')}\n`);
}

export interface PingResult {
  uptime: number;
  target: string;
  ok: boolean;
}

export function pingResults(lines: readonly string[], target?: string): PingResult[] {
  return lines.flatMap((l) => {
    const m = new RegExp(`${PING} ([0-9.]+) (\\S+) (ok|fail)`).exec(l);
    if (!m || (target !== undefined && m[2] !== target)) return [];
    return [{ uptime: Number(m[1]), target: m[2]!, ok: m[3] === 'ok' }];
  });
}

/** Guest uptimes of continuous-ping replies from `target`. */
export function replies(lines: readonly string[], target: string): number[] {
  return lines.flatMap((l) => {
    const m = new RegExp(`${REPLY} ([0-9.]+) (\\S+) seq=`).exec(l);
    return m && m[2] === target ? [Number(m[1])] : [];
  });
}

/** The value printed after `tag ` (last occurrence). */
export function tagged(lines: readonly string[], tag: string): string | undefined {
  for (const l of [...lines].reverse()) {
    const i = l.indexOf(`${tag} `);
    if (i >= 0) return l.slice(i + tag.length + 1).trim();
  }
  return undefined;
}
