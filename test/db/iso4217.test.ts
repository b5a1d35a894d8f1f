// The ISO 4217 table that validation checks currencies against and db init
// fills `currencies` from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ISO_4217 } from '../../src/db/iso4217.js';

test('every entry is a three-letter code with a name', () => {
  for (const [code, name] of ISO_4217) {
    assert.match(code, /^[A-Z]{3}$/);
    assert.ok(name.trim().length > 0, code);
  }
});

test('it holds the current national and regional currencies', () => {
  assert.ok(ISO_4217.size >= 160, `only ${ISO_4217.size} codes`);
  const expected = [
    'USD', 'EUR', 'GBP', 'JPY', 'CHF', 'ZAR', 'INR', 'BRL', 'AED', 'NGN', 'KES', 'CNY', 'CAD', 'AUD', 'MXN',
    'XAF', 'XOF', 'XCD', 'XPF', 'SLE', 'VES', 'MRU', 'STN', 'ZWG', 'XCG', 'SSP', 'BYN',
  ];
  for (const code of expected) assert.ok(ISO_4217.has(code), code);
  assert.equal(ISO_4217.get('GBP'), 'Pound Sterling');
});

test('withdrawn codes and non-currencies are not listed', () => {
  for (const code of ['DEM', 'FRF', 'HRK', 'SLL', 'VEF', 'ZWL', 'MRO', 'STD', 'XXX', 'XTS', 'XAU']) {
    assert.ok(!ISO_4217.has(code), code);
  }
});
