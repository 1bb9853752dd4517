import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../lib/http/safe-redirect';

// `/login?next=...` after sign-in: only pages of this site. Each case is the raw query string, as
// the browser's URLSearchParams decodes it (so `%5C` arrives as `\`, `%09` as a tab).
const ORIGIN = 'http://127.0.0.1:3000';
const nextOf = (query: string) => new URLSearchParams(query).get('next');

describe('the page after sign-in', () => {
  it.each([
    'next=/%5Cevil.test/',
    'next=/\\evil.test/',
    'next=/%09/evil.test/',
    'next=//evil.test',
    'next=https://evil.test',
    'next=https%3A%2F%2Fevil.test%2F',
    'next=/%0A/evil.test',
    'next=%5C%5Cevil.test',
    'next=/.//evil.test',
    'next=/a/..//evil.test',
    'next=javascript:alert(1)',
    'next=http://127.0.0.1:3001/x',
    'next=',
  ])('%s lands on /', (query) => {
    expect(safeNextPath(nextOf(query), ORIGIN)).toBe('/');
  });

  it.each([
    ['next=/saved', '/saved'],
    ['next=%2Fhistory%3Fall%3D1', '/history?all=1'],
    ['next=/alerts#rule-1', '/alerts#rule-1'],
    ['next=http://127.0.0.1:3000/admin', '/admin'],
  ])('%s stays on the site (%s)', (query, path) => {
    expect(safeNextPath(nextOf(query), ORIGIN)).toBe(path);
  });

  it('is what the login page uses (no string test of its own)', async () => {
    const fs = await import('node:fs');
    const form = fs.readFileSync(new URL('../../app/login/login-form.tsx', import.meta.url), 'utf8');
    expect(form).toMatch(/safeNextPath\(/);
    expect(form).not.toMatch(/startsWith\('\/\/'\)/);
  });
});
