/**
 * Seeded, deterministic generator of raw CloudTrail records — each one exactly what a trail
 * writes inside `{"Records":[…]}` in `AWSLogs/…/*.json.gz` — for the demo lake.
 *
 * The traffic comes from a fixed fictional company (see world.ts / cast.ts): four accounts,
 * most calls in us-east-1, us-west-2 and eu-west-1, IAM users, Identity Center users,
 * workload roles, AWS services; people follow office hours (UTC+9), machines run all day.
 * Mixed in: console sessions, password-guessing bursts from one IP, rare root sign-ins and
 * recon with a leaked key, so the usual detections find something.
 *
 * Records are yielded in ascending eventTime order (ties possible; whole seconds), all in
 * [start, end). Memory does not grow with `count`.
 */
import { getCast, getRoots } from './cast';
import type { Actor } from './identities';
import { apiCall } from './record';
import { Picker, Rng } from './rng';
import { bruteForce, consoleSession, recon, rootSession, type Timed } from './scenarios';
import { createState } from './state';
import { PEOPLE_ACTIVITY, Timeline, officeHourOfWeek } from './time';

export interface GenerateOptions {
  count: number;
  start: Date;
  end: Date;
  /** Default 42. Same seed and options → identical records. */
  seed?: number;
}

/** Per-slot chances of the multi-event stories (each also forced once in a large enough run). */
const P_BRUTE_FORCE = 0.00008;
const P_ROOT = 0.00002;
const P_RECON = 0.00001;
/** Chance that a person's call starts a console session instead. */
const P_CONSOLE_SESSION = 0.03;

export function* generateEvents(opts: GenerateOptions): Generator<Record<string, unknown>> {
  const { count } = opts;
  const seed = opts.seed ?? 42;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const startMs = opts.start.getTime(),
    endMs = opts.end.getTime();
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) throw new RangeError('start and end must be valid dates');
  if (count === 0) return;
  // eventTime has whole seconds: use the seconds that lie inside [start, end).
  const startSec = Math.ceil(startMs / 1000);
  const endSec = Math.ceil(endMs / 1000);
  if (endSec <= startSec) throw new RangeError('[start, end) must contain at least one whole second');
  const limit = endSec - 1;

  const g = createState(seed);
  const { rng } = g;
  const cast = getCast();
  const roots = getRoots();
  const machines = new Picker<Actor>(cast.filter((a) => !a.diurnal).map((a) => [a, a.weight] as const));
  const people = new Picker<Actor>(cast.filter((a) => a.diurnal).map((a) => [a, a.weight] as const));
  const consoleTargets = cast.filter((a) => a.kind === 'IAMUser' && a.consoleUser);
  const leakable = cast.filter((a) => a.kind === 'IAMUser' && !a.consoleUser && !a.diurnal);
  const M = machines.total,
    H = people.total;
  const timeline = new Timeline(new Rng(seed + 0x5eed), startSec, endSec, count, (how) => M + H * PEOPLE_ACTIVITY[how]);

  // Where the forced stories go (as a fraction of the run), so every demo has one of each.
  const forceAt = (min: number) => (count >= min ? Math.floor(count * (0.1 + 0.7 * rng.float())) : Infinity);
  let bruteAt = forceAt(60),
    rootAt = forceAt(2000),
    reconAt = forceAt(5000);

  const pending: Timed[] = [];
  let head = 0;
  const schedule = (items: Timed[], budget: number): number => {
    const n = Math.min(items.length, budget);
    for (let k = 0; k < n; k++) {
      const it = items[k];
      let j = pending.length;
      pending.push(it);
      while (j > head && pending[j - 1].sec > it.sec) {
        pending[j] = pending[j - 1];
        j--;
      }
      pending[j] = it;
    }
    return n;
  };

  let planned = 0;
  let skip = 0;
  for (let i = 0; i < count; i++) {
    const sec = timeline.next();
    while (head < pending.length && pending[head].sec <= sec) {
      yield pending[head++].rec;
      if (head > 256 && head * 2 > pending.length) {
        pending.splice(0, head);
        head = 0;
      }
    }
    // A story of n events takes the n-1 slots after it, so the count stays exact.
    if (skip > 0) {
      skip--;
      continue;
    }
    const budget = count - planned;

    let story: Timed[] | null = null;
    if (i >= bruteAt || rng.float() < P_BRUTE_FORCE) {
      if (i >= bruteAt) bruteAt = Infinity;
      story = bruteForce(g, consoleTargets, roots, sec, limit);
    } else if (i >= reconAt || rng.float() < P_RECON) {
      if (i >= reconAt) reconAt = Infinity;
      story = recon(g, rng.pick(leakable), sec, limit);
    } else {
      const how = officeHourOfWeek(sec);
      const fromPeople = rng.float() * (M + H * PEOPLE_ACTIVITY[how]) >= M;
      if (fromPeople && (i >= rootAt || rng.float() < P_ROOT)) {
        if (i >= rootAt) rootAt = Infinity;
        story = rootSession(g, rng.pick(roots), sec, limit);
      } else {
        const actor = (fromPeople ? people : machines).pick(rng);
        if (actor.consoleUser && rng.float() < P_CONSOLE_SESSION) story = consoleSession(g, actor, sec, limit);
        else {
          planned++;
          yield apiCall(g, actor, actor.actions.pick(rng), sec);
          continue;
        }
      }
    }
    const n = schedule(story, budget);
    planned += n;
    skip = n - 1;
  }
  while (head < pending.length) yield pending[head++].rec;
}
