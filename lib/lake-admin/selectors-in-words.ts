import type { AdvancedEventSelector } from './store-form';

const VERB: Record<string, string> = {
  Equals: 'is',
  StartsWith: 'starts with',
  EndsWith: 'ends with',
  NotEquals: 'is not',
  NotStartsWith: 'does not start with',
  NotEndsWith: 'does not end with',
};

/** One sentence per advanced event selector, e.g. "Management events where readOnly is true and eventSource is not kms.amazonaws.com". */
export function selectorsInWords(selectors: AdvancedEventSelector[]): string[] {
  return selectors.map((sel) => {
    const category = sel.FieldSelectors.find((f) => f.Field === 'eventCategory')?.Equals?.join(' or ') ?? 'All';
    const conditions = sel.FieldSelectors.filter((f) => f.Field !== 'eventCategory').flatMap((f) =>
      Object.entries(VERB)
        .filter(([op]) => (f as unknown as Record<string, string[] | undefined>)[op]?.length)
        .map(([op, verb]) => `${f.Field} ${verb} ${(f as unknown as Record<string, string[]>)[op].join(' or ')}`),
    );
    const what = `${category} events`;
    return conditions.length ? `${what} where ${conditions.join(' and ')}` : `All ${category} events`;
  });
}
