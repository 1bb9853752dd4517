import { LinkPage } from '../setup/link-page';

export const dynamic = 'force-dynamic';

export default function ResetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <LinkPage kind="reset" searchParams={searchParams} />;
}
