import { z } from 'zod';
import { BUILTIN } from '../cloudtrail/clients';
import type { LakeTarget } from './lake-calls';

const target = z.object({
  connectionId: z.string().max(40).default(BUILTIN),
  region: z
    .string()
    .max(40)
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});

/** Which lake a console request is about: `?connection=&region=` (the built-in lake when absent). */
export function targetOf(req: Request): LakeTarget {
  const q = new URL(req.url).searchParams;
  return target.parse({ connectionId: q.get('connection') ?? undefined, region: q.get('region') ?? undefined });
}

/** A CloudTrail request as the console sends it on: a JSON object, size-capped by the body reader. */
export const requestSchema = z.record(z.string().max(64), z.unknown());
