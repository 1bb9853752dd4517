import { Workbench } from '@/components/workbench/workbench';

export default function WorkbenchPage() {
  return <Workbench />;
}
