'use client';

import { useEffect, useState } from 'react';
import { isPublicPage } from '@/lib/auth/public-pages';
import { ApiError } from '../api/request';
import { api, type Me } from '../api/accounts';

/**
 * The signed-in user from /api/me. With `redirect`, a missing or expired session sends the
 * browser to sign-in and back here afterwards; without it (e.g. in a layout) `me` stays null, and
 * on the pages used signed out (sign-in, one-time links) it is not asked for: no 401 in their console.
 */
export function useMe(redirect: boolean): { me: Me | null; error: string } {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    if (!redirect && isPublicPage(window.location.pathname)) return;
    api.me().then(
      (u) => live && setMe(u),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) {
          if (redirect) window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
        } else {
          setError((e as Error).message);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [redirect]);
  return { me, error };
}
