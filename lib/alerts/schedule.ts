import { Cron } from 'croner';

/**
 * When a rule runs: every N minutes (slots on multiples of N minutes since the epoch, so they
 * do not drift with restarts) or a cron expression (5 fields, or 6 with seconds; UTC).
 */
export type Schedule = { kind: 'every'; minutes: number } | { kind: 'cron'; expression: string };

export const MAX_CATCH_UP_SLOTS = 12;

/** Why a cron expression is refused, or undefined when croner accepts it. */
export function cronError(expression: string): string | undefined {
  try {
    new Cron(expression, { paused: true, timezone: 'UTC', mode: '5-or-6-parts' }).stop();
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^CronPattern: /, '');
  }
}

/** The first slot strictly after `after`. */
export function nextSlot(s: Schedule, after: Date): Date {
  if (s.kind === 'every') {
    const step = s.minutes * 60_000;
    return new Date((Math.floor(after.getTime() / step) + 1) * step);
  }
  const next = new Cron(s.expression, { paused: true, timezone: 'UTC', mode: '5-or-6-parts' }).nextRun(after);
  if (!next) throw new Error(`The cron expression '${s.expression}' has no future run.`);
  return next;
}

/**
 * The slots to run now: from `due` (the rule's next slot) up to `now`, at most the newest
 * MAX_CATCH_UP_SLOTS (older missed slots are skipped and counted), and the slot after them.
 */
export function dueSlots(s: Schedule, due: Date, now: Date): { slots: Date[]; skipped: number; next: Date } {
  const slots: Date[] = [];
  let skipped = 0;
  let t = due;
  while (t.getTime() <= now.getTime()) {
    slots.push(t);
    if (slots.length > MAX_CATCH_UP_SLOTS) {
      slots.shift();
      skipped++;
    }
    t = nextSlot(s, t);
  }
  return { slots, skipped, next: t };
}

export function describeSchedule(s: Schedule): string {
  return s.kind === 'every' ? (s.minutes === 1 ? 'every minute' : `every ${s.minutes} minutes`) : `cron ${s.expression} (UTC)`;
}
