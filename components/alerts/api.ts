// The browser side of the alert routes (app/api/alerts/*). Webhook URLs never come back from the
// server: destinations carry only a masked hint.
import { request } from '../api/request';
import type { TemplateDef, TemplateParam } from '@/lib/alerts/seed-templates';
import type { DestinationKind } from '../../lib/alerts/destinations/kinds';

export type Schedule = { kind: 'every'; minutes: number } | { kind: 'cron'; expression: string };
export type Comparison = '>' | '>=' | '<' | '<=' | '=' | '!=';
export type Condition = { kind: 'rows'; atLeast: number } | { kind: 'column'; column: string; op: Comparison; value: number } | { kind: 'report' };
export type WindowMode = 'schedule' | 'anchored';

export interface Destination {
  id: string;
  name: string;
  kind: DestinationKind;
  urlHint: string;
  signed: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RuleInput {
  name: string;
  savedQueryId: string;
  enabled: boolean;
  schedule: Schedule;
  window: { mode: WindowMode; minutes: number };
  condition: Condition;
  cooldownMinutes: number;
  dedupeRows: boolean;
  summaryTemplate: string;
  rowTemplate: string;
  destinationIds: string[];
}

export interface Rule extends Omit<RuleInput, 'destinationIds'> {
  id: string;
  savedQueryName: string | null;
  scheduleText: string;
  conditionText: string;
  destinations: { id: string; name: string; kind: string; urlHint: string }[];
  lastStatus: string;
  lastError: string | null;
  lastRunAt: string | null;
  nextRunAt: string | null;
  running: boolean;
  warnings: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Attempt {
  at: string;
  status?: number;
  error?: string;
  ms: number;
}
export interface Delivery {
  id: string;
  destinationName: string;
  destinationKind: string | null;
  deliveryKey: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  attemptLog: Attempt[];
  deliveredAt: string | null;
  createdAt: string;
}
export interface Firing {
  id: string;
  runId: string;
  test: boolean;
  firedAt: string;
  slotAt: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  rowCount: number;
  summary: string;
  queryHandle: string | null;
  columns: string[];
  rows: string[][];
}
export interface Run {
  id: string;
  kind: 'scheduled' | 'test';
  slotAt: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  status: string;
  queryHandle: string | null;
  rowCount: number | null;
  matchedCount: number | null;
  error: string | null;
  note: string | null;
  startedAt: string;
  finishedAt: string | null;
  firing: (Firing & { deliveries: Delivery[] }) | null;
}
export interface FiringDetail extends Firing {
  rule: { id: string; name: string };
  query: { id: string; name: string } | null;
  deliveries: Delivery[];
}

export type { TemplateParam };
/** A template as the server lists it (lib/alerts/seed-templates.ts): its parameters, no SQL. */
export type AlertTemplate = Pick<TemplateDef, 'id' | 'title' | 'description' | 'params'>;

const id = encodeURIComponent;

export const alertsApi = {
  listRules: async (savedQueryId?: string) =>
    (await request<{ rules: Rule[] }>(`/api/alerts/rules${savedQueryId ? `?savedQueryId=${id(savedQueryId)}` : ''}`)).rules,
  getRule: async (ruleId: string) => (await request<{ rule: Rule }>(`/api/alerts/rules/${id(ruleId)}`)).rule,
  createRule: async (input: RuleInput) => (await request<{ rule: Rule }>('/api/alerts/rules', { method: 'POST', json: input })).rule,
  updateRule: async (ruleId: string, input: RuleInput) =>
    (await request<{ rule: Rule }>(`/api/alerts/rules/${id(ruleId)}`, { method: 'PUT', json: input })).rule,
  setEnabled: async (ruleId: string, enabled: boolean) =>
    (await request<{ rule: Rule }>(`/api/alerts/rules/${id(ruleId)}`, { method: 'PATCH', json: { enabled } })).rule,
  deleteRule: (ruleId: string) => request<{ deleted: string }>(`/api/alerts/rules/${id(ruleId)}`, { method: 'DELETE' }),
  testRule: async (ruleId: string) =>
    (
      await request<{ run: { runId: string; status: string; error?: string; note?: string } }>(`/api/alerts/rules/${id(ruleId)}/test`, {
        method: 'POST',
        json: {},
      })
    ).run,
  history: async (ruleId: string) => (await request<{ runs: Run[] }>(`/api/alerts/rules/${id(ruleId)}/history`)).runs,
  firing: async (firingId: string) => (await request<{ firing: FiringDetail }>(`/api/alerts/firings/${id(firingId)}`)).firing,

  listDestinations: async () => (await request<{ destinations: Destination[] }>('/api/alerts/destinations')).destinations,
  createDestination: (input: { name: string; kind: DestinationKind; url: string; sign: boolean; key?: string }) =>
    request<{ destination: Destination; signingSecret?: string }>('/api/alerts/destinations', { method: 'POST', json: input }),
  changeDestination: (destId: string, change: { name?: string; url?: string; sign?: boolean; rotateSecret?: boolean }) =>
    request<{ destination: Destination; signingSecret?: string }>(`/api/alerts/destinations/${id(destId)}`, { method: 'PATCH', json: change }),
  deleteDestination: (destId: string) => request<{ deleted: string }>(`/api/alerts/destinations/${id(destId)}`, { method: 'DELETE' }),

  templates: async () => (await request<{ templates: AlertTemplate[] }>('/api/alerts/templates')).templates,
  fromTemplate: (
    templateId: string,
    input: { storeId: string; connectionId: string | null; params: Record<string, unknown>; destinationIds: string[]; name?: string },
  ) => request<{ rule: Rule; query: { id: string } }>(`/api/alerts/templates/${id(templateId)}`, { method: 'POST', json: input }),
};
