'use client';

import { useCallback, useRef, useState } from 'react';
import { specsForSql, type PickableType } from '@/lib/parameters/infer';
import type { ParameterSpec } from '@/lib/parameters/types';
import { findPlaceholders } from '@/lib/parameters/placeholders';
import type { RunParameters } from '../api/queries';
import type { ParameterInputs } from '../parameters/parameter-form';
import { valuesForRun, valuesFromPageUrl } from '../parameters/page-url';

/** The placeholder names of a statement, to notice when an edit adds or removes one. */
const signature = (sql: string) =>
  findPlaceholders(sql)
    .filter((p) => p.context !== 'comment')
    .map((p) => p.name)
    .join(',');

/**
 * Each tab's `{{name}}` parameters: the values typed and types picked, per tab; the parameters
 * of a statement to run; and the page URL, which carries the values of the last run (`?p.ip=...`).
 */
export function useTabParameters(sqlOf: (tabId: string) => string) {
  const [values, setValues] = useState<Record<string, ParameterInputs>>({});
  const [types, setTypes] = useState<Record<string, Record<string, PickableType>>>({});
  // the editor's text lives outside React state: re-render only when the set of placeholders changes
  const [, setSignatures] = useState<Record<string, string>>({});
  const lastSignature = useRef(new Map<string, string>());

  const onSql = useCallback((tabId: string, sql: string) => {
    const sig = signature(sql);
    if (lastSignature.current.get(tabId) === sig) return;
    lastSignature.current.set(tabId, sig);
    setSignatures((s) => ({ ...s, [tabId]: sig }));
  }, []);

  const specsOf = useCallback((tabId: string, sql = sqlOf(tabId)) => specsForSql(sql, types[tabId] ?? {}), [sqlOf, types]);

  const setValue = useCallback((tabId: string, name: string, value: string) => setValues((v) => ({ ...v, [tabId]: { ...v[tabId], [name]: value } })), []);
  const setType = useCallback((tabId: string, name: string, type: PickableType) => setTypes((t) => ({ ...t, [tabId]: { ...t[tabId], [name]: type } })), []);

  /** A link's values (`?p.name=value`) go to the tab it opens in. */
  const takeFromUrl = useCallback((tabId: string) => {
    const inputs = valuesFromPageUrl();
    if (Object.keys(inputs).length) setValues((v) => ({ ...v, [tabId]: { ...v[tabId], ...inputs } }));
  }, []);

  /** The tab's parameters to save with its query: their types, and the values typed as defaults. */
  const definitionsOf = useCallback(
    (tabId: string): ParameterSpec[] =>
      specsOf(tabId).map((s) => {
        const typed = values[tabId]?.[s.name]?.trim();
        return typed ? { ...s, default: typed } : s;
      }),
    [specsOf, values],
  );

  /** The parameters of a statement about to run (none without placeholders); with `inUrl`, the page URL then carries their values. */
  const forRun = useCallback(
    (tabId: string, sql: string, inUrl = true): RunParameters | undefined => {
      const specs = specsOf(tabId, sql);
      const used = valuesForRun(specs, values[tabId] ?? {}, inUrl);
      return specs.length ? { specs, values: used } : undefined;
    },
    [specsOf, values],
  );

  return { values, specsOf, definitionsOf, onSql, setValue, setType, takeFromUrl, forRun };
}
