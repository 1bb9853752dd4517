import path from 'node:path';
import { writeDemoArchive } from '../../lib/lake/demo/archive';
import { COMMON_OPTIONS, CliError, defineCommand, intFlag, numberFlag, requireValue, timeFlag } from './command';
import { bytes, count, seconds } from './format';

const USAGE = `Usage: trailbench demo-data --events N --out DIR [options]

Writes N realistic CloudTrail events (a fictional company's accounts, people and workloads) as a
trail delivers them: DIR/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<random>.json.gz,
one gzipped {"Records":[...]} file per account and region for every 5 minutes with activity.
The same options and seed write the same events. For tests and benchmarks; import them with
\`trailbench import DIR --store NAME\`.

Options:
  --events N     how many events (required)
  --out DIR      where to write the archive (required)
  --days D       spread over the D days before --end (default 7; fractions allowed)
  --end TIME     the end of that span (ISO 8601; default now)
  --seed S       the generator's seed (default 42)
  --org-id ID    write an organization trail's layout (AWSLogs/<ID>/<account>/...)`;

const OPTIONS = {
  help: COMMON_OPTIONS.help,
  events: { type: 'string' },
  out: { type: 'string' },
  days: { type: 'string' },
  end: { type: 'string' },
  seed: { type: 'string' },
  'org-id': { type: 'string' },
} as const;

export const demoDataCommand = defineCommand({ name: 'demo-data', usage: USAGE, options: OPTIONS }, async (values) => {
  const events = intFlag(requireValue(values.events, '--events', 'demo-data'), 'events', 1)!;
  const outDir = path.resolve(requireValue(values.out, '--out', 'demo-data'));
  const days = numberFlag(values.days, 'days') ?? 7;
  const seed = intFlag(values.seed, 'seed', 0) ?? 42;
  const orgId = values['org-id'];
  if (orgId !== undefined && !/^o-[a-z0-9]{10,32}$/.test(orgId))
    throw new CliError(`--org-id must be an AWS Organizations ID such as o-a1b2c3d4e5; got '${orgId}'.`, 2);
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let drawn = 0;
  const summary = await writeDemoArchive({
    outDir,
    count: events,
    days,
    end: timeFlag(values.end, 'end'),
    seed,
    orgId,
    onFile: (p) => {
      if (!tty || Date.now() - drawn < 100) return;
      drawn = Date.now();
      process.stderr.write(`\r\x1b[KWriting  ${count(p.events)}/${count(events)} events  ${count(p.files)} files  ${bytes(p.bytes)}`);
    },
  });
  if (tty) process.stderr.write('\n');
  console.log(
    `Wrote ${count(summary.events)} events in ${count(summary.files)} files (${bytes(summary.bytes)}) under ${path.join(outDir, 'AWSLogs')} in ${seconds(Date.now() - started)}.`,
  );
  return 0;
});
