import { describe, expect, it } from 'vitest';
import { storeIdSpans } from '../../components/editor/store-id-spans';

const ID = '0dd5c409-9991-44cd-9bce-fe1dcaf49921';

describe('store IDs in the editor', () => {
  it('finds each store ID in code as one span', () => {
    const sql = `SELECT a.x FROM ${ID} a JOIN ${ID.toUpperCase()} b ON a.x = b.x`;
    expect(storeIdSpans(sql).map((s) => sql.slice(s.start, s.end))).toEqual([ID, ID.toUpperCase()]);
  });

  it('leaves IDs in strings and comments alone', () => {
    expect(storeIdSpans(`SELECT '${ID}' -- ${ID}\n/* ${ID} */ FROM "${ID}"`)).toEqual([]);
  });

  it('does not take part of a longer word', () => {
    expect(storeIdSpans(`SELECT x${ID}y`)).toEqual([]);
  });
});
