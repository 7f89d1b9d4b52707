// The strato command, as a user runs it against a test cloud: bin/strato with the
// cloud's endpoint, CA and a caller's token in the environment (no clouds.yaml).
import { fileURLToPath } from 'node:url';
import { distDir } from '../../harness/dist.ts';
import { type ExitResult, runExit } from '../../harness/exec.ts';
import type { Api } from './api.ts';
import type { Cloud } from './cloud.ts';

const STRATO = fileURLToPath(new URL('../../../bin/strato', import.meta.url));

/** Runs `strato ARGS` as the caller of `api` (the admin by default); resolves with its exit code, also a failing one. */
export async function strato(cloud: Cloud, args: readonly string[], api: Api = cloud.admin, timeoutMs = 120_000) {
  await distDir(); // bin/strato runs dist/strato.mjs: never a stale one
  const env = {
    ...process.env,
    STRATO_CONFIG: '/nonexistent/clouds.yaml',
    STRATO_URL: cloud.endpoint,
    STRATO_CA_FILE: cloud.caFile,
    STRATO_TOKEN: api.token,
  };
  return await runExit(STRATO, args, { env, timeout: timeoutMs });
}

/** `strato ARGS`, which must succeed; resolves with its stdout. */
export async function stratoOk(cloud: Cloud, args: readonly string[], api?: Api, timeoutMs?: number) {
  const r: ExitResult = await strato(cloud, args, api, timeoutMs);
  if (r.code !== 0) throw new Error(`strato ${args.join(' ')} exited ${r.code}:\n${r.stderr}${r.stdout}`);
  return r.stdout;
}
