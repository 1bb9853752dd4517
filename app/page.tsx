import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import { Workbench } from '@/components/workbench/workbench';

// The session is read per request (a viewer must never be served the editor from a cache).
export const dynamic = 'force-dynamic';

/**
 * The workbench, for those who may run free SQL. Viewers may only run saved queries shared with
 * them, so they land on those (and their history is one link away) instead of an editor whose
 * every run is refused.
 */
export default async function WorkbenchPage() {
  const session = await getServerSession(authOptions());
  if (session?.user?.role === 'viewer') redirect('/saved');
  return <Workbench />;
}
