import { withUser } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = withUser(undefined, async ({ user }) => ({ user }));
