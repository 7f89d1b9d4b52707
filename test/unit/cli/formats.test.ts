// -f yaml|csv and -c with every format, through the renderers and through a
// command (flavor list/show against a fake API).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { type Column, renderCsv, renderList, renderShow } from '../../../cli/output.ts';
import { cli, fakeSession } from './helpers.ts';

interface Row {
  id: string;
  name: string;
  tags: string[];
}
const COLS: Column<Row>[] = [
  { header: 'ID', get: (r) => r.id },
  { header: 'Name', get: (r) => r.name },
  { header: 'Tags', get: (r) => r.tags },
];
const rows: Row[] = [
  { id: 'a1', name: 'plain', tags: [] },
  { id: 'b2', name: 'has, "comma"', tags: ['x', 'y'] },
];

describe('output formats', () => {
  it('yaml is the API objects, as json is', () => {
    assert.deepEqual(parse(renderList(rows, COLS, { format: 'yaml' })), rows);
    assert.deepEqual(parse(renderShow(rows[1]!, COLS, { format: 'yaml' })), rows[1]);
  });

  it('-c applies to json and yaml: objects keyed by the chosen headers, in order', () => {
    const json = renderList(rows, COLS, { format: 'json', columns: ['name', 'ID'] });
    assert.deepEqual(JSON.parse(json), [
      { Name: 'plain', ID: 'a1' },
      { Name: 'has, "comma"', ID: 'b2' },
    ]);
    assert.deepEqual(Object.keys(JSON.parse(json)[0]), ['Name', 'ID']);
    assert.deepEqual(parse(renderShow(rows[0]!, COLS, { format: 'yaml', columns: ['Name'] })), { Name: 'plain' });
  });

  it('csv has a header row and quotes commas, quotes and line breaks', () => {
    assert.equal(renderList(rows, COLS, { format: 'csv' }), 'ID,Name,Tags\na1,plain,\nb2,"has, ""comma""","x\ny"\n');
    assert.equal(renderList(rows, COLS, { format: 'csv', columns: ['Name'] }), 'Name\nplain\n"has, ""comma"""\n');
    assert.equal(renderShow(rows[0]!, COLS, { format: 'csv', columns: ['ID'] }), 'Field,Value\nID,a1\n');
    assert.equal(renderCsv(['A'], []), 'A\n');
  });

  it('bytes are base64 in yaml, as in json', () => {
    const item = { data: Buffer.from('hi') };
    const cols: Column<typeof item>[] = [{ header: 'Data', get: (i) => i.data }];
    assert.deepEqual(parse(renderShow(item, cols, { format: 'yaml' })), { data: 'aGk=' });
    assert.deepEqual(JSON.parse(renderShow(item, cols, { format: 'json' })), { data: 'aGk=' });
  });
});

describe('-f and -c on commands', () => {
  const flavors = [
    { id: 'f1', name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1, createdAt: 't' },
    { id: 'f2', name: 'm1.small', vcpus: 2, ramMib: 2048, diskGib: 20, createdAt: 't' },
  ];
  const api = {
    ListFlavors: async () => ({ flavors, nextPageToken: '' }),
    GetFlavor: async () => flavors[0],
  };

  it('flavor list -f csv -c Name -c vCPUs; -f yaml; show -f json -c Name', async () => {
    const csv = await cli(['flavor', 'list', '-f', 'csv', '-c', 'Name', '-c', 'vCPUs'], fakeSession({ flavors: api }));
    assert.equal(csv.stdout, 'Name,vCPUs\nm1.tiny,1\nm1.small,2\n');
    const yaml = await cli(['flavor', 'list', '-f', 'yaml'], fakeSession({ flavors: api }));
    assert.deepEqual(parse(yaml.stdout), flavors);
    const show = await cli(['flavor', 'show', 'f1', '-f', 'json', '-c', 'Name'], fakeSession({ flavors: api }));
    assert.deepEqual(JSON.parse(show.stdout), { Name: 'm1.tiny' });
  });

  it('the help of every subcommand shows -f with its choices and -c', async () => {
    for (const argv of [
      ['flavor', 'list', '--help'],
      ['server', 'show', '--help'],
      ['volume', 'snapshot', 'list', '--help'],
      ['role', 'assignment', 'list', '--help'],
    ]) {
      const r = await cli(argv, fakeSession({}));
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /-f, --format <format>[\s\S]*"table", "json", "yaml", "csv",\s+"value"/, argv.join(' '));
      assert.match(r.stdout, /-c, --column <name>/, argv.join(' '));
    }
  });
});
