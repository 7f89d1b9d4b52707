// The initiator filter's nft script and its reading back (nft 1.0.6 JSON, captured).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseFilter, renderFilter } from '../../../agent/storage/iscsi/initiator-filter.ts';

const V1 = '11111111-1111-1111-1111-111111111111';

test('render: one accept rule per export (volume in the comment), established pass, the rest reset', () => {
  const script = renderFilter({ address: '10.9.0.1', port: 3260 }, [
    { volumeId: 'b', address: '10.9.0.3' },
    { volumeId: 'a', address: 'fd00::2' },
  ]);
  assert.equal(
    script,
    [
      'table inet strato_iscsi {}',
      'delete table inet strato_iscsi',
      'table inet strato_iscsi {',
      '  chain input {',
      '    type filter hook input priority filter; policy accept;',
      '    ip daddr 10.9.0.1 tcp dport 3260 ct state established,related accept',
      '    ip daddr 10.9.0.1 tcp dport 3260 ip6 saddr fd00::2 accept comment "strato-vol:a"',
      '    ip daddr 10.9.0.1 tcp dport 3260 ip saddr 10.9.0.3 accept comment "strato-vol:b"',
      '    ip daddr 10.9.0.1 tcp dport 3260 reject with tcp reset comment "strato-iscsi-default"',
      '  }',
      '}',
    ].join('\n'),
  );
});

test("parse: the guarded portal and each export's address, from nft -j output", () => {
  const doc = JSON.parse(readFileSync(new URL('./fixtures/nft-1.0.6-strato-iscsi.json', import.meta.url), 'utf8'));
  assert.deepEqual(parseFilter(doc), { portal: '10.9.0.1:3260', rules: [{ volumeId: V1, address: '10.9.0.2' }] });
  assert.deepEqual(parseFilter({ nftables: [] }), { portal: undefined, rules: [] });
});
