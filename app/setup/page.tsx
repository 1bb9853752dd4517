import { LinkPage } from './link-page';

export const dynamic = 'force-dynamic';

export default function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <LinkPage kind="setup" searchParams={searchParams} />;
}
