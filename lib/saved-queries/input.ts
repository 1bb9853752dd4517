import { z } from 'zod';
import { parameterSpecsInput } from '../parameters/input';

/** A saved query as the API accepts it. */
export const savedQueryInput = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  tags: z.array(z.string().min(1).max(50)).max(20).optional(),
  folder: z.string().max(200).optional(),
  sql: z.string().min(1).max(100_000),
  storeId: z.string().max(256).nullable().optional(),
  connectionId: z.string().max(40).nullable().optional(),
  /** Definitions of its `{{name}}` parameters (type, default); left as they were when absent. */
  parameters: parameterSpecsInput.optional(),
});
