import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliError, EXIT } from '../../../cli/errors.ts';
import { type Column, cellText, renderList, renderShow, renderTable } from '../../../cli/output.ts';

interface Row {
  id: string;
  name: string;
  n: number;
  ok: boolean;
}
const COLS: Column<Row>[] = [
  { header: 'ID', get: (r) => r.id },
  { header: 'Name', get: (r) => r.name },
  { header: 'N', get: (r) => r.n },
];
const rows: Row[] = [
  { id: 'a1', name: 'tiny', n: 1, ok: true },
  { id: 'b22', name: 'small-one', n: 20, ok: false },
];

describe('renderTable', () => {
  it('pads columns to the widest cell', () => {
    assert.equal(
      renderTable(
        ['ID', 'Name'],
        [
          ['a1', 'tiny'],
          ['b22', 'small-one'],
        ],
      ),
      [
        '+-----+-----------+',
        '| ID  | Name      |',
        '+-----+-----------+',
        '| a1  | tiny      |',
        '| b22 | small-one |',
        '+-----+-----------+',
        '',
      ].join('\n'),
    );
  });
  it('spreads multi-line cells over several lines', () => {
    const out = renderTable(['K', 'V'], [['props', 'a=1\nbb=2']]);
    assert.equal(out.split('\n')[3], '| props | a=1  |');
    assert.equal(out.split('\n')[4], '|       | bb=2 |');
  });
  it('prints only the header for no rows', () => {
    assert.equal(renderTable(['ID'], []), '+----+\n| ID |\n+----+\n');
  });
});

describe('renderList', () => {
  it('json is the API objects, whole', () => {
    assert.deepEqual(JSON.parse(renderList(rows, COLS, { format: 'json' })), rows);
  });
  it('value prints one row per line, columns chosen with -c in the order given', () => {
    assert.equal(renderList(rows, COLS, { format: 'value' }), 'a1 tiny 1\nb22 small-one 20\n');
    assert.equal(renderList(rows, COLS, { format: 'value', columns: ['name', 'ID'] }), 'tiny a1\nsmall-one b22\n');
  });
  it('an unknown column is a usage error naming the columns', () => {
    assert.throws(
      () => renderList(rows, COLS, { format: 'table', columns: ['Nope'] }),
      (err: unknown) =>
        err instanceof CliError && err.exitCode === EXIT.USAGE && /columns: ID, Name, N/.test(err.message),
    );
  });
});

describe('renderShow', () => {
  const row = rows[0]!;
  it('table has Field and Value columns', () => {
    const out = renderShow(row, COLS, { format: 'table' });
    assert.match(out, /\| Field \| Value \|/);
    assert.match(out, /\| Name {2}\| tiny {2}\|/);
  });
  it('value prints one value per line; json the object', () => {
    assert.equal(renderShow(row, COLS, { format: 'value', columns: ['N'] }), '1\n');
    assert.deepEqual(JSON.parse(renderShow(row, COLS, { format: 'json' })), row);
  });
  it('json turns bytes into base64', () => {
    const out = JSON.parse(renderShow({ userData: Buffer.from('hi') }, [], { format: 'json' }));
    assert.deepEqual(out, { userData: 'aGk=' });
  });
});

describe('cellText', () => {
  it('renders absent, scalar, list and object values', () => {
    assert.equal(cellText(undefined), '');
    assert.equal(cellText(null), '');
    assert.equal(cellText(false), 'false');
    assert.equal(cellText('12345678901234567890'), '12345678901234567890');
    assert.equal(cellText(['a', 'b']), 'a\nb');
    assert.equal(cellText({ a: 1 }), '{"a":1}');
  });
});
