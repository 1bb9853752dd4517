import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { env } from '../../lib/env';

/** An error the CLI reports as one clear message (no stack) with its exit code. */
const BRAND = Symbol.for('trailbench.CliError');
export class CliError extends Error {
  readonly [BRAND] = true;
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
  static is(e: unknown): e is CliError {
    return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
  }
}

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** Options of the commands that reach the lake (import, stores). */
export const LAKE_OPTIONS = {
  ...COMMON_OPTIONS,
  endpoint: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

export interface Command {
  /** Returns the exit code. */
  run(argv: string[]): Promise<number>;
}

/** A usage error (exit 2), pointing at the command's help. */
export const usageError = (command: string, message: string) => new CliError(`${message}\nSee \`trailbench ${command} --help\`.`, 2);

type Values<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>['values'];

/**
 * A command: its arguments parsed strictly (an unknown flag or a flag without its value is a
 * usage error), `--help` answered with its usage, and at most one positional argument, `operand`.
 */
export function defineCommand<O extends ParseArgsOptionsConfig>(
  spec: { name: string; usage: string; options: O; operand?: string },
  run: (values: Values<O>, operand: string | undefined) => Promise<number>,
): Command {
  return {
    async run(argv) {
      let parsed;
      try {
        parsed = parseArgs({ args: argv, options: spec.options, allowPositionals: true, strict: true });
      } catch (e) {
        throw usageError(spec.name, (e as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
      }
      const { values, positionals } = parsed;
      if ((values as { help?: boolean }).help) {
        console.log(spec.usage);
        return 0;
      }
      const extra = positionals.slice(spec.operand ? 1 : 0);
      if (extra.length) throw usageError(spec.name, `Unexpected argument${extra.length > 1 ? 's' : ''}: ${extra.join(' ')}.`);
      if (spec.operand && !positionals.length) throw usageError(spec.name, `${spec.operand} is required.`);
      return run(values as Values<O>, positionals[0]);
    },
  };
}

/** `--data-dir`, else TRAILBENCH_DATA_DIR (./data). */
export const dataDirOf = (flag: string | undefined) => (flag ? path.resolve(flag) : env().dataDir);

export function requireValue<T>(value: T | undefined, what: string, command: string): T {
  if (value === undefined || value === '') throw usageError(command, `${what} is required.`);
  return value;
}

/** A whole number flag (`--events 1000`), with the flag named in the error. */
export function intFlag(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < min) throw new CliError(`--${flag} must be a whole number of at least ${min}; got '${value}'.`, 2);
  return n;
}

/** A positive number flag that may have a fraction (`--days 0.5`). */
export function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`--${flag} must be a positive number; got '${value}'.`, 2);
  return n;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 time flag (`--start 2026-01-01T00:00:00Z`); without a zone it is UTC, as event times are. */
export function timeFlag(value: string | undefined, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  const m = ISO_TIME.exec(value);
  const t = m ? Date.parse(value.includes('T') && !m[1] ? `${value}Z` : value) : NaN;
  if (!Number.isFinite(t)) throw new CliError(`--${flag} must be an ISO 8601 time such as 2026-01-31 or 2026-01-31T12:00:00Z; got '${value}'.`, 2);
  return new Date(t);
}
