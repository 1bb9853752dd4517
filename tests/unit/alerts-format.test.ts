import { describe, expect, it } from 'vitest';
import { firingLabel, plural } from '../../components/alerts/format';

describe('alert counts', () => {
  it('read "1 attempt" and "2 attempts" (and "0 attempts")', () => {
    expect(plural(1, 'attempt')).toBe('1 attempt');
    expect(plural(2, 'attempt')).toBe('2 attempts');
    expect(plural(0, 'attempt')).toBe('0 attempts');
  });

  it('label a firing by its rows, singular for one', () => {
    expect(firingLabel({ test: false, rowCount: 1 })).toBe('1 row that fired');
    expect(firingLabel({ test: false, rowCount: 3 })).toBe('3 rows that fired');
    expect(firingLabel({ test: true, rowCount: 0 })).toBe('Test message (condition not met)');
  });
});
