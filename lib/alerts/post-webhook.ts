import http, { STATUS_CODES } from 'node:http';
import https from 'node:https';
import { checkedLookup, literalTargetError, WebhookTargetRefused } from './webhook-target';

/**
 * One POST to a destination. The address is checked (lib/alerts/webhook-target.ts), redirects are
 * not followed (the next hop would not be), and the receiver's reply body is never read: what is
 * kept is the status line from our own table, as the reply could be anything the target serves.
 */
export const TIMEOUT_MS = 10_000;

export interface PostOutcome {
  status?: number;
  error?: string;
  retryAfter?: number;
  permanent?: boolean;
}

export async function postWebhook(url: string, body: string, headers: Record<string, string>): Promise<PostOutcome> {
  const refused = literalTargetError(url);
  if (refused) return { error: `Refused: ${refused}.`, permanent: true };
  try {
    const { status, retryAfter } = await send(url, body, headers);
    if (status >= 200 && status < 300) return { status };
    const line = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
    return { status, error: status >= 300 && status < 400 ? `${line} (redirects are not followed)` : line, retryAfter };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err instanceof WebhookTargetRefused) return { error: `Refused: ${err.message}.`, permanent: true };
    return { error: err.name === 'TimeoutError' || err.name === 'AbortError' ? `no answer within ${TIMEOUT_MS / 1000} s` : err.message };
  }
}

function send(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; retryAfter?: number }> {
  const request = url.startsWith('https:') ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: checkedLookup as never,
        agent: false,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (res) => {
        const retryAfter = Number(res.headers['retry-after']);
        resolve({ status: res.statusCode ?? 0, retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined });
        res.destroy();
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
