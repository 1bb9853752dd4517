/**
 * A CloudTrail request as the AWS CLI v2 command that sends it: each input member becomes its
 * kebab-case option (booleans as `--x` / `--no-x`, lists and structures as JSON), quoted for a
 * POSIX shell. `endpointUrl` is the lake's `/lake` URL (omitted for AWS itself).
 */
export function awsCliCommand(operation: string, input: Record<string, unknown>, opts: { region: string; endpointUrl?: string }): string {
  const parts = ['aws', 'cloudtrail', kebab(operation)];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const option = `--${kebab(key)}`;
    if (typeof value === 'boolean') parts.push(value ? option : `--no-${kebab(key)}`);
    else parts.push(option, shellQuote(typeof value === 'object' ? JSON.stringify(value) : String(value)));
  }
  if (opts.endpointUrl) parts.push('--endpoint-url', shellQuote(opts.endpointUrl));
  parts.push('--region', shellQuote(opts.region));
  return parts.join(' ');
}

/** CreateEventDataStore → create-event-data-store, TagsList → tags-list. */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
