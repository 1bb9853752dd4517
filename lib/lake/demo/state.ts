/** Per-run state shared by the record builders: the seeded RNG, formatter, blob pool and scratch context. */
import type { BlobPool, Ctx } from './catalog-types';
import { Rng } from './rng';
import { TimeFormatter } from './time';
import { getWorld, MANAGEMENT, type World } from './world';

export interface GenState {
  rng: Rng;
  seed: number;
  world: World;
  time: TimeFormatter;
  blobs: BlobPool;
  /** Reused for every call: builders write into it, the record copies out. */
  ctx: Ctx;
}

const POOL_SIZE = 16384;

export function createState(seed: number): GenState {
  const rng = new Rng(seed);
  const pool = rng.base64(POOL_SIZE);
  const blobs: BlobPool = {
    take: (r, n) => {
      const at = r.int(POOL_SIZE - n);
      return pool.slice(at, at + n);
    },
  };
  const world = getWorld();
  const time = new TimeFormatter();
  const ctx: Ctx = {
    rng,
    world,
    blobs,
    time,
    seed,
    sec: 0,
    iso: '',
    acct: MANAGEMENT,
    region: 'us-east-1',
    res: world.res(MANAGEMENT, 'us-east-1'),
    requestId: '',
    callerArn: '',
    callerName: '',
    req: null,
    resp: null,
    resources: null,
    extra: null,
    host: null,
    target: null,
    top: null,
  };
  return { rng, seed, world, time, blobs, ctx };
}
