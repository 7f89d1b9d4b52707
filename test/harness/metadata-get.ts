// One HTTP GET of the metadata service (http://169.254.169.254<path>) made from inside
// a network namespace, as a guest would: a Node child in the namespace does the request
// and prints what came back, so the test's own process never leaves its namespace.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface MetadataGetResult {
  status?: number;
  body?: string;
  /** The socket error's code (ECONNREFUSED, ETIMEDOUT …) when there was no answer. */
  error?: string;
}

export async function metadataGet(
  ns: string,
  path: string,
  o: { timeoutMs?: number; localAddress?: string } = {},
): Promise<MetadataGetResult> {
  const options = {
    host: '169.254.169.254',
    port: 80,
    path,
    timeout: o.timeoutMs ?? 3000,
    ...(o.localAddress ? { localAddress: o.localAddress } : {}),
  };
  const script = `
    const req = require('node:http').get(${JSON.stringify(options)}, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => console.log(JSON.stringify({ status: res.statusCode, body })));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (e) => console.log(JSON.stringify({ error: e.code })));`;
  const { stdout } = await exec('ip', ['netns', 'exec', ns, process.execPath, '-e', script]);
  return JSON.parse(stdout) as MetadataGetResult;
}
