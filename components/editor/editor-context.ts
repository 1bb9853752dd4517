import type { TableShape } from '../../lib/lake/schema';
import type { LintStore } from '../../lib/workbench/lint';

/**
 * What the editor's language features know about the workbench: the stores (for FROM
 * completion), the picked store (for lint markers), its table shape and the map keys sampled
 * from it. Passed to the editor as a prop; the Monaco providers, registered once per page, read
 * the latest copy from `currentEditorContext`.
 */
export interface EditorContext {
  stores: { id: string; name: string }[];
  store?: LintStore;
  shape: TableShape;
  /** Lower-case map field name → keys seen in the picked store. */
  sampledMapKeys: Record<string, string[]>;
  /** Lower-case column path (`eventname`, `useridentity.type`) → its frequent values in the picked store. */
  sampledValues: Record<string, string[]>;
}

export const EMPTY_EDITOR_CONTEXT: EditorContext = { stores: [], shape: 'cloudtrail', sampledMapKeys: {}, sampledValues: {} };

let current: EditorContext = EMPTY_EDITOR_CONTEXT;

export function setEditorContext(ctx: EditorContext): void {
  current = ctx;
}

export function currentEditorContext(): EditorContext {
  return current;
}
