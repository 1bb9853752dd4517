import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { Lake } from '../../lib/lake/lake';
import { fillStorePlaceholders } from '../../lib/sql/code-spans';
import { loadCorpus, storeCategories } from './corpus';
import { STORES, corpusPath, PROJECT_ROOT } from './run';
void (async () => {
  const ids = process.argv.slice(2);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
  const lake = await Lake.open({ dataDir, region: 'us-east-1', accountId: '123456789012', threads: 2 });
  const storeIds: Record<string, string> = {};
  for (const [c, s] of Object.entries(STORES)) {
    const st = lake.stores.create({ name: s.name, advancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: [s.eventCategory] }] }] });
    await lake.appendEvents(st.id, fs.readFileSync(path.join(PROJECT_ROOT, s.fixture), 'utf8').trim().split('\n').map((l) => JSON.parse(l)));
    storeIds[c] = st.id;
  }
  const corpus = loadCorpus(corpusPath());
  const extra = process.env.SQL ? [{ id: 'adhoc', sql: process.env.SQL, title: '', source: '' }] : [];
  for (const q of [...corpus.filter((x) => ids.includes(x.id)), ...extra]) {
    const cats = storeCategories(q.sql);
    const sql = fillStorePlaceholders(q.sql, ['$EDS_ID', '$EDS_ID_2', '$EDS_ID_3'].map((p) => storeIds[cats[p] ?? 'cloudtrail']));
    console.log('=====', q.id, JSON.stringify(cats));
    try {
      if (process.env.SHOW) console.log((await lake.prepare(sql)).translation.sql);
      const r = await lake.startQuery(sql);
      let rec;
      for (;;) { rec = lake.queries.get(r.queryId); if (rec.status !== 'QUEUED' && rec.status !== 'RUNNING') break; await new Promise((s) => setTimeout(s, 5)); }
      console.log(rec.status, rec.errorMessage ?? '', rec.columns.join(' | '));
      for (const row of lake.queries.page(r.queryId, 0, 50)) console.log('  ', row.join(' | ').slice(0, 700));
    } catch (e) { console.log('ERR', (e as Error).message); }
  }
  lake.close(); fs.rmSync(dataDir, { recursive: true, force: true });
})();
