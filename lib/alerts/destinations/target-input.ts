import { literalTargetError } from '../webhook-target';
import { DEFAULT_URLS, KEYED_KINDS, type DestinationKind } from './kinds';
import { parseSmtpUrl } from './smtp-url';

/**
 * What is wrong with a destination's URL and key for its kind (undefined when fine). Addresses
 * known without DNS are checked here; host names again at each delivery, after DNS.
 */
export function targetProblem(kind: DestinationKind, url: string, key: string | undefined): { field: 'url' | 'key'; message: string } | undefined {
  if (KEYED_KINDS.has(kind) && !key)
    return { field: 'key', message: kind === 'pagerduty' ? "needs the integration's routing key" : 'needs the Opsgenie API key' };
  if (kind === 'email') {
    const smtp = parseSmtpUrl(url);
    if (typeof smtp === 'string') return { field: 'url', message: smtp };
    const refused = literalTargetError(`http://${smtp.host.includes(':') ? `[${smtp.host}]` : smtp.host}/`);
    return refused ? { field: 'url', message: `is refused: ${refused}` } : undefined;
  }
  if (!url && DEFAULT_URLS[kind]) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { field: 'url', message: 'must be a URL' };
  }
  if (!/^https?:$/.test(u.protocol)) return { field: 'url', message: 'must be an http:// or https:// URL' };
  const refused = literalTargetError(url);
  return refused ? { field: 'url', message: `is refused: ${refused}` } : undefined;
}
