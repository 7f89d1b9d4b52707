// Reading a daemon's Prometheus metrics in tests: a scrape over HTTP (node's fetch),
// and one sample's value by name and labels from the text exposition.

/** GET http://host:port/metrics (or `path`); the status and the body. */
export async function scrape(
  port: number,
  host = '127.0.0.1',
  path = '/metrics',
  timeoutMs = 15_000,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://${host}:${port}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, text: await res.text() };
}

/** `name{a="x",b="y"} 3` → { name, labels: { a: 'x', b: 'y' }, value: 3 }, for each sample line. */
export function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  const out: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

/** The value of the sample `name` whose labels are exactly `labels`; undefined when there is none. */
export function sampleValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  const want = Object.entries(labels).sort();
  return samples(text).find(
    (s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === JSON.stringify(want),
  )?.value;
}
