'use client';

import { useEffect, useState } from 'react';
import { eventTimeWindow } from '@/lib/workbench/lint';
import type { TimeWindow } from '@/lib/workbench/follow-up-sql';
import { describeQuery } from '../api/queries';
import { isAbortError } from '../api/request';

/**
 * The eventTime window of a finished query, read from the SQL the lake ran (relative bounds such
 * as now() evaluated at the time of the run); {} when it had none or the SQL is unavailable.
 */
export function useQueryWindow(queryId: string, ranAt: number | undefined): TimeWindow {
  const [timeWindow, setWindow] = useState<TimeWindow>({});
  useEffect(() => {
    const ctrl = new AbortController();
    describeQuery(queryId, ctrl.signal)
      .then((d) => setWindow(d.queryString ? eventTimeWindow(d.queryString, ranAt ?? Date.now()) : {}))
      .catch((err: unknown) => {
        if (!isAbortError(err)) setWindow({});
      });
    return () => ctrl.abort();
  }, [queryId, ranAt]);
  return timeWindow;
}
