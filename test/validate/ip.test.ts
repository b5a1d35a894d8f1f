import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatIp, parseIp } from '../../src/validate/ip.js';

test('IPv4 and IPv6 parse to numbers', () => {
  assert.deepEqual(parseIp('192.0.2.10'), { family: 4, value: 0xc000020an });
  assert.deepEqual(parseIp('::1'), { family: 6, value: 1n });
  assert.deepEqual(parseIp('2001:DB8:0:0::1'), parseIp('2001:db8::1'));
  assert.deepEqual(parseIp('::ffff:192.0.2.1'), { family: 6, value: 0xffffc0000201n });
});

test('malformed addresses are refused, not guessed', () => {
  for (const bad of ['192.0.2.010', '256.0.0.1', '1.2.3', '192.0.2.0/24', '1::2::3', '1:2:3:4:5:6:7:8:9', 'fe80::1%eth0', '', ' 192.0.2.1', '12345::1']) {
    assert.equal(parseIp(bad), undefined, bad);
  }
});

test('format then parse is the identity (IPv4 and IPv6)', () => {
  fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), (v) => {
    assert.deepEqual(parseIp(formatIp(4, v)), { family: 4, value: v });
  }));
  fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (v) => {
    assert.deepEqual(parseIp(formatIp(6, v)), { family: 6, value: v });
  }));
});

test('IPv6 text is RFC 5952: lowercase, longest zero run compressed', () => {
  assert.equal(formatIp(6, parseIp('2001:0DB8:0:0:1:0:0:1')!.value), '2001:db8::1:0:0:1');
  assert.equal(formatIp(6, 0n), '::');
});
