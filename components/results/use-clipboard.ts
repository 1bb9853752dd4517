'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

const MESSAGE_MS = 2500;

/** Copies text (Clipboard API, or a hidden textarea where it is not allowed) and says what happened. */
export function useClipboard() {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(async (text: string, what: string) => {
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      ok = copyWithTextarea(text);
    }
    setMessage(ok ? `Copied ${what}` : 'The browser did not allow copying to the clipboard.');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), MESSAGE_MS);
  }, []);

  return { copy, message };
}

function copyWithTextarea(text: string): boolean {
  const active = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  active?.focus();
  return ok;
}
