import { z } from 'zod';
import { LakeError } from '../../errors';

/** Parses an operation's input; a violation becomes the exception AWS would return for it. */
export function parseInput<T extends z.ZodType>(schema: T, body: unknown, exceptions: Record<string, string> = {}): z.infer<T> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.join('.') || 'input';
  const type = exceptions[String(issue.path[0])] ?? 'InvalidParameterException';
  throw new LakeError(type, `Invalid value for ${field}: ${issue.message}`);
}

export const maxResults = (max: number) => z.number().int().min(1).max(max).optional();
export const token = z.string().min(4).max(1000).optional();
