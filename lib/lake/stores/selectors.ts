import { LakeError } from '../errors';
import { shapeForCategories, type TableShape } from '../schema';
import { categoriesOf, type AdvancedEventSelector } from '../storage/store-registry';

/** Fields an advanced event selector may test (CloudTrail Lake's list for event data stores). */
const FIELDS = new Set([
  'eventCategory',
  'eventSource',
  'eventName',
  'eventType',
  'readOnly',
  'resources.type',
  'resources.ARN',
  'sessionCredentialFromConsole',
  'userIdentity.arn',
  'errorCode',
  'vpcEndpointId',
  'eventTypeName',
]);
const OPERATORS = ['Equals', 'StartsWith', 'EndsWith', 'NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;
const CATEGORIES = new Set(['Management', 'Data', 'NetworkActivity', 'Insight', 'ConfigurationItem', 'Evidence', 'ActivityAuditLog']);

const invalid = (message: string) => new LakeError('InvalidEventSelectorsException', message);

/** Checks selectors as CloudTrail does and returns the table shape they imply. */
export function validateSelectors(selectors: AdvancedEventSelector[]): TableShape {
  if (selectors.length === 0 || selectors.length > 5) throw invalid('An event data store takes 1 to 5 advanced event selectors.');
  let values = 0;
  for (const [i, sel] of selectors.entries()) {
    if (!sel.FieldSelectors?.length) throw invalid(`Selector ${i + 1} has no field selectors.`);
    if (!sel.FieldSelectors.some((f) => f.Field === 'eventCategory')) throw invalid(`Selector ${i + 1} must have an eventCategory field selector.`);
    for (const f of sel.FieldSelectors) {
      if (!FIELDS.has(f.Field)) throw invalid(`Selector ${i + 1}: field ${f.Field} is not supported; use one of ${[...FIELDS].join(', ')}.`);
      const ops = OPERATORS.filter((op) => f[op] !== undefined);
      if (!ops.length) throw invalid(`Selector ${i + 1}: field ${f.Field} has no condition (Equals, StartsWith, ...).`);
      for (const op of ops) {
        const list = f[op]!;
        if (!Array.isArray(list) || !list.length || list.some((v) => typeof v !== 'string' || !v.length || v.length > 2048)) {
          throw invalid(`Selector ${i + 1}: ${f.Field} ${op} needs 1 or more values of 1-2048 characters.`);
        }
        values += list.length;
      }
      if (f.Field === 'eventCategory') {
        const bad = (f.Equals ?? []).find((c) => !CATEGORIES.has(c));
        if (bad || !f.Equals) throw invalid(`Selector ${i + 1}: eventCategory takes Equals with ${[...CATEGORIES].join(', ')}${bad ? `, not ${bad}` : ''}.`);
      }
    }
  }
  if (values > 500) throw invalid('Advanced event selectors may hold at most 500 condition values in total.');
  const categories = categoriesOf(selectors);
  const shapes = new Set(categories.map((c) => shapeForCategories([c])));
  if (shapes.size > 1) throw invalid(`An event data store holds one kind of event; ${categories.join(', ')} cannot be mixed.`);
  return shapeForCategories(categories);
}
