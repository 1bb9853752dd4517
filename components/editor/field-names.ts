import type { Field } from '../../lib/lake/schema';

/**
 * The Lake is case-insensitive and the schema's column names are lower-case; people and the AWS
 * docs write the keys as CloudTrail does (`sourceIPAddress`). Those are the names the sidebar
 * shows and the editor inserts.
 */
export function displayName(field: Pick<Field, 'key'>): string {
  return field.key;
}
