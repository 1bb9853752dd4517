import type { TokenKind } from '@/lib/db/schema';
import { getDb } from '@/lib/db';
import { peekToken, tokenProblem } from '@/lib/auth/tokens';
import { hasUsers, SETUP_DONE } from '@/lib/auth/users';
import PasswordForm from './password-form';
import { LinkProblem } from './link-problem';

const HEADINGS: Record<TokenKind, string> = { setup: 'Create the first admin', invite: 'Set your password', reset: 'Choose a new password' };

/**
 * The page a one-time link opens (setup, invite, reset): the form while the link works, else
 * why it does not and what to do (looked up without using the link).
 */
export async function LinkPage({ kind, searchParams }: { kind: TokenKind; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : '';
  const db = await getDb();
  const state = await peekToken(db, token, kind);
  let problem = state === 'valid' ? '' : tokenProblem(kind, state);
  if (kind === 'setup' && (await hasUsers(db))) problem = SETUP_DONE;
  return (
    <main className="auth-page">
      {problem ? <LinkProblem heading={HEADINGS[kind]} message={problem} /> : <PasswordForm kind={kind} heading={HEADINGS[kind]} />}
    </main>
  );
}
