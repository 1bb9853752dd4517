import { ApiError } from './errors';
import { headerGetter, viaTrustedProxy } from './client-address';

/**
 * State-changing requests must come from this site's own pages: their Origin must name the host
 * the request was sent to, which with SameSite cookies stops cross-site request forgery. The host
 * is the Host header; X-Forwarded-Host only when a trusted proxy sent the request (anyone else
 * could set it to match their own Origin). A missing, `null` or unparsable Origin is refused.
 */
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function requireSameOrigin(req: Request): void {
  if (!MUTATING.has(req.method)) return;
  const header = headerGetter(req.headers);
  const forwarded = viaTrustedProxy(header) ? header('x-forwarded-host')?.split(',')[0].trim() : undefined;
  const host = forwarded || header('host');
  const origin = originHost(header('origin'));
  if (!origin || !host || origin !== host.toLowerCase()) {
    throw new ApiError('CsrfRejected', "State-changing requests must come from Trailbench's own pages (Origin header missing, malformed or foreign).", 403);
  }
}

function originHost(origin: string | null | undefined): string | undefined {
  if (!origin || origin === 'null' || !URL.canParse(origin)) return undefined;
  const u = new URL(origin);
  return /^https?:$/.test(u.protocol) ? u.host : undefined;
}
