import { env } from '@/lib/env';
import { getDb } from '@/lib/db';
import { hasUsers } from '@/lib/auth/users';
import LoginForm from './login-form';
import { FirstAdminHelp } from './first-admin-help';

export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  const e = env();
  const firstRun = !(await hasUsers(await getDb()));
  return (
    <main className="auth-page" style={{ flexDirection: 'column', alignItems: 'center', gap: '1rem' }}>
      {firstRun && <FirstAdminHelp />}
      <LoginForm oidcName={e.TRAILBENCH_OIDC_ISSUER ? e.TRAILBENCH_OIDC_NAME : undefined} />
    </main>
  );
}
