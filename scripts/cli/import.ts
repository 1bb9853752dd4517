import {
  GetImportCommand,
  ListImportFailuresCommand,
  StartImportCommand,
  StopImportCommand,
  type CloudTrailClient,
  type GetImportCommandOutput,
  type ImportFailureListItem,
  type S3ImportSource,
} from '@aws-sdk/client-cloudtrail';
import { CliError, LAKE_OPTIONS, dataDirOf, defineCommand, requireValue, timeFlag } from './command';
import { allPages } from './paging';
import { openLakeAccess, runningImports, type LakeAccess } from './lake-access';
import { createStore, findStore, isStoreId, unknownStore, type StoreRef } from './resolve-store';
import { countLogFiles, importSource, type ImportSource } from './import-source';
import { ProgressReporter } from './import-progress';
import { count, rate, seconds } from './format';

const USAGE = `Usage: trailbench import <directory | file:///path | s3://bucket/prefix> --store <name|ARN|ID> [options]

Imports CloudTrail log files into an event data store: the trail archive layout
(AWSLogs/[<org-id>/]<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz), plain .json and NDJSON
files; digest files are skipped. Events already in the store are skipped by eventID, so running
an import again adds only what is new.

Options:
  --store NAME|ARN|ID  the event data store to import into (required)
  --create             create the store (all management and data events) if none has that name
  --start TIME         only events at or after TIME (ISO 8601: 2026-01-31 or 2026-01-31T12:00:00Z; UTC without a zone)
  --end TIME           only events at or before TIME
  --s3-region REGION   the bucket's region for an s3:// source (default us-east-1)
  --endpoint URL       import through this Trailbench server (default: the server that has the
                       data directory open; with none, the lake is opened here)
  --data-dir DIR       the data directory (default: TRAILBENCH_DATA_DIR, else ./data)

Progress goes to stderr (a bar on a terminal, a line every 2 s otherwise); the summary and every
failed file to stdout. Exit code 0 when every file imported, 1 when a file failed or the import
did not complete, 2 for a usage error, 130 when stopped with Ctrl-C (run it again to finish).`;

const OPTIONS = {
  ...LAKE_OPTIONS,
  store: { type: 'string' },
  create: { type: 'boolean' },
  start: { type: 'string' },
  end: { type: 'string' },
  's3-region': { type: 'string' },
} as const;

const FINISHED = new Set(['COMPLETED', 'FAILED', 'STOPPED']);
const POLL_MS = 250;

export const importCommand = defineCommand({ name: 'import', usage: USAGE, options: OPTIONS, operand: 'The source to import' }, async (values, operand) => {
  const storeRef = requireValue(values.store, '--store', 'import');
  const start = timeFlag(values.start, 'start');
  const end = timeFlag(values.end, 'end');
  if (start && end && start > end) throw new CliError(`--start (${start.toISOString()}) must not be after --end (${end.toISOString()}).`, 2);
  const source = importSource(operand!);
  const access = await openLakeAccess({
    dataDir: dataDirOf(values['data-dir']),
    endpoint: values.endpoint,
    command: `trailbench import ${operand}`,
    create: true,
    importPath: source.localRoot,
  });
  try {
    const store = await destination(access, storeRef, values.create ?? false);
    // The bar needs a total; with a time window the lake skips files by date, so there is none.
    const total = source.localRoot && !start && !end ? countLogFiles(source.localRoot) : undefined;
    return await runImport(access.client, { store, source, start, end, s3Region: values['s3-region'], total });
  } finally {
    await access.close();
  }
});

async function destination(access: LakeAccess, ref: string, create: boolean): Promise<StoreRef> {
  const found = await findStore(access.client, ref);
  if (found) return found;
  if (!create || isStoreId(ref)) throw await unknownStore(access.client, ref, access.where, isStoreId(ref) ? '' : 'Give --create to create it.');
  const store = await createStore(access.client, ref);
  console.error(`Created event data store ${store.name} (${store.arn}).`);
  return store;
}

interface ImportPlan {
  store: StoreRef;
  source: ImportSource;
  start?: Date;
  end?: Date;
  s3Region?: string;
  total?: number;
}

async function runImport(client: CloudTrailClient, plan: ImportPlan): Promise<number> {
  // The lake runs one import at a time: wait for one already running (on the server, or one
  // interrupted earlier that resumed when the lake opened here).
  for (const id of await runningImports(client)) {
    console.error(`Import ${id} is running; this one starts when it is done.`);
    await watch(client, id, new ProgressReporter(process.stderr, 'Waiting  '));
  }
  const started = await client.send(
    new StartImportCommand({
      Destinations: [plan.store.arn],
      // The built-in lake reads with its own credential chain: no role to assume, so none is sent.
      ImportSource: { S3: { S3LocationUri: plan.source.uri, ...(plan.s3Region ? { S3BucketRegion: plan.s3Region } : {}) } as S3ImportSource },
      StartEventTime: plan.start,
      EndEventTime: plan.end,
    }),
  );
  const importId = started.ImportId!;
  console.error(`Import ${importId}: ${plan.source.uri} → ${plan.store.name} (${plan.store.id})`);
  const reporter = new ProgressReporter(process.stderr, 'Importing', plan.total);
  const stopping = stopOnInterrupt(client, importId);
  let result: GetImportCommandOutput;
  try {
    result = await watch(client, importId, reporter);
  } finally {
    stopping.dispose();
  }
  const failures = await listFailures(client, importId);
  report(result, plan.store, reporter.elapsedMs, failures);
  if (stopping.requested) return 130;
  return result.ImportStatus === 'COMPLETED' && failures.length === 0 ? 0 : 1;
}

/** Polls GetImport until the import ends, showing its statistics. */
async function watch(client: CloudTrailClient, importId: string, reporter: ProgressReporter): Promise<GetImportCommandOutput> {
  for (;;) {
    const imp = await client.send(new GetImportCommand({ ImportId: importId }));
    const s = imp.ImportStatistics ?? {};
    const counts = { files: s.FilesCompleted ?? 0, events: s.EventsCompleted ?? 0, failed: s.FailedEntries ?? 0 };
    if (FINISHED.has(imp.ImportStatus ?? '')) {
      reporter.finish(counts);
      return imp;
    }
    reporter.update(counts);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** First Ctrl-C: StopImport (the batch in flight is committed); a second one quits at once. */
function stopOnInterrupt(client: CloudTrailClient, importId: string) {
  const state = { requested: false, dispose: () => process.removeListener('SIGINT', onInterrupt) };
  function onInterrupt() {
    if (state.requested) process.exit(130);
    state.requested = true;
    console.error(`\nStopping import ${importId} after the batch in flight (Ctrl-C again to quit now; run the import again to finish it).`);
    client.send(new StopImportCommand({ ImportId: importId })).catch((e) => console.error(`StopImport failed: ${(e as Error).message}`));
  }
  process.on('SIGINT', onInterrupt);
  return state;
}

function listFailures(client: CloudTrailClient, importId: string): Promise<ImportFailureListItem[]> {
  return allPages(async (NextToken) => {
    const page = await client.send(new ListImportFailuresCommand({ ImportId: importId, NextToken }));
    return { items: page.Failures, NextToken: page.NextToken };
  });
}

function report(imp: GetImportCommandOutput, store: StoreRef, elapsedMs: number, failures: ImportFailureListItem[]) {
  const s = imp.ImportStatistics ?? {};
  const events = s.EventsCompleted ?? 0;
  console.log(
    `Import ${imp.ImportId} ${imp.ImportStatus}: ${count(s.FilesCompleted ?? 0)} files read, ${count(events)} events added to ${store.name} in ${seconds(elapsedMs)} (${rate(events, elapsedMs)}).`,
  );
  if (imp.ImportStatus === 'FAILED') console.log("The import failed as a whole; the lake's log says why. Run it again to resume it.");
  if (!failures.length) return;
  console.log(`${count(failures.length)} ${failures.length === 1 ? 'file' : 'files'} failed:`);
  for (const f of failures) console.log(`  FAILED  ${f.Location}  ${f.ErrorType}: ${f.ErrorMessage}`);
}
