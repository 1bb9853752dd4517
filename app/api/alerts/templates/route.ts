import { withUser } from '@/lib/http/route';
import { listTemplates } from '@/lib/alerts/seed-templates';

export const dynamic = 'force-dynamic';

export const GET = withUser(undefined, async () => ({ templates: listTemplates() }));
