// The helpers that keep the agent's state directory closed: group lookup, directory
// and file modes (set whatever they were before), and atomic writes.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { groupId, parseGroupEntry } from '../../../agent/state-dir/accounts.ts';
import { ensureDir, writeFileAtomic } from '../../../agent/state-dir/file-access.ts';
import { isStratoError } from '../../../common/errors.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const access = async (p: string) => {
  const st = await stat(p);
  return { mode: (st.mode & 0o777).toString(8), gid: st.gid };
};

describe('groupId', () => {
  it('parses getent group lines', () => {
    assert.equal(parseGroupEntry('strato-dnsmasq:x:995:\n'), 995);
    assert.equal(parseGroupEntry('kvm:x:108:libvirt-qemu'), 108);
    assert.equal(parseGroupEntry(''), undefined);
    assert.equal(parseGroupEntry('broken'), undefined);
  });

  it('looks a group up through NSS; a missing one is FAILED_PRECONDITION naming it', async () => {
    assert.equal(await groupId('root', 'n/a'), 0);
    await assert.rejects(
      groupId('strato-no-such-group', 'create it'),
      (e) => isStratoError(e, 'FAILED_PRECONDITION') && /strato-no-such-group.*create it/.test(e.message),
    );
  });
});

describe('file access', () => {
  it('ensureDir creates or tightens a directory to its mode and group', async () => {
    const base = await mkdtemp(join(tmpdir(), 'strato-state-dir-'));
    dirs.push(base);
    await ensureDir(join(base, 'new'), 0o710, 4242);
    assert.deepEqual(await access(join(base, 'new')), { mode: '710', gid: 4242 });
    await mkdir(join(base, 'old'), { mode: 0o755 });
    await ensureDir(join(base, 'old'), 0o711);
    assert.deepEqual(await access(join(base, 'old')), { mode: '711', gid: 0 });
  });

  it('writeFileAtomic gives the file its mode and group, also over a stale .tmp, and leaves no .tmp', async () => {
    const base = await mkdtemp(join(tmpdir(), 'strato-state-dir-'));
    dirs.push(base);
    const path = join(base, 'hosts');
    await writeFile(`${path}.tmp`, 'stale', { mode: 0o666 });
    await writeFileAtomic(path, 'fa:16:3e:00:00:01,10.0.0.5\n', 0o640, 4243);
    assert.deepEqual(await access(path), { mode: '640', gid: 4243 });
    await writeFileAtomic(path, 'again\n', 0o600);
    assert.equal((await access(path)).mode, '600');
    assert.deepEqual(await readdir(base), ['hosts']);
  });
});
