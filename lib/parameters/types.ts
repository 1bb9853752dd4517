/**
 * Typed `{{name}}` parameters of Lake SQL: what a parameter is, and the values the generator
 * turns into SQL literals. One definition for the workbench, saved queries, alerts and detections.
 */
export const SCALAR_TYPES = ['text', 'number', 'ip', 'arn', 'accessKeyId', 'accountId', 'timestamp', 'oneOf'] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];
export type ParameterType = ScalarType | 'multiSelect' | 'timeRange';

/** What a person types or a URL carries: one text, or several for a multi-select. */
export type RawValue = string | readonly string[];

export interface ParameterSpec {
  /** The placeholder name: `{{name}}`. A time range fills `{{start}}` and `{{end}}` instead. */
  name: string;
  type: ParameterType;
  label?: string;
  description?: string;
  /** Used when no value is given; in the same form as a value. */
  default?: RawValue;
  /** oneOf and multiSelect: the allowed values (a multiSelect without options takes any values of `of`). */
  options?: readonly string[];
  /** multiSelect: the type of each item (text by default). */
  of?: Exclude<ScalarType, 'oneOf'>;
  /** number: inclusive bounds. */
  min?: number;
  max?: number;
}

/** A checked value, ready for the literal generator. */
export type SqlValue =
  { kind: 'string'; text: string } | { kind: 'number'; text: string } | { kind: 'timestamp'; ms: number } | { kind: 'list'; items: SqlValue[] };

export const TYPE_LABELS: Record<ParameterType, string> = {
  text: 'text',
  number: 'number',
  ip: 'IP address',
  arn: 'ARN',
  accessKeyId: 'access key ID',
  accountId: 'account ID',
  timestamp: 'timestamp',
  oneOf: 'one of a list',
  multiSelect: 'list',
  timeRange: 'time range',
};

/** Limits on what a value may hold, so a parameter cannot blow up the statement (the lake's limit is 10,000 characters). */
export const MAX_VALUE_LENGTH = 1000;
export const MAX_LIST_ITEMS = 200;
export const MAX_PARAMETERS = 50;

/** The placeholders a time range parameter fills. */
export const RANGE_START = 'start';
export const RANGE_END = 'end';

/** One problem with one parameter: which, and what is wrong. */
export interface ParameterProblem {
  parameter: string;
  message: string;
}

export class ParameterError extends Error {
  constructor(readonly problems: ParameterProblem[]) {
    super(problems.map((p) => `{{${p.parameter}}}: ${p.message}`).join('; '));
    this.name = 'ParameterError';
  }
}
