'use client';
import { useSyncExternalStore, type ButtonHTMLAttributes } from 'react';

const noChanges = () => () => {};

/** False in the server's HTML and while React hydrates it; true once React handles the page's events. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
}

/**
 * A form's submit button, disabled until the page is hydrated. Before that, a click (or Enter in
 * a field) would have the browser submit the form itself: a GET that puts the fields — a
 * password — in the URL, and loses what was typed.
 */
export function SubmitButton({ disabled, ...rest }: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'>) {
  const hydrated = useHydrated();
  return <button {...rest} type="submit" disabled={!hydrated || disabled} />;
}
