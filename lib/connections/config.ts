import { z } from 'zod';

/**
 * Connections to lakes besides the built-in one, from `TRAILBENCH_CONNECTIONS` (a JSON array).
 * Secrets never sit in this configuration: keys come from environment variables it names, a
 * profile, or the standard AWS credential chain, and stay on the server.
 */
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes');
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name');
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region');

export const connectionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('aws'),
    id,
    name: z.string().min(1),
    regions: z.array(region).min(1),
    profile: z.string().optional(),
    accessKeyIdEnv: envName.optional(),
    secretAccessKeyEnv: envName.optional(),
    roleArn: z
      .string()
      .regex(/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN')
      .optional(),
    externalId: z.string().optional(),
    /** Endpoint override (an AWS-compatible endpoint, e.g. another lake); the AWS endpoint when absent. */
    endpoint: z.string().url().optional(),
  }),
  z.object({
    type: z.literal('endpoint'),
    id,
    name: z.string().min(1),
    endpoint: z.string().url(),
    region: region.default('us-east-1'),
    accessKeyIdEnv: envName,
    secretAccessKeyEnv: envName,
  }),
]);

export type ConnectionConfig = z.infer<typeof connectionSchema>;

export const connectionsSchema = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (!text?.trim()) return [];
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of connections' });
      return z.NEVER;
    }
  })
  .pipe(z.array(connectionSchema))
  .refine(
    (list) => new Set(list.map((c) => c.id)).size === list.length && !list.some((c) => c.id === 'builtin'),
    'connection ids must be unique and not "builtin"',
  );
