import { withUser } from '@/lib/auth/with-user';
import { listTemplates } from '@/lib/alerts/seed-templates';

export const dynamic = 'force-dynamic';

export const GET = withUser(async () => ({ templates: listTemplates() }));
