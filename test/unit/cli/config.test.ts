import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  cloudPassword,
  configPath,
  loadCloud,
  normalizeEndpoint,
  parseEndpoint,
  resolveCloud,
} from '../../../cli/config.ts';
import { CliError, EXIT } from '../../../cli/errors.ts';

const HOME = '/home/u';
const FILE = '/home/u/.config/strato/clouds.yaml';

function configErr(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof CliError, `not a CliError: ${err}`);
    assert.equal(err.exitCode, EXIT.CONFIG);
    assert.match(err.message, pattern);
    return true;
  });
}

const one = {
  clouds: {
    lab: {
      endpoint: '10.0.0.5:8774',
      ca_file: 'pki/ca.crt',
      auth: { username: 'admin', password_file: '~/admin.pw', project: 'admin' },
    },
  },
};

describe('configPath', () => {
  it('defaults under ~/.config and follows STRATO_CONFIG', () => {
    assert.equal(configPath({}, HOME), FILE);
    assert.equal(configPath({ STRATO_CONFIG: '/etc/strato/clouds.yaml' }, HOME), '/etc/strato/clouds.yaml');
  });
});

describe('resolveCloud', () => {
  it('takes the only cloud, with paths made absolute', () => {
    const c = resolveCloud({ env: {}, doc: one, file: FILE, home: HOME });
    assert.equal(c.name, 'lab');
    assert.equal(c.endpoint, '10.0.0.5:8774');
    assert.equal(c.caFile, '/home/u/.config/strato/pki/ca.crt');
    assert.deepEqual(c.auth, { username: 'admin', passwordFile: '/home/u/admin.pw', project: 'admin' });
    assert.equal(c.token, undefined);
  });

  it('chooses by --os-cloud, then STRATO_CLOUD, then `default`', () => {
    const doc = { clouds: { a: { endpoint: 'a:1' }, b: { endpoint: 'b:1' }, default: { endpoint: 'd:1' } } };
    assert.equal(resolveCloud({ env: { STRATO_CLOUD: 'a' }, cloudFlag: 'b', doc, file: FILE, home: HOME }).name, 'b');
    assert.equal(resolveCloud({ env: { STRATO_CLOUD: 'a' }, doc, file: FILE, home: HOME }).name, 'a');
    assert.equal(resolveCloud({ env: {}, doc, file: FILE, home: HOME }).name, 'default');
  });

  it('refuses to guess among several clouds without a default', () => {
    const doc = { clouds: { a: { endpoint: 'a:1' }, b: { endpoint: 'b:1' } } };
    configErr(() => resolveCloud({ env: {}, doc, file: FILE, home: HOME }), /several clouds \(a, b\).*--os-cloud/);
  });

  it('names the missing cloud and the ones there are', () => {
    configErr(
      () => resolveCloud({ env: {}, cloudFlag: 'prod', doc: one, file: FILE, home: HOME }),
      /cloud "prod" not found in .*clouds\.yaml \(clouds: lab\)/,
    );
    configErr(() => resolveCloud({ env: { STRATO_CLOUD: 'x' }, file: FILE, home: HOME }), /cloud "x" not found/);
  });

  it('lets STRATO_URL, STRATO_CA_FILE and STRATO_TOKEN override the file', () => {
    const c = resolveCloud({
      env: { STRATO_URL: 'https://api.example:9000/', STRATO_CA_FILE: '/tmp/ca.pem', STRATO_TOKEN: 'tok' },
      doc: one,
      file: FILE,
      home: HOME,
    });
    assert.equal(c.name, 'lab');
    assert.equal(c.endpoint, 'api.example:9000');
    assert.equal(c.caFile, '/tmp/ca.pem');
    assert.equal(c.token, 'tok');
    assert.equal(c.auth.username, 'admin');
  });

  it('works from the environment alone', () => {
    const c = resolveCloud({ env: { STRATO_URL: '127.0.0.1:8774', STRATO_TOKEN: 't' }, file: FILE, home: HOME });
    assert.equal(c.name, 'env');
    assert.equal(c.endpoint, '127.0.0.1:8774');
    assert.equal(c.token, 't');
  });

  it('says what to do when nothing is configured', () => {
    configErr(
      () => resolveCloud({ env: {}, file: FILE, home: HOME }),
      /no cloud configured: write .*clouds\.yaml or set STRATO_URL/,
    );
  });

  it('rejects unknown keys, bad shapes and missing endpoints', () => {
    configErr(
      () => resolveCloud({ env: {}, doc: { clouds: { a: { endpoint: 'a:1', insecure: true } } }, file: FILE }),
      /cloud a: unknown key "insecure"/,
    );
    configErr(
      () => resolveCloud({ env: {}, doc: { clouds: { a: { endpoint: 'a:1', auth: { token: 'x' } } } }, file: FILE }),
      /auth: unknown key "token"/,
    );
    configErr(() => resolveCloud({ env: {}, doc: ['x'], file: FILE }), /expected a mapping/);
    configErr(() => resolveCloud({ env: {}, doc: { clouds: { a: {} } }, file: FILE }), /cloud a has no endpoint/);
    configErr(() => resolveCloud({ env: {}, doc: { clouds: { a: 'x' } }, file: FILE }), /must be a mapping/);
  });
});

describe('normalizeEndpoint', () => {
  it('accepts host:port, bare hosts, IPv6 and TLS URLs', () => {
    assert.equal(normalizeEndpoint('127.0.0.1:8774'), '127.0.0.1:8774');
    assert.equal(normalizeEndpoint('cloud.example'), 'cloud.example:8774');
    assert.equal(normalizeEndpoint('[::1]:9000'), '[::1]:9000');
    assert.equal(normalizeEndpoint('::1'), '[::1]:8774');
    assert.equal(normalizeEndpoint('grpcs://h:1'), 'h:1');
  });
  it('refuses plain-text schemes and garbage', () => {
    assert.throws(() => normalizeEndpoint('http://h:1'), /TLS only/);
    assert.throws(() => normalizeEndpoint('h:1/path'), /not host:port/);
    assert.throws(() => normalizeEndpoint(''), /not host:port/);
  });
});

describe('the CA and plain text', () => {
  it("takes OpenStack's `cacert` as the CA, as `ca_file`; not both", () => {
    const doc = { clouds: { a: { endpoint: 'h:1', cacert: 'pki/ca.pem' } } };
    assert.equal(resolveCloud({ env: {}, doc, file: FILE, home: HOME }).caFile, '/home/u/.config/strato/pki/ca.pem');
    const both = { clouds: { a: { endpoint: 'h:1', cacert: 'x', ca_file: 'y' } } };
    configErr(() => resolveCloud({ env: {}, doc: both, file: FILE, home: HOME }), /cacert and ca_file are the same/);
  });

  it('speaks plain text only to a loopback http:// endpoint', () => {
    assert.deepEqual(parseEndpoint('http://127.0.0.1:8774'), { endpoint: '127.0.0.1:8774', plaintext: true });
    assert.deepEqual(parseEndpoint('http://[::1]:9'), { endpoint: '[::1]:9', plaintext: true });
    assert.deepEqual(parseEndpoint('grpc://localhost'), { endpoint: 'localhost:8774', plaintext: true });
    assert.deepEqual(parseEndpoint('https://10.0.0.5:1'), { endpoint: '10.0.0.5:1', plaintext: false });
    assert.deepEqual(parseEndpoint('10.0.0.5:1'), { endpoint: '10.0.0.5:1', plaintext: false });
    configErr(() => parseEndpoint('http://10.0.0.5:8774'), /plain text only to a loopback address/);
    configErr(() => parseEndpoint('http://cloud.example'), /plain text only to a loopback address/);
    const c = resolveCloud({ env: { STRATO_URL: 'http://127.0.0.1:8774' }, file: FILE, home: HOME });
    assert.equal(c.plaintext, true);
    assert.equal(resolveCloud({ env: { STRATO_URL: '127.0.0.1:8774' }, file: FILE, home: HOME }).plaintext, undefined);
  });
});

describe('loadCloud and cloudPassword (files)', () => {
  it('parses YAML, reads the password file, and reports bad YAML as a config error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strato-cli-config-'));
    try {
      const file = join(dir, 'clouds.yaml');
      await writeFile(join(dir, 'pw'), 's3cret\n');
      await writeFile(
        file,
        'clouds:\n  default:\n    endpoint: 127.0.0.1:8774\n    ca_file: ca.crt\n    auth:\n      username: admin\n      password_file: pw\n',
      );
      const cloud = await loadCloud({ STRATO_CONFIG: file }, undefined, dir);
      assert.equal(cloud.caFile, join(dir, 'ca.crt'));
      assert.equal(await cloudPassword(cloud), 's3cret');
      assert.equal(await cloudPassword({ ...cloud, auth: { password: 'inline' } }), 'inline');
      await assert.rejects(
        cloudPassword({ ...cloud, auth: { passwordFile: join(dir, 'nope') } }),
        /cannot read password file/,
      );

      await writeFile(file, 'clouds: [\n');
      await assert.rejects(loadCloud({ STRATO_CONFIG: file }, undefined, dir), (err: unknown) => {
        assert.ok(err instanceof CliError);
        assert.equal(err.exitCode, EXIT.CONFIG);
        assert.match(err.message, /not valid YAML/);
        return true;
      });
      // No file at all: the environment is enough.
      const env = await loadCloud({ STRATO_CONFIG: join(dir, 'absent.yaml'), STRATO_URL: 'h:1', STRATO_TOKEN: 't' });
      assert.equal(env.endpoint, 'h:1');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('parsed-config cache', () => {
  it('reuses the parse while the file is unchanged and notices an edit of the same size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strato-cli-config-cache-'));
    try {
      const file = join(dir, 'clouds.yaml');
      const env = { STRATO_CONFIG: file };
      await writeFile(file, 'clouds:\n  aaaa:\n    endpoint: h:1\n');
      assert.equal((await loadCloud(env, undefined, dir)).name, 'aaaa');
      const cache = join(dir, '.cache', 'strato', 'config-cache.json');
      const entry = JSON.parse(await readFile(cache, 'utf8'));
      assert.deepEqual(entry.doc, { clouds: { aaaa: { endpoint: 'h:1' } } });
      assert.equal((await stat(cache)).mode & 0o777, 0o600);
      assert.equal((await loadCloud(env, undefined, dir)).name, 'aaaa');
      await writeFile(file, 'clouds:\n  bbbb:\n    endpoint: h:1\n');
      assert.equal((await loadCloud(env, undefined, dir)).name, 'bbbb');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
