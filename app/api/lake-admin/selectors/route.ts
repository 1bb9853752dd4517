import { z } from 'zod';
import { withUser, ADMINS } from '@/lib/http/route';
import { validateSelectors } from '@/lib/lake/stores/selectors';

export const dynamic = 'force-dynamic';

const input = z.object({ AdvancedEventSelectors: z.array(z.any()).max(50) });

/** Checks advanced event selectors with the lake's own validation, before the review step. */
export const POST = withUser(ADMINS, async ({ body }) => {
  const { AdvancedEventSelectors } = input.parse(await body());
  return { ok: true, shape: validateSelectors(AdvancedEventSelectors) };
});
