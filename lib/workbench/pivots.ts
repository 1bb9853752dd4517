import { sqlString } from '../util/sql-text/quote';
import { storeRef, windowConditions, type TimeWindow } from './follow-up-sql';

/**
 * Entity pivots: from a result cell that holds an ARN, an access key ID, an IP address, an event
 * name or source, or a user name, a query for every event of that entity over the same window.
 */
export type EntityKind = 'arn' | 'accessKeyId' | 'ip' | 'eventName' | 'eventSource' | 'userName';

export interface Entity {
  kind: EntityKind;
  value: string;
}

export const ENTITY_LABELS: Record<EntityKind, string> = {
  arn: 'ARN',
  accessKeyId: 'access key',
  ip: 'IP address',
  eventName: 'event name',
  eventSource: 'event source',
  userName: 'user name',
};

const ARN = /^arn:aws(?:-cn|-us-gov|-iso[a-z-]*)?:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12})?:\S{1,1900}$/;
const ACCESS_KEY = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const EVENT_NAME = /^[A-Za-z][A-Za-z0-9]{1,127}$/;
const EVENT_SOURCE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.amazonaws\.com$/;

export function isIpv4(v: string): boolean {
  return IPV4.test(v);
}

/** RFC 4291 text forms: up to eight hex groups, one `::`, optionally ending in dotted IPv4. */
export function isIpv6(v: string): boolean {
  if (!/^[0-9a-fA-F:.]{2,45}$/.test(v) || !v.includes(':')) return false;
  const halves = v.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const parts = [...groups(halves[0]), ...(halves.length === 2 ? groups(halves[1]) : [])];
  let width = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i === parts.length - 1 && p.includes('.')) {
      if (!isIpv4(p)) return false;
      width += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) width += 1;
    else return false;
  }
  return halves.length === 2 ? width < 8 : width === 8;
}

/** The last segment of a result column name, lower-case (`userIdentity.userName` → `username`). */
const fieldOf = (column: string) => column.split('.').pop()!.toLowerCase();

/** The entity a cell holds, from its value and (for names) its column; undefined for anything else. */
export function detectEntity(column: string, raw: string): Entity | undefined {
  const value = raw.trim();
  if (!value || value.length > 2048 || /[\r\n]/.test(value)) return undefined;
  if (ARN.test(value)) return { kind: 'arn', value };
  if (ACCESS_KEY.test(value)) return { kind: 'accessKeyId', value };
  if (isIpv4(value) || isIpv6(value)) return { kind: 'ip', value };
  const field = fieldOf(column);
  if (field === 'eventname' && EVENT_NAME.test(value)) return { kind: 'eventName', value };
  if (field === 'eventsource' && EVENT_SOURCE.test(value)) return { kind: 'eventSource', value };
  if (field === 'username' && value.length <= 128) return { kind: 'userName', value };
  return undefined;
}

/** The WHERE condition that selects the entity's events. */
export function entityCondition({ kind, value }: Entity): string {
  const v = sqlString(value);
  switch (kind) {
    case 'ip':
      return `sourceIPAddress = ${v}`;
    case 'accessKeyId':
      return `userIdentity.accessKeyId = ${v}`;
    case 'eventName':
      return `eventName = ${v}`;
    case 'eventSource':
      return `eventSource = ${v}`;
    case 'userName':
      return `(userIdentity.userName = ${v} OR userIdentity.sessionContext.sessionIssuer.userName = ${v})`;
    case 'arn':
      // the actor, the role behind a session, or a resource the event touched
      return `(userIdentity.arn = ${v} OR userIdentity.sessionContext.sessionIssuer.arn = ${v} OR any_match(resources, r -> r.arn = ${v}))`;
  }
}

const PIVOT_COLUMNS = [
  'eventTime',
  'eventSource',
  'eventName',
  'userIdentity.arn',
  'userIdentity.accessKeyId',
  'sourceIPAddress',
  'awsRegion',
  'errorCode',
  'eventID',
];

/** The pivot query: the entity's events in the window, newest first. */
export function pivotSql(entity: Entity, storeId: string, window: TimeWindow): string {
  const where = [...windowConditions(window), entityCondition(entity)];
  return `SELECT ${PIVOT_COLUMNS.join(', ')}\nFROM ${storeRef(storeId)}\nWHERE ${where.join('\n  AND ')}\nORDER BY eventTime DESC`;
}

/** A short tab title for the pivot (`IP 203.0.113.7`). */
export function pivotTitle(entity: Entity): string {
  const label = ENTITY_LABELS[entity.kind];
  const v = entity.value.length > 40 ? `${entity.value.slice(0, 18)}…${entity.value.slice(-18)}` : entity.value;
  return `${label[0].toUpperCase()}${label.slice(1)} ${v}`;
}

/** Fields whose values are labels of the event itself, not entities worth a pivot. */
const NOT_PIVOTS = new Set(['eventid', 'requestid', 'sharedeventid', 'recipientaccountid', 'eventversion']);

/**
 * Every entity an event holds, at any depth (`userIdentity.arn`, `resources[].ARN`,
 * `sourceIPAddress`, …), each once, in field order: the event drawer offers the grid's pivots on
 * all of them. `fields` are the event's columns with their values parsed (JSON or Trino text).
 */
export function eventEntities(fields: { name: string; value: unknown }[], limit = 30): Entity[] {
  const found = new Map<string, Entity>();
  const walk = (path: string, value: unknown) => {
    if (found.size >= limit || value === null || value === undefined) return;
    if (Array.isArray(value)) return value.forEach((v) => walk(path, v));
    if (typeof value === 'object') return Object.entries(value).forEach(([k, v]) => walk(`${path}.${k}`, v));
    if (NOT_PIVOTS.has(fieldOf(path))) return;
    const entity = detectEntity(path, String(value));
    if (entity) found.set(`${entity.kind}\u0000${entity.value}`, entity);
  };
  for (const f of fields) walk(f.name, f.value);
  return [...found.values()];
}
