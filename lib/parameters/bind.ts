import { SqlValidationError } from '../lake/sql/errors';
import { findPlaceholders, lineColumn, type Placeholder } from './placeholders';
import { neutralValue, sqlLiteral, stringLiteralContent } from './literals';
import { sqlShape } from './shape';
import { MAX_PARAMETERS, ParameterError, RANGE_END, RANGE_START, type ParameterProblem, type ParameterSpec, type RawValue, type SqlValue } from './types';
import { checkList, checkScalar, checkTimeRange, describeType } from './values';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Problems with the definitions themselves (names, duplicates, options), before any value. */
export function specProblems(specs: readonly ParameterSpec[]): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  if (specs.length > MAX_PARAMETERS) problems.push({ parameter: '*', message: `${specs.length} parameters; the limit is ${MAX_PARAMETERS}` });
  const seen = new Set<string>();
  for (const s of specs) {
    const names = s.type === 'timeRange' ? [RANGE_START, RANGE_END] : [s.name];
    if (!NAME.test(s.name)) problems.push({ parameter: s.name, message: 'is not a name (letters, digits and _, not starting with a digit)' });
    for (const n of names) {
      if (seen.has(n)) problems.push({ parameter: n, message: 'is defined twice' });
      seen.add(n);
    }
    if ((s.type === 'oneOf' || (s.type === 'multiSelect' && s.options)) && !s.options?.length) {
      problems.push({ parameter: s.name, message: 'needs a list of options' });
    }
  }
  return problems;
}

/** Checks every parameter's value (given, or its default); a time range yields `start` and `end`. */
export function resolveValues(
  specs: readonly ParameterSpec[],
  inputs: Readonly<Record<string, RawValue | undefined>>,
  now: Date,
): { values: Map<string, SqlValue>; problems: ParameterProblem[] } {
  const values = new Map<string, SqlValue>();
  const problems: ParameterProblem[] = [];
  for (const spec of specs) {
    // own keys only: a value map from a URL or JSON must not reach Object.prototype ('constructor')
    const raw = (Object.hasOwn(inputs, spec.name) ? inputs[spec.name] : undefined) ?? spec.default;
    const empty = raw === undefined || (typeof raw === 'string' ? raw.trim() === '' : raw.length === 0);
    if (empty) {
      problems.push({ parameter: spec.name, message: `needs a value (${describeType(spec)})` });
      continue;
    }
    if (spec.type === 'timeRange') {
      const r = typeof raw === 'string' ? checkTimeRange(raw, now) : { ok: false as const, message: 'is a list, not a time range' };
      if (!r.ok) problems.push({ parameter: spec.name, message: r.message });
      else {
        values.set(RANGE_START, { kind: 'timestamp', ms: r.value.start });
        values.set(RANGE_END, { kind: 'timestamp', ms: r.value.end });
      }
      continue;
    }
    const c =
      spec.type === 'multiSelect'
        ? checkList(spec, raw)
        : typeof raw === 'string'
          ? checkScalar(spec.type, raw, spec)
          : { ok: false as const, message: `is a list, not one ${describeType(spec)}` };
    if (c.ok) values.set(spec.name, c.value);
    else problems.push({ parameter: spec.name, message: c.message });
  }
  return { values, problems };
}

/** Writes each placeholder's value: a literal in code, the quoted-safe text inside a string; comments are left alone. */
function substitute(sql: string, places: Placeholder[], valueOf: (p: Placeholder) => SqlValue): string {
  let out = '';
  let at = 0;
  for (const p of places) {
    if (p.context === 'comment') continue;
    const v = valueOf(p);
    out += sql.slice(at, p.start) + (p.context === 'code' ? sqlLiteral(v) : stringLiteralContent(v)!);
    at = p.end;
  }
  return out + sql.slice(at);
}

/**
 * Fills a statement's `{{name}}` placeholders from typed parameters. Every problem is reported
 * at once (which parameter, what is wrong) as a ParameterError. The result is proven to parse to
 * the same shape as the statement filled with harmless values of the same kinds, so no value can
 * change the query's structure; a placeholder where no literal can go is refused.
 */
export function bindParameters(
  sql: string,
  specs: readonly ParameterSpec[],
  inputs: Readonly<Record<string, RawValue | undefined>> = {},
  now = new Date(),
): { sql: string; values: Map<string, SqlValue> } {
  const problems = specProblems(specs);
  const { values, problems: valueProblems } = resolveValues(specs, inputs, now);
  problems.push(...valueProblems);
  const places = findPlaceholders(sql);
  const defined = new Set(specs.flatMap((s) => (s.type === 'timeRange' ? [RANGE_START, RANGE_END] : [s.name])));
  for (const p of places) {
    if (p.context === 'comment') continue;
    const where = `at ${lineColumn(sql, p.start)}`;
    if (!defined.has(p.name)) problems.push({ parameter: p.name, message: `${where} is not a defined parameter` });
    else if (p.context === 'identifier') problems.push({ parameter: p.name, message: `${where} is inside a quoted name, where no value can go` });
    else if (p.context === 'string' && values.get(p.name)?.kind === 'list')
      problems.push({ parameter: p.name, message: `${where} is a list, which cannot go inside a string` });
  }
  if (problems.length) throw new ParameterError(problems);

  const filled = substitute(sql, places, (p) => values.get(p.name)!);
  let expected: string;
  try {
    expected = sqlShape(substitute(sql, places, (p) => neutralValue(values.get(p.name)!)));
  } catch (e) {
    if (!(e instanceof SqlValidationError)) throw e;
    throw new ParameterError([
      {
        parameter: places.find((p) => p.context === 'code')?.name ?? '*',
        message: `the statement with its parameters filled does not parse (a value can go only where a literal can): ${e.message}`,
      },
    ]);
  }
  if (sqlShape(filled) !== expected) {
    throw new ParameterError([{ parameter: '*', message: 'a value changed the structure of the statement' }]);
  }
  return { sql: filled, values };
}

/**
 * Fills only the named placeholders with generated literals and leaves every other `{{...}}`
 * as written (alert windows: the rule knows its window, not the query's other parameters).
 */
export function fillKnown(sql: string, values: ReadonlyMap<string, SqlValue>): string {
  const places = findPlaceholders(sql).filter(
    (p) => values.has(p.name) && (p.context === 'code' || (p.context === 'string' && values.get(p.name)!.kind !== 'list')),
  );
  return substitute(sql, places, (p) => values.get(p.name)!);
}
