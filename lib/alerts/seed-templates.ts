import { isIP } from 'node:net';
import { z } from 'zod';
import type { RuleInput } from './input';

/**
 * The seed's two hand-written monitors as ready-made alerts (../shared/seed/README.md, point 8):
 * each becomes a saved query plus a rule on it. Parameters are validated before they reach SQL
 * (IP addresses only as net.isIP accepts them; numbers as integers), so nothing typed is pasted raw.
 */
const ipList = z
  .array(z.string().trim())
  .min(1, 'give at least one allowed IP address')
  .max(100)
  .superRefine((ips, ctx) => {
    ips.forEach((ip, i) => {
      if (!isIP(ip)) ctx.addIssue({ code: 'custom', path: [i], message: `'${ip}' is not an IPv4 or IPv6 address` });
    });
  });
const minutes = (def: number) => z.number().int().min(1).max(1440).default(def);

const outsideIpsParams = z.object({ allowedIps: ipList, windowMinutes: minutes(15), everyMinutes: minutes(5) });
const failedSignInParams = z.object({ failures: z.number().int().min(2).max(10_000).default(5), windowMinutes: minutes(10), everyMinutes: minutes(5) });

export interface TemplateParam {
  name: string;
  label: string;
  kind: 'ip-list' | 'integer';
  default?: number | string[];
  help: string;
}

export interface TemplateDef<P extends z.ZodTypeAny = z.ZodTypeAny> {
  id: string;
  title: string;
  description: string;
  params: TemplateParam[];
  schema: P;
  build(p: z.infer<P>): { queryName: string; description: string; sql: string; rule: Omit<RuleInput, 'savedQueryId' | 'destinationIds' | 'enabled'> };
}

const quoted = (ips: string[]) => ips.map((ip) => `'${ip}'`).join(', ');

const outsideIps: TemplateDef<typeof outsideIpsParams> = {
  id: 'console-sign-in-outside-allowed-ips',
  title: 'Console sign-in from outside the allowed IPs',
  description:
    'Notifies about every ConsoleLogin (success or failure) whose source IP is not in the allowed list, with user, region, IP and time. Each sign-in is notified once.',
  params: [
    {
      name: 'allowedIps',
      label: 'Allowed IP addresses (comma-separated)',
      kind: 'ip-list',
      default: ['211.60.50.190'],
      help: 'Sign-ins from these addresses are expected.',
    },
    {
      name: 'windowMinutes',
      label: 'Look at the last M minutes before the newest event',
      kind: 'integer',
      default: 15,
      help: 'CloudTrail delivers events within about 15 minutes.',
    },
    { name: 'everyMinutes', label: 'Run every N minutes', kind: 'integer', default: 5, help: '' },
  ],
  schema: outsideIpsParams,
  build: (p) => ({
    queryName: 'Console sign-ins from outside the allowed IPs',
    description: `ConsoleLogin events whose sourceIPAddress is not one of ${p.allowedIps.join(', ')}. Used by an alert rule, which fills {{window_start}} and {{window_end}}.`,
    sql: [
      'SELECT eventTime, coalesce(userIdentity.userName, userIdentity.arn, userIdentity.principalId) AS userName,',
      "  awsRegion, sourceIPAddress, element_at(responseElements, 'ConsoleLogin') AS outcome, userIdentity.arn AS userArn",
      'FROM $EDS_ID',
      "WHERE eventName = 'ConsoleLogin'",
      `  AND sourceIPAddress NOT IN (${quoted(p.allowedIps)})`,
      "  AND eventTime >= '{{window_start}}' AND eventTime <= '{{window_end}}'",
      'ORDER BY eventTime',
    ].join('\n'),
    rule: {
      name: 'Console sign-in from outside the allowed IPs',
      schedule: { kind: 'every', minutes: p.everyMinutes },
      window: { mode: 'anchored', minutes: p.windowMinutes },
      condition: { kind: 'rows', atLeast: 1 },
      cooldownMinutes: 0,
      dedupeRows: true,
      summaryTemplate: 'Console sign-in from outside the allowed IPs: {{rowCount}} new in “{{query}}”',
      rowTemplate: '{{userName}} signed in ({{outcome}}) from {{sourceIPAddress}} in {{awsRegion}} at {{eventTime}} UTC',
    },
  }),
};

const failedSignIns: TemplateDef<typeof failedSignInParams> = {
  id: 'failed-console-sign-ins',
  title: 'N failed console sign-ins within M minutes',
  description:
    'Counts failed ConsoleLogin events per source IP in the M minutes before the newest event and notifies about each IP with at least N, with users, regions and times.',
  params: [
    { name: 'failures', label: 'Failed sign-ins (N)', kind: 'integer', default: 5, help: 'From one source IP.' },
    { name: 'windowMinutes', label: 'Within M minutes before the newest event', kind: 'integer', default: 10, help: '' },
    { name: 'everyMinutes', label: 'Run every N minutes', kind: 'integer', default: 5, help: '' },
  ],
  schema: failedSignInParams,
  build: (p) => ({
    queryName: 'Failed console sign-ins per source IP',
    description:
      'Failed ConsoleLogin events grouped by source IP, with users, regions and the first and last failure. Used by an alert rule, which fills {{window_start}} and {{window_end}}.',
    sql: [
      'SELECT sourceIPAddress, count(*) AS failures,',
      "  array_join(array_distinct(array_agg(coalesce(userIdentity.userName, userIdentity.arn, 'unknown'))), ', ') AS userNames,",
      "  array_join(array_distinct(array_agg(awsRegion)), ', ') AS awsRegions,",
      '  min(eventTime) AS firstFailure, max(eventTime) AS lastFailure',
      'FROM $EDS_ID',
      "WHERE eventType = 'AwsConsoleSignIn' AND eventName = 'ConsoleLogin'",
      "  AND element_at(responseElements, 'ConsoleLogin') = 'Failure'",
      "  AND eventTime >= '{{window_start}}' AND eventTime <= '{{window_end}}'",
      'GROUP BY sourceIPAddress',
      'ORDER BY failures DESC, sourceIPAddress',
    ].join('\n'),
    rule: {
      name: `${p.failures}+ failed console sign-ins within ${p.windowMinutes} minutes`,
      schedule: { kind: 'every', minutes: p.everyMinutes },
      window: { mode: 'anchored', minutes: p.windowMinutes },
      condition: { kind: 'column', column: 'failures', op: '>=', value: p.failures },
      cooldownMinutes: p.windowMinutes,
      dedupeRows: false,
      summaryTemplate: `{{rowCount}} source IPs with ${p.failures} or more failed console sign-ins within ${p.windowMinutes} minutes`,
      rowTemplate: '{{sourceIPAddress}}: {{failures}} failures for {{userNames}} in {{awsRegions}}, {{firstFailure}} – {{lastFailure}} UTC',
    },
  }),
};

export const SEED_TEMPLATES = [outsideIps, failedSignIns] as const;

export function listTemplates() {
  return SEED_TEMPLATES.map(({ id, title, description, params }) => ({ id, title, description, params }));
}

/** The saved query and rule a template makes with these parameters (a ZodError names a bad one). */
export function buildTemplate(id: string, params: unknown) {
  const t = SEED_TEMPLATES.find((x) => x.id === id);
  if (!t) return undefined;
  return (t as TemplateDef<z.ZodTypeAny>).build((t.schema as z.ZodTypeAny).parse(params ?? {}));
}
