import { z } from 'zod';
import { ADMINS, withUser } from '@/lib/auth/with-user';
import { parseInput } from '@/lib/lake/api/operations/input';
import { selectorsSchema } from '@/lib/lake/api/operations/stores';
import { validateSelectors } from '@/lib/lake/stores/selectors';

export const dynamic = 'force-dynamic';

const input = z.object({ AdvancedEventSelectors: selectorsSchema });

/** Checks advanced event selectors as CreateEventDataStore does (same input schema, same rules, same errors), before the review step. */
export const POST = withUser(ADMINS, async ({ body }) => {
  const { AdvancedEventSelectors } = parseInput(input, await body(), { AdvancedEventSelectors: 'InvalidEventSelectorsException' });
  return { ok: true, shape: validateSelectors(AdvancedEventSelectors) };
});
