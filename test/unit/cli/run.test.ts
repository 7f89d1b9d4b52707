import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXIT } from '../../../cli/errors.ts';
import { StratoError } from '../../../common/errors.ts';
import { packageVersion } from '../../../common/version.ts';
import { assertUsageError, cli, fakeSession, noSession } from './helpers.ts';

// A path that cannot exist, whatever other tests leave on this machine.
const MISSING = join(tmpdir(), `strato-missing-${randomUUID()}`);

describe('usage errors: exit 2, one line, no call', () => {
  const bad: [string, string[], RegExp][] = [
    [
      'non-positive vcpus',
      ['flavor', 'create', 'x', '--vcpus', '0', '--ram', '1', '--disk', '1'],
      /--vcpus.*positive integer/,
    ],
    ['non-numeric ram', ['flavor', 'create', 'x', '--vcpus', '1', '--ram', '1g', '--disk', '1'], /--ram/],
    [
      'missing name',
      ['flavor', 'create', '--vcpus', '1', '--ram', '1', '--disk', '1'],
      /missing required argument 'name'/,
    ],
    ['missing required option', ['server', 'create', 'vm', '--image', 'i'], /required option '--flavor <flavor>'/],
    ['unknown format', ['-f', 'xml', 'flavor', 'list'], /Allowed choices are table, json, yaml, csv, value/],
    ['unknown option', ['server', 'start', 'vm', '--hard'], /unknown option '--hard'/],
    ['bad disk format', ['image', 'create', 'i', '--file', '/dev/null', '--disk-format', 'vmdk'], /qcow2, raw/],
    [
      'missing image file',
      ['image', 'create', 'i', '--file', `${MISSING}/x.qcow2`],
      new RegExp(`cannot read ${MISSING}/x\\.qcow2: ENOENT`),
    ],
    ['bad wait timeout', ['server', 'reboot', 'vm', '--wait', '--wait-timeout', '0'], /positive number of seconds/],
    ['bad property', ['server', 'create', 'vm', '--image', 'i', '--flavor', 'f', '--property', 'novalue'], /key=value/],
    ['bad console lines', ['console', 'log', 'vm', '--lines', '-3'], /--lines/],
    ['unknown command', ['flavour', 'list'], /unknown command 'flavour' \(Did you mean flavor\?\)/],
    [
      'bad role',
      ['user', 'create', 'u', '--project', 'p', '--password-file', '/dev/null', '--role', 'root'],
      /admin, member/,
    ],
    ['unreadable password file', ['user', 'create', 'u', '--project', 'p', '--password-file', MISSING], /ENOENT/],
    ['empty name', ['image', 'show', ' '], /must not be empty/],
    ['group without a command', ['server'], /^$|Usage/],
  ];
  for (const [name, argv, pattern] of bad) {
    it(name, () => assertUsageError(argv, pattern, { usageAllowed: true }));
  }

  it('--version prints the package version and succeeds without a session', async () => {
    const f = noSession();
    for (const flag of ['--version', '-V']) {
      const r = await cli([flag], f);
      assert.equal(r.code, EXIT.OK, r.stderr);
      assert.equal(r.stdout, `strato ${packageVersion()}\n`);
      assert.match(r.stdout, /^strato \d+\.\d+\.\d+/);
    }
    assert.equal(f.opened, 0);
  });

  it('--wait-timeout is in seconds, and its help says the default in seconds', async () => {
    const r = await cli(['server', 'reboot', '--help'], noSession());
    assert.equal(r.code, EXIT.OK);
    assert.match(r.stdout, /--wait-timeout <seconds>\s+give up waiting after this many seconds\s+\(default:\s+300\)/);
    assert.doesNotMatch(r.stdout, /300000/);
  });

  it('--help succeeds without a session', async () => {
    const f = noSession();
    const r = await cli(['server', 'create', '--help'], f);
    assert.equal(r.code, EXIT.OK);
    assert.match(r.stdout, /--user-data <file>/);
    assert.equal(f.opened, 0);
  });
});

describe('commands against a fake API', () => {
  const flavors = [
    { id: 'f1', name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1, createdAt: 't' },
    { id: 'f2', name: 'm1.small', vcpus: 2, ramMib: 2048, diskGib: 20, createdAt: 't' },
  ];

  it('flavor list follows pages and prints a table; -f json parses; global flags go anywhere', async () => {
    const tokens: string[] = [];
    const api = {
      ListFlavors: async (req: { pageToken: string }) => {
        tokens.push(req.pageToken);
        return req.pageToken === ''
          ? { flavors: [flavors[0]], nextPageToken: 'p2' }
          : { flavors: [flavors[1]], nextPageToken: '' };
      },
    };
    const table = await cli(['flavor', 'list'], fakeSession({ flavors: api }));
    assert.equal(table.code, 0, table.stderr);
    assert.deepEqual(tokens, ['', 'p2']);
    assert.match(table.stdout, /\| ID +\| Name +\| vCPUs \| RAM \(MiB\) \| Disk \(GiB\) \|/);
    assert.match(table.stdout, /\| f2 +\| m1\.small +\| 2 +\| 2048 +\| 20 +\|/);
    const json = await cli(['flavor', 'list', '-f', 'json'], fakeSession({ flavors: api }));
    assert.deepEqual(JSON.parse(json.stdout), flavors);
    const value = await cli(['-f', 'value', '-c', 'Name', 'flavor', 'list'], fakeSession({ flavors: api }));
    assert.equal(value.stdout, 'm1.tiny\nm1.small\n');
  });

  it('an API error is one line with code, reason and request id, and its exit code', async () => {
    const api = {
      GetImage: async () => {
        throw new StratoError('NOT_FOUND', 'IMAGE_NOT_FOUND', 'image nope not found');
      },
    };
    const f = fakeSession({ images: api });
    const r = await cli(['image', 'show', 'nope'], f);
    assert.equal(r.code, EXIT.NOT_FOUND);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      `strato: error: image nope not found (code NOT_FOUND, reason IMAGE_NOT_FOUND, request id ${f.requestIds[0]})\n`,
    );
  });

  it('image create sniffs qcow2, uploads in 1 MiB chunks, then shows the image', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strato-cli-image-'));
    try {
      const file = join(dir, 'disk.qcow2');
      const bytes = Buffer.alloc(2.5 * 1024 * 1024, 7);
      Buffer.from([0x51, 0x46, 0x49, 0xfb]).copy(bytes);
      await writeFile(file, bytes);
      let created: unknown;
      const chunks: Buffer[] = [];
      const api = {
        CreateImage: async (req: unknown) => {
          created = req;
          return { id: 'img-1', name: 'cirros', status: 'queued' };
        },
        UploadImage: async (msgs: AsyncIterable<{ imageId: string; data: Buffer }>) => {
          for await (const m of msgs) {
            assert.equal(m.imageId, 'img-1');
            chunks.push(m.data);
          }
          return { id: 'img-1', name: 'cirros', status: 'active', sizeBytes: String(bytes.length), public: false };
        },
      };
      const r = await cli(['image', 'create', 'cirros', '--file', file, '-f', 'json'], fakeSession({ images: api }));
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(created, { name: 'cirros', diskFormat: 'qcow2', public: false });
      assert.deepEqual(
        chunks.map((c) => c.length),
        [1024 * 1024, 1024 * 1024, 512 * 1024],
      );
      assert.ok(Buffer.concat(chunks).equals(bytes));
      assert.equal(JSON.parse(r.stdout).status, 'active');
      assert.equal(r.stderr, '', 'no progress bar when stderr is not a terminal');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('server create --wait polls until ACTIVE and fails with the fault on ERROR', async () => {
    const base = { id: 's1', name: 'vm1', flavor: { name: 'm1.tiny' }, metadata: {}, fault: null };
    const states = [
      { vmState: 'BUILD', taskState: 'spawning' },
      { vmState: 'ACTIVE', taskState: '' },
    ];
    let created: Record<string, unknown> = {};
    let polls = 0;
    const ok = {
      CreateServer: async (req: Record<string, unknown>) => {
        created = req;
        return { ...base, vmState: 'BUILD', taskState: 'scheduling' };
      },
      GetServer: async (req: { server: string }) => {
        assert.equal(req.server, 's1', 'polls by id');
        return { ...base, ...states[Math.min(polls++, 1)] };
      },
    };
    const r = await cli(
      [
        'server',
        'create',
        'vm1',
        '--image',
        'cirros',
        '--flavor',
        'm1.tiny',
        '--property',
        'a=b=c',
        '--wait',
        '-f',
        'json',
      ],
      fakeSession({ servers: ok }),
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(created, {
      name: 'vm1',
      image: 'cirros',
      flavor: 'm1.tiny',
      host: '',
      metadata: { a: 'b=c' },
      networks: [],
    });
    assert.equal(JSON.parse(r.stdout).vmState, 'ACTIVE');
    assert.equal(polls, 2);

    const failing = {
      CreateServer: ok.CreateServer,
      GetServer: async () => ({
        ...base,
        vmState: 'ERROR',
        taskState: '',
        fault: { code: 'NO_VALID_HOST', reason: '', message: 'No valid host was found: ram', at: '' },
      }),
    };
    const e = await cli(
      ['server', 'create', 'vm1', '--image', 'i', '--flavor', 'f', '--wait'],
      fakeSession({ servers: failing }),
    );
    assert.equal(e.code, EXIT.ERROR);
    assert.equal(e.stdout, '');
    assert.match(
      e.stderr,
      /^strato: error: server vm1 is in ERROR: No valid host was found: ram \(code NO_VALID_HOST\)\n$/,
    );
  });

  it('server reboot --hard sends the action; delete --wait waits for NOT_FOUND', async () => {
    const calls: unknown[] = [];
    let gets = 0;
    const api = {
      ServerAction: async (req: unknown) => {
        calls.push(req);
        return { id: 's1', name: 'vm1', vmState: 'ACTIVE', taskState: 'rebooting_hard' };
      },
      DeleteServer: async (req: unknown) => {
        calls.push(req);
        return { id: 's1', name: 'vm1', vmState: 'ACTIVE', taskState: 'deleting' };
      },
      GetServer: async () => {
        gets++;
        throw new StratoError('NOT_FOUND', 'SERVER_NOT_FOUND', 'gone');
      },
    };
    const r1 = await cli(['server', 'reboot', 'vm1', '--hard'], fakeSession({ servers: api }));
    assert.equal(r1.code, 0, r1.stderr);
    assert.equal(r1.stdout, '');
    const r2 = await cli(['server', 'delete', 'vm1', '--wait'], fakeSession({ servers: api }));
    assert.equal(r2.code, 0, r2.stderr);
    assert.deepEqual(calls, [{ server: 'vm1', action: 'reboot', hard: true }, { server: 'vm1' }]);
    assert.equal(gets, 1);
  });
});
