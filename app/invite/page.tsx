import { LinkPage } from '../setup/link-page';

export const dynamic = 'force-dynamic';

export default function InvitePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <LinkPage kind="invite" searchParams={searchParams} />;
}
