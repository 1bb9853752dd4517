import { describe, expect, it } from 'vitest';
import { formatCost, formatCount, formatDuration } from '../../components/format';
import { formatUsd } from '../../lib/util/format';

describe('the one set of display formats (pages and server messages alike)', () => {
  it('tells two tiny costs apart, as a budget message must', () => {
    expect(formatUsd(0.0000612)).toBe('$0.000061');
    expect(formatUsd(0.0000306)).toBe('$0.000031');
    expect(formatUsd(0)).toBe('$0.0000');
    expect(formatUsd(0.01234)).toBe('$0.0123');
  });

  it('reads numbers from history rows as the database returns them (text or null)', () => {
    expect(formatCost('0.5')).toBe('$0.5000');
    expect(formatCount('1234567')).toBe('1,234,567');
    expect(formatCount(null)).toBe('—');
    expect(formatDuration('850')).toBe('850 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(83_000)).toBe('1 min 23 s');
    expect(formatDuration(undefined)).toBe('—');
  });
});
