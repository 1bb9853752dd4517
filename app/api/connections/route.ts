import { connections } from '@/lib/cloudtrail/clients';
import { withUser } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** The configured connections: names, kinds and regions only, never credentials. */
export const GET = withUser(undefined, async () => ({ connections: connections() }));
