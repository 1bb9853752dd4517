import { z } from 'zod';
import { ApiError } from '../http/errors';
import { bindParameters } from '../parameters/bind';
import { parameterSpecsInput, parameterValuesInput } from '../parameters/input';
import { ParameterError, type ParameterSpec, type RawValue } from '../parameters/types';

/** What a person typed for each parameter, by name. */
export type ParameterValues = Record<string, RawValue>;

/** A run's parameters as the API accepts them: the definitions and the values typed for them. */
export const runParametersInput = z.object({ specs: parameterSpecsInput, values: parameterValuesInput });
export interface RunParameters {
  specs: readonly ParameterSpec[];
  values: Readonly<Record<string, RawValue>>;
}

/**
 * The statement to run: with parameters, filled through lib/parameters (values become literals,
 * and the filled statement must parse to the template's shape). A wrong value is a 400
 * `ParameterInvalid` that lists each problem by parameter, so the form can show it by the field.
 */
export function fillRunSql(sql: string, parameters: RunParameters | undefined, now = new Date()): { sql: string; values?: ParameterValues } {
  if (!parameters || parameters.specs.length === 0) return { sql };
  try {
    const filled = bindParameters(sql, parameters.specs, parameters.values, now);
    const used = Object.fromEntries(
      parameters.specs
        .map((s) => [s.name, Object.hasOwn(parameters.values, s.name) ? parameters.values[s.name] : s.default])
        .filter(([, v]) => v !== undefined),
    );
    return { sql: filled.sql, values: used as ParameterValues };
  } catch (e) {
    if (e instanceof ParameterError) throw new ApiError('ParameterInvalid', e.message, 400, { problems: e.problems });
    throw e;
  }
}
