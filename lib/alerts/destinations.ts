import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { sessionSecret } from '../auth/session-secret';
import { audit } from '../auth/audit-write';
import { ApiError } from '../http/errors';
import type { DestinationInput } from './input';
import { decrypt, encrypt, keyFrom, maskUrl } from '../util/sealed-secrets';
import { newSigningSecret } from './signature';
import { KEYED_KINDS } from './destinations/kinds';
import { targetProblem } from './destinations/target-input';

/**
 * Where alerts go: a user's Slack incoming webhooks and generic JSON webhooks. URLs and signing
 * secrets are stored encrypted and never sent to the browser; a generated signing secret is shown
 * once, when it is created.
 */
type Row = Database['alert_destinations'];

let key: Buffer | undefined;
const secretKey = () => (key ??= keyFrom(sessionSecret()));

export function presentDestination(r: Row) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    urlHint: r.url_hint,
    signed: r.kind === 'webhook' && r.signing_secret !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The destination's URL and signing secret, for sending only. */
export function openDestination(r: Row): { url: string; signingSecret: string | null } {
  return { url: decrypt(r.url_secret, secretKey()), signingSecret: r.signing_secret ? decrypt(r.signing_secret, secretKey()) : null };
}

export async function requireDestination(db: Kysely<Database>, user: CurrentUser, id: string): Promise<Row> {
  const r = await db.selectFrom('alert_destinations').selectAll().where('id', '=', id).where('owner_id', '=', user.id).executeTakeFirst();
  if (!r) throw new ApiError('DestinationNotFound', `No alert destination ${id} of yours.`, 404);
  return r;
}

export async function listDestinations(db: Kysely<Database>, user: CurrentUser) {
  const rows = await db.selectFrom('alert_destinations').selectAll().where('owner_id', '=', user.id).orderBy('name').execute();
  return rows.map(presentDestination);
}

export async function createDestination(db: Kysely<Database>, user: CurrentUser, input: DestinationInput) {
  const signing = input.kind === 'webhook' && (input.sign || input.signingSecret) ? (input.signingSecret ?? newSigningSecret()) : null;
  const secret = signing ?? (KEYED_KINDS.has(input.kind) ? input.key! : null);
  const now = new Date().toISOString();
  const row: Row = {
    id: randomUUID(),
    owner_id: user.id,
    name: input.name,
    kind: input.kind,
    url_secret: encrypt(input.url, secretKey()),
    url_hint: input.url ? maskUrl(input.url) : 'public API',
    signing_secret: secret ? encrypt(secret, secretKey()) : null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('alert_destinations').values(row).execute();
  await audit(db, { userId: user.id, action: 'alert-destination.create', target: row.id, detail: { name: row.name, kind: row.kind, url: row.url_hint } });
  // the generated secret is returned this once (a secret the user typed is not echoed back)
  return { destination: presentDestination(row), ...(signing && !input.signingSecret ? { signingSecret: signing } : {}) };
}

export async function updateDestination(
  db: Kysely<Database>,
  user: CurrentUser,
  id: string,
  change: { name?: string; url?: string; sign?: boolean; rotateSecret?: boolean },
) {
  const row = await requireDestination(db, user, id);
  const next: Row = { ...row, updated_at: new Date().toISOString() };
  if (change.name) next.name = change.name;
  if (change.url) {
    const problem = targetProblem(row.kind, change.url, 'stored');
    if (problem) throw new ApiError('InvalidDestination', `url ${problem.message}`, 400);
    next.url_secret = encrypt(change.url, secretKey());
    next.url_hint = maskUrl(change.url);
  }
  let secret: string | undefined;
  if (row.kind === 'webhook' && (change.rotateSecret || (change.sign && !row.signing_secret))) {
    secret = newSigningSecret();
    next.signing_secret = encrypt(secret, secretKey());
  }
  if (change.sign === false && row.kind === 'webhook') next.signing_secret = null;
  await db.updateTable('alert_destinations').set(next).where('id', '=', id).execute();
  await audit(db, {
    userId: user.id,
    action: 'alert-destination.update',
    target: id,
    detail: { name: next.name, urlChanged: !!change.url, signed: next.signing_secret !== null, rotated: !!secret },
  });
  return { destination: presentDestination(next), ...(secret ? { signingSecret: secret } : {}) };
}

export async function deleteDestination(db: Kysely<Database>, user: CurrentUser, id: string) {
  await requireDestination(db, user, id);
  const users = await db
    .selectFrom('alert_rule_destinations')
    .innerJoin('alert_rules', 'alert_rules.id', 'alert_rule_destinations.rule_id')
    .select('alert_rules.name')
    .where('alert_rule_destinations.destination_id', '=', id)
    .execute();
  if (users.length)
    throw new ApiError('DestinationInUse', `The destination is used by ${users.map((u) => `“${u.name}”`).join(', ')}; remove it from those rules first.`, 409);
  await db.deleteFrom('alert_destinations').where('id', '=', id).execute();
  await audit(db, { userId: user.id, action: 'alert-destination.delete', target: id });
}
