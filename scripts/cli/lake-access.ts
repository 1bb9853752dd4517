import fs from 'node:fs';
import path from 'node:path';
import { CloudTrailClient, ListEventDataStoresCommand, ListImportsCommand, type ImportStatus } from '@aws-sdk/client-cloudtrail';
import { env } from '../../lib/env';
import { lakeDirOf, lakeOptionsFromEnv } from '../../lib/built-in-lake';
import { Lake } from '../../lib/lake/lake';
import { loadCredentials } from '../../lib/lake/credentials';
import { acquireLake, describeBusy, lakeOwner, releaseLake } from '../../lib/lake/owner';
import { ImportRootError } from '../../lib/lake/imports/import-roots';
import { inProcessClient } from '../../lib/cloudtrail/in-process-handler';
import { CliError } from './command';
import { allPages } from './paging';

/**
 * How a command reaches the lake: through the running Trailbench server's CloudTrail endpoint
 * when a server holds the data directory (or `--endpoint` names one), otherwise by opening the
 * lake in this process. Either way every call is a real CloudTrail API operation through the SDK.
 */
export interface LakeAccess {
  client: CloudTrailClient;
  /** Where the calls go, for messages: the server's endpoint or the data directory. */
  where: string;
  /** The lake, when this process opened it. */
  lake?: Lake;
  close(): Promise<void>;
}

export interface AccessOptions {
  dataDir: string;
  endpoint?: string;
  /** The command line, recorded as the lake's owner while it is open here. */
  command: string;
  /** Whether a missing data directory may be created (an import may start a new lake; a listing may not). */
  create: boolean;
  /**
   * The local path an import reads. A lake opened here may read it whatever TRAILBENCH_IMPORT_ROOTS
   * says (this user can read those files anyway); a server reads only under its roots.
   */
  importPath?: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE']);
const AUTH_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
]);

export async function openLakeAccess(opts: AccessOptions): Promise<LakeAccess> {
  const lakeDir = lakeDirOf(opts.dataDir);
  if (opts.endpoint) return serverAccess(endpointUrl(opts.endpoint), lakeDir, 'given with --endpoint');
  const owner = lakeOwner(lakeDir);
  if (owner?.kind === 'server' && owner.url)
    return serverAccess(endpointUrl(owner.url), lakeDir, `the Trailbench server (pid ${owner.pid}) that has ${opts.dataDir} open`);
  if (owner) throw new CliError(describeBusy(lakeDir, owner));
  if (!opts.create && !fs.existsSync(lakeDir)) {
    throw new CliError(`There is no lake in ${opts.dataDir} (no ${lakeDir} directory). Give the data directory with --data-dir, or set TRAILBENCH_DATA_DIR.`);
  }
  return inProcessAccess(opts.dataDir, lakeDir, opts.command, opts.importPath);
}

/** `http://host:3000` or `http://host:3000/lake` → the lake endpoint URL. */
export function endpointUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(`--endpoint must be the server's URL, such as http://127.0.0.1:3000; got '${raw}'.`, 2);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--endpoint must be an http:// or https:// URL; got '${raw}'.`, 2);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/lake';
  return url.toString().replace(/\/$/, '');
}

async function serverAccess(endpoint: string, lakeDir: string, why: string): Promise<LakeAccess> {
  const client = new CloudTrailClient({ region: env().TRAILBENCH_LAKE_REGION, endpoint, credentials: serverCredentials(lakeDir), maxAttempts: 1 });
  explainErrors(client, endpoint, why);
  await client.send(new ListEventDataStoresCommand({ MaxResults: 1 })); // reachable, and the keys are right
  return { client, where: `${endpoint} (${why})`, close: async () => client.destroy() };
}

/** The lake's key pair: TRAILBENCH_LAKE_* when set, else the one the server keeps in the data directory. */
function serverCredentials(lakeDir: string) {
  const e = env();
  const fromEnv = { accessKeyId: e.TRAILBENCH_LAKE_ACCESS_KEY_ID, secretAccessKey: e.TRAILBENCH_LAKE_SECRET_ACCESS_KEY };
  if (!fromEnv.accessKeyId && !fs.existsSync(path.join(lakeDir, 'credentials.json'))) {
    throw new CliError(
      `No key pair to sign requests with: ${path.join(lakeDir, 'credentials.json')} does not exist and TRAILBENCH_LAKE_ACCESS_KEY_ID / TRAILBENCH_LAKE_SECRET_ACCESS_KEY are not set. Set them to the server's key pair, or give the server's --data-dir.`,
    );
  }
  const { accessKeyId, secretAccessKey } = loadCredentials(lakeDir, fromEnv);
  return { accessKeyId, secretAccessKey };
}

/** Turns a refused connection or refused keys into a message that says what to do. */
function explainErrors(client: CloudTrailClient, endpoint: string, why: string) {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        const err = e as Error & { code?: string; cause?: { code?: string } };
        const code = err.code ?? err.cause?.code;
        if ((code && NETWORK_CODES.has(code)) || err.name === 'TimeoutError') {
          throw new CliError(`Cannot reach the Trailbench server at ${endpoint} (${why}): ${code ?? err.message}. Is it running?`);
        }
        if (AUTH_ERRORS.has(err.name)) {
          throw new CliError(
            `The lake at ${endpoint} refused this key pair (${err.name}: ${err.message}). Sign with the server's keys: set TRAILBENCH_LAKE_ACCESS_KEY_ID and TRAILBENCH_LAKE_SECRET_ACCESS_KEY as the server has them, or give the server's --data-dir.`,
          );
        }
        throw e;
      }
    },
    { step: 'initialize', name: 'trailbenchCliErrors' },
  );
}

async function inProcessAccess(dataDir: string, lakeDir: string, command: string, importPath?: string): Promise<LakeAccess> {
  try {
    acquireLake(lakeDir, { kind: 'cli', command });
  } catch (e) {
    throw new CliError((e as Error).message); // another process took the lake this instant
  }
  let lake: Lake;
  try {
    lake = await Lake.open({ ...lakeOptionsFromEnv(dataDir), hostImportPath: importPath });
  } catch (e) {
    if (!(e instanceof ImportRootError)) throw e;
    releaseLake(lakeDir);
    throw new CliError(e.message, 2);
  }
  const client = inProcessClient(lake);
  return {
    client,
    lake,
    where: `${dataDir} (opened here; no Trailbench server has it open)`,
    async close() {
      // An import that resumed when the lake opened is left to finish the next time it is opened:
      // stopping the process mid-import is safe, closing the engine under it is not.
      if ((await runningImports(client)).length === 0) lake.close();
    },
  };
}

/** Imports still running (or resumed after an interruption). */
export async function runningImports(client: CloudTrailClient): Promise<string[]> {
  const ids: string[] = [];
  for (const status of ['INITIALIZING', 'IN_PROGRESS'] as ImportStatus[]) {
    const imports = await allPages(async (NextToken) => {
      const page = await client.send(new ListImportsCommand({ ImportStatus: status, NextToken }));
      return { items: page.Imports, NextToken: page.NextToken };
    });
    ids.push(...imports.map((i) => i.ImportId!));
  }
  return ids;
}
