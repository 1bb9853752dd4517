import { ipFamily } from '../util/ip-ranges';

/**
 * Failed sign-ins, limited so that guessing is slow and an attacker cannot lock anyone else out.
 * In memory, per server process; counts live for WINDOW_MS after each failure.
 *
 * - Per address (an IPv6 client's whole /64, which one machine usually owns): PER_ADDRESS failures,
 *   whatever the emails, and that address may not try again. This is what stops one client
 *   guessing: made-up emails, or one account, it stops at the same count.
 * - Per email and address: PER_ACCOUNT_ADDRESS failures, and that address may not try that email
 *   again; someone else (another address) is not affected.
 * - Per email over all addresses (guessing spread over many addresses): past ACCOUNT_UNDER_ATTACK
 *   failures, addresses that have never signed in to the account get one attempt per
 *   ATTACK_SPACING_MS between them. That slows the attack to a crawl without a lockout: the
 *   account's owner on an address they signed in from before is not slowed at all.
 *
 * Limits are keyed by the email as typed (lower-cased), existing account or not, so being limited
 * says nothing about whether an account exists. The address is the one lib/http/client-address.ts
 * trusts, so changing request headers changes nothing; and a success clears only its own email and
 * address pair, so signing in to an account of one's own does not reset the address's count.
 */
export const WINDOW_MS = 15 * 60_000;
export const PER_ADDRESS = 50;
export const PER_ACCOUNT_ADDRESS = 5;
export const ACCOUNT_UNDER_ATTACK = 20;
export const ATTACK_SPACING_MS = 30_000;
/** Addresses remembered per account as ones its owner signed in from. */
const KNOWN_ADDRESSES = 20;
/** Above this many keys, expired ones are swept out. */
const SWEEP_AT = 10_000;

export const LIMITED_MESSAGE = 'Too many failed sign-ins; wait 15 minutes.';

/** IPv4 as is; IPv6 by its /64 (the part a client cannot vary at will). */
export function addressKey(address: string): string {
  if (ipFamily(address) !== 'ipv6') return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export class SignInLimits {
  private failures = new Map<string, number[]>();
  private known = new Map<string, string[]>();
  private nextUnknownAttempt = new Map<string, number>();

  /** Why this attempt is refused, or undefined when it may go ahead (which, for an account under attack, uses up its slot). */
  refusal(email: string, address: string, now = Date.now()): string | undefined {
    const addr = addressKey(address);
    if (this.count(`addr|${addr}`, now) >= PER_ADDRESS) return LIMITED_MESSAGE;
    if (this.count(`pair|${email}|${addr}`, now) >= PER_ACCOUNT_ADDRESS) return LIMITED_MESSAGE;
    if (this.count(`acct|${email}`, now) >= ACCOUNT_UNDER_ATTACK && !this.known.get(email)?.includes(addr)) {
      if (now < (this.nextUnknownAttempt.get(email) ?? 0)) return 'This account is seeing many failed sign-ins; wait 30 seconds and try again.';
      this.nextUnknownAttempt.set(email, now + ATTACK_SPACING_MS);
    }
    return undefined;
  }

  failed(email: string, address: string, now = Date.now()): void {
    const addr = addressKey(address);
    for (const key of [`addr|${addr}`, `pair|${email}|${addr}`, `acct|${email}`]) this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > SWEEP_AT) this.sweep(now);
  }

  succeeded(email: string, address: string): void {
    const addr = addressKey(address);
    this.failures.delete(`pair|${email}|${addr}`);
    this.known.set(email, [addr, ...(this.known.get(email) ?? []).filter((a) => a !== addr)].slice(0, KNOWN_ADDRESSES));
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  }

  private count(key: string, now: number): number {
    return this.recent(key, now).length;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.failures) if (!times.some((t) => now - t < WINDOW_MS)) this.failures.delete(key);
    for (const [email, at] of this.nextUnknownAttempt) if (at < now) this.nextUnknownAttempt.delete(email);
  }
}

/** The server's limits (one process serves every sign-in). */
export const signInLimits = new SignInLimits();
