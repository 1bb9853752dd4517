import { it } from 'vitest';
import { generateEvents } from '../../lib/lake/demo/generate-events';
import { SAMPLE_QUERIES } from '../../lib/workbench/sample-queries';
import { query, tempLake } from '../../tests/helpers/temp-lake';
it('rows', async () => {
  const end = new Date();
  const t = await tempLake([...generateEvents({ count: 20000, start: new Date(end.getTime() - 30 * 86_400_000), end, seed: 42 })]);
  for (const s of SAMPLE_QUERIES) { const r = await query(t.lake, s.sql, t.store.id); console.log(s.id, r.status, r.rows.length); }
  await t.close();
});
