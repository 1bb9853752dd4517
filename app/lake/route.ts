import { getLake } from '@/lib/built-in-lake';
import { getDb } from '@/lib/db';
import { handleLakeRequest } from '@/lib/lake/api/handler';
import { incomingRequest } from '@/lib/lake/api/http-request';
import { appLakeAccess } from '@/lib/lake-access/lake-access';

/** The built-in lake's CloudTrail endpoint (AWS JSON 1.1 + SigV4) for any AWS client, with the server's key or a user's. */
export const dynamic = 'force-dynamic';

async function handle(req: Request): Promise<Response> {
  const lake = await getLake();
  const res = await handleLakeRequest(lake, incomingRequest(req), appLakeAccess(lake, await getDb()));
  return new Response(res.body, { status: res.status, headers: res.headers });
}

export { handle as POST, handle as GET };
