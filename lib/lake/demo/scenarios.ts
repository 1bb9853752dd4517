/**
 * Multi-event stories that give the demo something to find: console sessions (sign-in, then
 * clicks), password-guessing bursts from one address, rare root sign-ins, and recon with a
 * stolen access key. Each returns its records with their instants (ascending, ≤ `limit`).
 */
import type { Json } from './catalog-types';
import { ATTACKER_IPS, kaliCliClient, OFFICE, type Client } from './clients';
import type { Actor, Session } from './identities';
import { RECON_STEPS } from './personas';
import { apiCall, consoleLogin } from './record';
import type { GenState } from './state';
import { REGIONS } from './world';
import * as sts from './catalog-security';

export interface Timed {
  sec: number;
  rec: Json;
}

const ATTACKER_BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',
  'python-requests/2.31.0',
];

const consoleOf = (a: Actor): Client => a.clients.items.find((c) => c.kind === 'console') ?? a.clients.items[0];

/** Sign-in (with an occasional mistyped password first) followed by a few console actions. */
export function consoleSession(g: GenState, a: Actor, sec: number, limit: number): Timed[] {
  const { rng } = g;
  const out: Timed[] = [];
  const ip = a.ips(rng, 'us-east-1');
  const region = rng.float() < 0.8 ? 'us-east-1' : a.regions.pick(rng);
  let t = sec;
  if (a.kind === 'IAMUser' && rng.float() < 0.12) {
    out.push({ sec: t, rec: consoleLogin(g, a, t, { success: false, ip, userAgent: a.browser, mfaUsed: false, region }) });
    t = Math.min(limit, t + rng.range(8, 90));
  }
  const session: Session = { key: 'ASIA' + rng.keyChars(16), created: t };
  out.push({ sec: t, rec: consoleLogin(g, a, t, { success: true, ip, userAgent: a.browser, mfaUsed: a.kind === 'IAMUser' && a.mfa, region, session }) });
  const client = consoleOf(a);
  const n = rng.range(2, 12);
  for (let i = 0; i < n; i++) {
    t = Math.min(limit, t + rng.range(3, 240));
    out.push({ sec: t, rec: apiCall(g, a, a.actions.pick(rng), t, { client, ip, session }) });
  }
  return out;
}

/** Password guessing against one console user from one address: 5–16 failures a few seconds apart. */
export function bruteForce(g: GenState, targets: readonly Actor[], roots: readonly Actor[], sec: number, limit: number): Timed[] {
  const { rng } = g;
  const target = rng.float() < 0.15 ? rng.pick(roots) : rng.pick(targets);
  const ip = rng.pick(ATTACKER_IPS);
  const ua = rng.pick(ATTACKER_BROWSERS);
  const n = rng.range(5, 16);
  const out: Timed[] = [];
  let t = sec;
  for (let i = 0; i < n; i++) {
    out.push({ sec: t, rec: consoleLogin(g, target, t, { success: false, ip, userAgent: ua, mfaUsed: false }) });
    t = Math.min(limit, t + rng.range(4, 45));
  }
  // Now and then the guess works on a user without MFA.
  if (target.kind === 'IAMUser' && !target.mfa && rng.float() < 0.3) {
    out.push({ sec: t, rec: consoleLogin(g, target, t, { success: true, ip, userAgent: ua, mfaUsed: false }) });
  }
  return out;
}

/** The root user signs in (with MFA) and looks around. */
export function rootSession(g: GenState, root: Actor, sec: number, limit: number): Timed[] {
  const { rng } = g;
  const ip = OFFICE.pick(rng);
  const session: Session = { key: 'ASIA' + rng.keyChars(16), created: sec };
  const out: Timed[] = [{ sec, rec: consoleLogin(g, root, sec, { success: true, ip, userAgent: root.browser, mfaUsed: true, session }) }];
  const client = consoleOf(root);
  let t = sec;
  const n = rng.range(1, 4);
  for (let i = 0; i < n; i++) {
    t = Math.min(limit, t + rng.range(10, 300));
    out.push({ sec: t, rec: apiCall(g, root, root.actions.pick(rng), t, { client, ip, session }) });
  }
  return out;
}

const kali = kaliCliClient();

/** A leaked long-term key used from an unknown host: who-am-I, then enumeration, mostly denied. */
export function recon(g: GenState, victim: Actor, sec: number, limit: number): Timed[] {
  const { rng } = g;
  const ip = rng.pick(ATTACKER_IPS);
  const out: Timed[] = [{ sec, rec: apiCall(g, victim, sts.getCallerIdentity, sec, { client: kali, ip, region: 'us-east-1', deny: false }) }];
  let t = sec;
  const n = rng.range(10, 24);
  for (let i = 0; i < n; i++) {
    t = Math.min(limit, t + rng.range(1, 25));
    const region = rng.float() < 0.5 ? 'us-east-1' : rng.pick(REGIONS);
    out.push({ sec: t, rec: apiCall(g, victim, rng.pick(RECON_STEPS), t, { client: kali, ip, region, deny: rng.float() < 0.75 }) });
  }
  return out;
}
