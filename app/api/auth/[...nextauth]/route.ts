import { authRoute } from '@/lib/auth/route-handler';

export const dynamic = 'force-dynamic';

export { authRoute as GET, authRoute as POST };
