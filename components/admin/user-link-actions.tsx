'use client';

import { useState } from 'react';
import { lifetimeText } from '@/lib/auth/link-lifetimes';
import { api, type User } from '../api/accounts';
import { OneTimeLink } from './one-time-link';
import { ErrorAlert } from '../forms/error-alert';

/**
 * A user's one-time links, for an admin: re-send the invite (pending users; the old link stops
 * working) or a password-reset link (everyone else). The link is shown here once, to copy.
 */
export function UserLinkActions({ user }: { user: User }) {
  const [link, setLink] = useState<{ what: 'Invite link' | 'Password-reset link'; url: string } | null>(null);
  const [error, setError] = useState('');

  async function issue() {
    setError('');
    try {
      setLink(
        user.invitePending
          ? { what: 'Invite link', url: (await api.reinviteUser(user.id)).inviteUrl }
          : { what: 'Password-reset link', url: (await api.resetLink(user.id)).resetUrl },
      );
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <>
      <button type="button" className="acc-button acc-secondary" onClick={() => void issue()}>
        {user.invitePending ? `Re-send invite to ${user.email}` : `Reset password of ${user.email}`}
      </button>
      <ErrorAlert message={error} />
      {link && (
        <OneTimeLink
          what={link.what}
          email={user.email}
          url={link.url}
          note={
            link.what === 'Invite link'
              ? `A new invite link for ${user.email} (any earlier one no longer works); shown only now, works once, for ${lifetimeText('invite')}.`
              : `Give this link to ${user.email} to choose a new password; shown only now, works once, for ${lifetimeText('reset')}. Their sessions end when they use it.`
          }
        />
      )}
    </>
  );
}
