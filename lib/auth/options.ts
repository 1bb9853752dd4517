import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { applyAuthEnvironment, env } from '../env';
import { getDb } from '../db';
import type { Role } from '../db/schema';
import { clientAddress, headerGetter } from '../http/client-address';
import { safeNextPath } from '../http/safe-redirect';
import { signIn } from './users';
import { audit } from './audit-write';
import { sessionSecret } from './session-secret';

/**
 * next-auth: local accounts (scrypt-hashed, rate-limited) and, when configured, one OpenID
 * Connect provider. Sessions are signed JWT cookies carrying the user's id; each request
 * re-reads the user (role, disabled, session version) from the database. Sign-outs are audited.
 */
declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  applyAuthEnvironment();
  const e = env();
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const address = clientAddress(headerGetter(req?.headers));
        const user = await signIn(await getDb(), credentials.email, credentials.password, address);
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ];
  if (e.TRAILBENCH_OIDC_ISSUER && e.TRAILBENCH_OIDC_CLIENT_ID && e.TRAILBENCH_OIDC_CLIENT_SECRET) {
    providers.push({
      id: 'oidc',
      name: e.TRAILBENCH_OIDC_NAME,
      type: 'oauth',
      wellKnown: `${e.TRAILBENCH_OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: e.TRAILBENCH_OIDC_CLIENT_ID,
      clientSecret: e.TRAILBENCH_OIDC_CLIENT_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile: (p: { sub: string; email?: string; name?: string }) => ({ id: p.sub, email: p.email ?? '', name: p.name ?? p.email ?? p.sub }),
    });
  }
  cached = {
    secret: sessionSecret(),
    session: { strategy: 'jwt', maxAge: 12 * 3600 },
    pages: { signIn: '/login' },
    providers,
    callbacks: {
      /** After sign-in (OIDC) or sign-out, only to a page of this site. */
      redirect: ({ url, baseUrl }) => new URL(safeNextPath(url, baseUrl), baseUrl).href,
      /** OIDC users must have been invited: their email must belong to an enabled user. */
      async signIn({ user, account }) {
        if (account?.provider === 'credentials') return true;
        const db = await getDb();
        const known = await db
          .selectFrom('users')
          .selectAll()
          .where('email', '=', String(user.email ?? '').toLowerCase())
          .executeTakeFirst();
        if (!known || known.disabled) return false;
        await audit(db, { userId: known.id, action: 'sign-in', target: known.email, detail: { provider: account?.provider } });
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const db = await getDb();
          const row = await db
            .selectFrom('users')
            .select(['id', 'session_version'])
            .where('email', '=', String(user.email ?? '').toLowerCase())
            .executeTakeFirst();
          token.uid = row?.id ?? user.id;
          token.sv = row?.session_version ?? 0;
        }
        return token;
      },
      /** The user as the database has them now; a session from before their last password change or reset is no session. */
      async session({ session, token }) {
        const db = await getDb();
        const u = await db
          .selectFrom('users')
          .selectAll()
          .where('id', '=', String(token.uid ?? ''))
          .executeTakeFirst();
        const current = u && !u.disabled && u.session_version === Number(token.sv ?? 0);
        session.user = current ? { id: u.id, email: u.email, name: u.name, role: u.role } : (undefined as never);
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        const db = await getDb();
        const u = token?.uid ? await db.selectFrom('users').select(['id', 'email']).where('id', '=', String(token.uid)).executeTakeFirst() : undefined;
        if (u) await audit(db, { userId: u.id, action: 'sign-out', target: u.email });
      },
    },
  };
  return cached;
}
