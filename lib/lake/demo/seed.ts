import type { Lake } from '../lake';
import { generateEvents } from './generate-events';
import { DAY_MS } from '../../util/time';

const DEMO_SELECTORS = [
  { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
  {
    Name: 'S3 data events',
    FieldSelectors: [
      { Field: 'eventCategory', Equals: ['Data'] },
      { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
    ],
  },
];

/** On an empty lake, creates the `demo` store with `count` generated events over the last 30 days. */
export async function seedDemoStores(lake: Lake, count: number): Promise<void> {
  if (count <= 0 || lake.stores.list().length > 0) return;
  const started = Date.now();
  const store = lake.stores.create({ name: 'demo', advancedEventSelectors: DEMO_SELECTORS, terminationProtectionEnabled: false });
  const end = new Date();
  const result = await lake.appendEvents(store.id, generateEvents({ count, start: new Date(end.getTime() - 30 * DAY_MS), end, seed: 42 }));
  console.log(`[trailbench] created event data store "demo" (${store.id}) with ${result.added} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
