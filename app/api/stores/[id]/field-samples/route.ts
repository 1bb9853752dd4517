import { BUILTIN, clientFor } from '@/lib/cloudtrail/clients';
import { ApiError } from '@/lib/http/errors';
import { withUser } from '@/lib/auth/with-user';
import { fieldSamples } from '@/lib/workbench/field-samples';

export const dynamic = 'force-dynamic';

/** Frequent values and map keys of a built-in lake store (sampling an AWS store would be billed, so it is not offered). */
export const GET = withUser<{ id: string }>(async ({ req, params }) => {
  const connectionId = new URL(req.url).searchParams.get('connectionId') ?? BUILTIN;
  if (connectionId !== BUILTIN) throw new ApiError('NotOffered', 'Field sampling runs only on the built-in lake (it would be billed on AWS).', 404);
  if (!/^[0-9a-f-]{36}$/i.test(params.id)) throw new ApiError('ValidationError', `'${params.id}' is not an event data store ID.`);
  return fieldSamples(await clientFor(BUILTIN), `${BUILTIN}:${params.id}`, params.id);
});
