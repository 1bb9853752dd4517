import { z } from 'zod';
import type { Lake } from '../../lake';
import { LakeError } from '../../errors';
import type { ImportRecord } from '../../imports/import-manager';
import { requireActive } from '../../stores/lifecycle';
import { pageOf } from '../paging';
import { maxResults, parseInput, token } from './input';

const importId = z
  .string()
  .length(36)
  .regex(/^[a-f0-9-]+$/, 'must be an import ID');
const startInput = z.object({
  Destinations: z.array(z.string().min(3).max(256)).min(1).max(1).optional(),
  ImportSource: z
    .object({
      S3: z.object({ S3LocationUri: z.string().min(1).max(1024), S3BucketRegion: z.string().optional(), S3BucketAccessRoleArn: z.string().optional() }),
    })
    .optional(),
  StartEventTime: z.number().optional(),
  EndEventTime: z.number().optional(),
  ImportId: importId.optional(),
});
const idInput = z.object({ ImportId: importId });
const listInput = z.object({
  MaxResults: maxResults(1000),
  NextToken: token,
  Destination: z.string().optional(),
  ImportStatus: z.enum(['INITIALIZING', 'IN_PROGRESS', 'FAILED', 'STOPPED', 'COMPLETED']).optional(),
});
const failuresInput = z.object({ ImportId: importId, MaxResults: maxResults(1000), NextToken: token });

function describe(r: ImportRecord) {
  return {
    ImportId: r.importId,
    Destinations: [r.destination],
    ImportSource: { S3: r.source },
    StartEventTime: r.startEventTime,
    EndEventTime: r.endEventTime,
    ImportStatus: r.status,
    CreatedTimestamp: r.createdTimestamp,
    UpdatedTimestamp: r.updatedTimestamp,
    ImportStatistics: r.statistics,
  };
}

export const importOperations = {
  StartImport(lake: Lake, body: unknown) {
    const input = parseInput(startInput, body, { ImportId: 'ImportNotFoundException' });
    if (input.ImportId) {
      if (input.Destinations || input.ImportSource)
        throw new LakeError('InvalidParameterException', 'Give either ImportId (to retry) or Destinations and ImportSource, not both.');
      return describe(lake.imports.retry(input.ImportId));
    }
    if (!input.Destinations || !input.ImportSource) throw new LakeError('InvalidParameterException', 'Destinations and ImportSource are required.');
    if (input.StartEventTime !== undefined && input.EndEventTime !== undefined && input.StartEventTime > input.EndEventTime) {
      throw new LakeError('InvalidParameterException', 'StartEventTime must not be after EndEventTime.');
    }
    const store = requireActive(lake.stores, input.Destinations[0]);
    if (store.shape !== 'cloudtrail')
      throw new LakeError('InvalidEventDataStoreCategoryException', `Imports load CloudTrail events; store ${store.id} holds ${store.shape} events.`);
    const rec = lake.imports.start({ store, source: input.ImportSource.S3, startEventTime: input.StartEventTime, endEventTime: input.EndEventTime });
    return describe(rec);
  },
  GetImport(lake: Lake, body: unknown) {
    return describe(lake.imports.get(parseInput(idInput, body, { ImportId: 'ImportNotFoundException' }).ImportId));
  },
  StopImport(lake: Lake, body: unknown) {
    return describe(lake.imports.stop(parseInput(idInput, body, { ImportId: 'ImportNotFoundException' }).ImportId));
  },
  ListImports(lake: Lake, body: unknown) {
    const input = parseInput(listInput, body, { MaxResults: 'InvalidMaxResultsException', NextToken: 'InvalidNextTokenException' });
    const dest = input.Destination ? requireActive(lake.stores, input.Destination).arn : undefined;
    const all = lake.imports.list().filter((r) => (!dest || r.destination === dest) && (!input.ImportStatus || r.status === input.ImportStatus));
    const { page, next } = pageOf(all, 'imports', input.NextToken, input.MaxResults ?? 1000);
    return {
      Imports: page.map((r) => ({
        ImportId: r.importId,
        ImportStatus: r.status,
        Destinations: [r.destination],
        CreatedTimestamp: r.createdTimestamp,
        UpdatedTimestamp: r.updatedTimestamp,
      })),
      NextToken: next,
    };
  },
  ListImportFailures(lake: Lake, body: unknown) {
    const input = parseInput(failuresInput, body, {
      ImportId: 'ImportNotFoundException',
      MaxResults: 'InvalidMaxResultsException',
      NextToken: 'InvalidNextTokenException',
    });
    const rec = lake.imports.get(input.ImportId);
    const { page, next } = pageOf(rec.failures, `failures:${rec.importId}`, input.NextToken, input.MaxResults ?? 1000);
    return { Failures: page, NextToken: next };
  },
};

const followInput = z.object({
  EventDataStore: z.string().min(3).max(256),
  SourceUri: z.string().min(1).max(1024).nullable(),
  S3BucketRegion: z.string().optional(),
});

/**
 * Trailbench extension (not in the AWS API): make a store follow a log source — a directory or an
 * S3 prefix — and ingest new log files within a minute, as a trail keeps a Lake store current.
 * `SourceUri: null` stops following.
 */
export const followOperations = {
  async TrailbenchSetIngestionSource(lake: Lake, body: unknown) {
    const input = parseInput(followInput, body);
    const store = requireActive(lake.stores, input.EventDataStore);
    if (input.SourceUri) {
      if (store.shape !== 'cloudtrail')
        throw new LakeError(
          'InvalidEventDataStoreCategoryException',
          `Store ${store.id} holds ${store.shape} events; only CloudTrail event stores follow log sources.`,
        );
      lake.sources.check(input.SourceUri, input.S3BucketRegion); // refuse a bad source (a path outside the roots) now
    }
    const ingestionSource = input.SourceUri ? { uri: input.SourceUri, s3BucketRegion: input.S3BucketRegion } : undefined;
    lake.stores.save({ ...store, ingestionSource, updatedTimestamp: Date.now() / 1000 });
    if (ingestionSource) void lake.follower.checkAll();
    return lake.followStatus(store.id);
  },
  TrailbenchGetIngestionSource(lake: Lake, body: unknown) {
    const input = parseInput(z.object({ EventDataStore: z.string().min(3).max(256) }), body);
    return lake.followStatus(requireActive(lake.stores, input.EventDataStore).id);
  },
};
