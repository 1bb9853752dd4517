// Runs a full compaction of one store in its own process, so a test can kill it at any moment.
import { Lake } from '../../lib/lake/lake';

const [dataDir, storeId] = process.argv.slice(2);
const lake = await Lake.open({ dataDir, region: 'us-east-1', accountId: '123456789012', backgroundCompaction: false });
console.log('started');
await lake.compact(storeId);
console.log('finished');
lake.close();
