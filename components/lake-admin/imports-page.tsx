'use client';

import { useCallback, useState } from 'react';
import { ImportForm } from './import-form';
import { ImportStatus } from './import-status';
import { ImportsTable } from './imports-table';

/** Imports: start one (admins), follow the opened ones live, and every past import. */
export function ImportsPage({ isAdmin, preselect, opened }: { isAdmin: boolean; preselect?: string; opened?: string }) {
  const [open, setOpen] = useState<string[]>(opened ? [opened] : []);
  const [refresh, setRefresh] = useState(0);
  const changed = useCallback(() => setRefresh((n) => n + 1), []);
  return (
    <>
      {isAdmin && <ImportForm preselect={preselect} onStarted={(ids) => (setOpen(ids), changed())} />}
      {open.map((id) => (
        <ImportStatus key={id} importId={id} canStop={isAdmin} onChanged={changed} />
      ))}
      <section className="acc-panel" aria-labelledby="lk-past">
        <h2 id="lk-past">Past imports</h2>
        <ImportsTable refreshKey={refresh} onOpen={(id) => setOpen([id])} />
      </section>
    </>
  );
}
