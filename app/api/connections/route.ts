import { connections } from '@/lib/cloudtrail/clients';
import { withUser } from '@/lib/auth/with-user';

export const dynamic = 'force-dynamic';

/** The configured connections: names, kinds and regions only, never credentials. */
export const GET = withUser(async () => ({ connections: connections() }));
