import { describe, expect, it } from 'vitest';
import { columnText, filterRows, nextSort, rowText, sortRows } from '../../components/results/page-view';

const rows = [
  ['GetObject', '10', 'b'],
  ['ConsoleLogin', '9', ''],
  ['getObject', '100', 'a'],
  ['PutObject', '', 'c'],
];

describe('page view', () => {
  it('filters on any cell, case-insensitively', () => {
    expect(filterRows(rows, 'getobject')).toEqual([0, 2]);
    expect(filterRows(rows, '  ')).toEqual([0, 1, 2, 3]);
    expect(filterRows(rows, 'zzz')).toEqual([]);
  });

  it('sorts numbers numerically, text naturally, empty cells last, ties stable', () => {
    const all = [0, 1, 2, 3];
    expect(sortRows(rows, all, { column: 1, direction: 'ascending' })).toEqual([1, 0, 2, 3]);
    expect(sortRows(rows, all, { column: 1, direction: 'descending' })).toEqual([2, 0, 1, 3]);
    expect(sortRows(rows, all, { column: 0, direction: 'ascending' })).toEqual([1, 0, 2, 3]);
    expect(sortRows(rows, all, { column: 2, direction: 'descending' })).toEqual([3, 0, 2, 1]);
    expect(sortRows(rows, all, null)).toBe(all);
  });

  it('cycles ascending, descending, none', () => {
    expect(nextSort(null, 2)).toEqual({ column: 2, direction: 'ascending' });
    expect(nextSort({ column: 2, direction: 'ascending' }, 2)).toEqual({ column: 2, direction: 'descending' });
    expect(nextSort({ column: 2, direction: 'descending' }, 2)).toBeNull();
    expect(nextSort({ column: 1, direction: 'descending' }, 2)).toEqual({ column: 2, direction: 'ascending' });
  });

  it('copies a row with its header and a column in view order, quoting tabs and line breaks', () => {
    expect(rowText(['a', 'b'], ['x\ty', 'say "hi"'])).toBe('a\tb\n"x\ty"\t"say ""hi"""');
    expect(columnText('n', rows, [2, 0], 1)).toBe('n\n100\n10');
  });
});
