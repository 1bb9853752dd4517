import type { ParameterSpec } from '../parameters/types';
import type { TacticId, TechniqueId } from './mitre';

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** Events a detection reads: one service's API calls of one category (data events need a data-event selector). */
export interface EventNeed {
  source: string;
  names: readonly string[];
  category: 'Management' | 'Data';
  /** Data events: the resource type a selector must record (`AWS::S3::Object`). */
  resourceType?: string;
}

/**
 * One CloudTrail threat detection: a Lake SQL query over `$EDS_ID` with `{{start}}`/`{{end}}` (its
 * time range) and typed parameters, and what a person needs to act on a row it returns.
 */
export interface Detection {
  /** kebab-case, stable: alert rules and docs refer to it. */
  id: string;
  title: string;
  /** The threat: what an adversary does and why it matters. */
  description: string;
  falsePositives: string;
  severity: Severity;
  tactics: readonly TacticId[];
  techniques: readonly TechniqueId[];
  events: readonly EventNeed[];
  /** First step of triage for a row it returns. */
  runbook: string;
  parameters: readonly ParameterSpec[];
  sql: string;
}
