import { z } from 'zod';
import { ApiError } from '../http/errors';
import { bindParameters } from '../parameters/bind';
import { MAX_LIST_ITEMS, MAX_PARAMETERS, MAX_VALUE_LENGTH, ParameterError, SCALAR_TYPES, type ParameterSpec, type RawValue } from '../parameters/types';

/** What a person typed for each parameter, by name. */
export type ParameterValues = Record<string, RawValue>;

const value = z.string().max(MAX_VALUE_LENGTH);
const scalarType = z.enum(SCALAR_TYPES);

/** A run's parameters as the API accepts them: the definitions and the values typed for them. */
export const runParametersInput = z.object({
  specs: z
    .array(
      z.object({
        name: z.string().min(1).max(64),
        type: z.union([scalarType, z.literal('multiSelect'), z.literal('timeRange')]),
        default: z.union([value, z.array(value).max(MAX_LIST_ITEMS)]).optional(),
        options: z.array(value).max(MAX_LIST_ITEMS).optional(),
        of: scalarType.exclude(['oneOf']).optional(),
        min: z.number().optional(),
        max: z.number().optional(),
      }),
    )
    .max(MAX_PARAMETERS),
  values: z.record(z.string().max(64), z.union([value, z.array(value).max(MAX_LIST_ITEMS)])),
});
export interface RunParameters { specs: readonly ParameterSpec[]; values: Readonly<Record<string, RawValue>> }

/**
 * The statement to run: with parameters, filled through lib/parameters (values become literals,
 * and the filled statement must parse to the template's shape). A wrong value is a 400
 * `ParameterInvalid` that lists each problem by parameter, so the form can show it by the field.
 */
export function fillRunSql(sql: string, parameters: RunParameters | undefined, now = new Date()): { sql: string; values?: ParameterValues } {
  if (!parameters || parameters.specs.length === 0) return { sql };
  try {
    const filled = bindParameters(sql, parameters.specs, parameters.values, now);
    const used = Object.fromEntries(parameters.specs.map((s) => [s.name, Object.hasOwn(parameters.values, s.name) ? parameters.values[s.name] : s.default]).filter(([, v]) => v !== undefined));
    return { sql: filled.sql, values: used as ParameterValues };
  } catch (e) {
    if (e instanceof ParameterError) throw new ApiError('ParameterInvalid', e.message, 400, { problems: e.problems });
    throw e;
  }
}
