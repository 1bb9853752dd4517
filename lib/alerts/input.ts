import { z } from 'zod';
import { COMPARISONS } from './condition';
import { cronError } from './schedule';
import { templateErrors } from './template';
import { DESTINATION_KINDS } from './destinations/kinds';
import { targetProblem } from './destinations/target-input';

/** Alert rules and destinations as the API accepts them; every refusal names the field. */
const template = (what: string) =>
  z
    .string()
    .max(2000)
    .superRefine((t, ctx) => {
      for (const e of templateErrors(t)) ctx.addIssue({ code: 'custom', message: `${what} ${e}` });
    });

export const scheduleInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('every'), minutes: z.number().int().min(1, 'must be at least 1 minute').max(10_080, 'must be at most a week (10080 minutes)') }),
  z.object({
    kind: z.literal('cron'),
    expression: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .superRefine((x, ctx) => {
        const err = cronError(x);
        if (err) ctx.addIssue({ code: 'custom', message: `'${x}' is not a cron expression: ${err}` });
      }),
  }),
]);

export const conditionInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rows'), atLeast: z.number().int().min(1).max(1_000_000) }),
  z.object({
    kind: z.literal('column'),
    column: z.string().trim().min(1).max(200),
    op: z.enum(COMPARISONS as [string, ...string[]]),
    value: z.number().finite(),
  }),
  /** A scheduled report: the result is sent every run, whether or not it has rows. */
  z.object({ kind: z.literal('report') }),
]);

export const ruleInput = z.object({
  name: z.string().trim().min(1, 'a rule needs a name').max(200),
  savedQueryId: z.string().min(1).max(100),
  enabled: z.boolean().default(true),
  schedule: scheduleInput,
  window: z.object({ mode: z.enum(['schedule', 'anchored']), minutes: z.number().int().min(1).max(43_200, 'must be at most 30 days (43200 minutes)') }),
  condition: conditionInput,
  cooldownMinutes: z.number().int().min(0).max(43_200).default(0),
  dedupeRows: z.boolean().default(false),
  summaryTemplate: template('summaryTemplate').default(''),
  rowTemplate: template('rowTemplate').default(''),
  destinationIds: z.array(z.string().min(1).max(100)).max(20).default([]),
});
export type RuleInput = z.infer<typeof ruleInput>;

export const destinationInput = z
  .object({
    name: z.string().trim().min(1, 'a destination needs a name').max(200),
    kind: z.enum(DESTINATION_KINDS),
    /** An https URL; email: an SMTP URL; PagerDuty and Opsgenie: blank for their public API. */
    url: z.string().trim().max(2048).default(''),
    /** Webhooks: sign requests; the secret is generated unless given, and shown once. */
    sign: z.boolean().default(false),
    signingSecret: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
    /** PagerDuty: the integration's routing key; Opsgenie: the API key. Stored encrypted, never shown again. */
    key: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((d, ctx) => {
    const problem = targetProblem(d.kind, d.url, d.key);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
export type DestinationInput = z.infer<typeof destinationInput>;

/** Changing a destination: a new name, a new URL (blank keeps the stored one), signing on/off or a new secret. */
export const destinationChange = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  /** Checked against the destination's kind when applied (lib/alerts/destinations/target-input.ts). */
  url: z.string().trim().min(1).max(2048).optional(),
  sign: z.boolean().optional(),
  rotateSecret: z.boolean().optional(),
});
