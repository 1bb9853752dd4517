// Runs one import in its own process, so a test can kill it at an arbitrary moment.
import { pathToFileURL } from 'node:url';
import { Lake } from '../../lib/lake/lake';
import { createStore } from '../../lib/lake/stores/lifecycle';

const [dataDir, archive] = process.argv.slice(2);
const lake = await Lake.open({ dataDir, region: 'us-east-1', accountId: '123456789012', importBatchEvents: 200, importRoots: [archive] });
const store = createStore(lake.stores, {
  Name: 'crash',
  AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }],
});
lake.imports.start({ store, source: { S3LocationUri: pathToFileURL(archive).href } });
console.log('started');
await lake.imports.idle();
console.log('finished');
