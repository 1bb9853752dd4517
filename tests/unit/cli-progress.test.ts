import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressReporter, progressLine } from '../../scripts/cli/import-progress';
import { table } from '../../scripts/cli/format';

describe('import progress', () => {
  it('shows a bar, files done of the total, events, failures and the rate', () => {
    expect(progressLine({ files: 1234, events: 456_789, failed: 2 }, 10_000, 2468)).toBe(
      '[############------------]  50%  1,234/2,468 files  456,789 events  2 failed  45.7k events/s',
    );
    // an s3:// source or a time window: no total, so no bar
    expect(progressLine({ files: 3, events: 120, failed: 0 }, 2000)).toBe('3 files  120 events  0 failed  60 events/s');
  });

  it('redraws one line on a terminal and writes plain lines now and then otherwise', () => {
    const capture = (tty: boolean) => {
      const out = Object.assign(new PassThrough(), { isTTY: tty, columns: 60 });
      let text = '';
      out.on('data', (d) => (text += d));
      const p = new ProgressReporter(out, 'Importing', 10, 60_000);
      for (let i = 1; i <= 5; i++) p.update({ files: i, events: i * 10, failed: 0 });
      p.finish({ files: 10, events: 100, failed: 1 });
      return text;
    };
    const term = capture(true);
    expect(term.split('\r\x1b[K')).toHaveLength(7); // six redraws of the same line
    expect(term.endsWith('\n')).toBe(true);
    expect(
      term
        .split('\r\x1b[K')
        .slice(1)
        .every((l) => l.replace('\n', '').length <= 59),
    ).toBe(true); // fits the terminal
    const plain = capture(false).trim().split('\n');
    expect(plain).toHaveLength(2); // the first update, then the final state (the interval never passed)
    expect(plain[1]).toMatch(/^Importing {2}\[#{24}\] 100% {2}10\/10 files {2}100 events {2}1 failed/);
  });
});

describe('tables', () => {
  it('pads columns to the widest cell and right-aligns numbers', () => {
    expect(
      table(
        ['NAME', 'EVENTS'],
        [
          ['trail', '1,500'],
          ['demo', '100,000'],
        ],
        [1],
      ),
    ).toBe('NAME    EVENTS\ntrail    1,500\ndemo   100,000');
  });
});
