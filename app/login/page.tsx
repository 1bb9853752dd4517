import { env } from '@/lib/env';
import LoginForm from './login-form';

export const dynamic = 'force-dynamic';

export default function LoginPage() {
  const e = env();
  return (
    <main className="auth-page">
      <LoginForm oidcName={e.TRAILBENCH_OIDC_ISSUER ? e.TRAILBENCH_OIDC_NAME : undefined} />
    </main>
  );
}
