'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { awsCliCommand } from '@/lib/lake-admin/cli-command';
import { selectorsInWords } from '@/lib/lake-admin/selectors-in-words';
import { createRequest, emptyForm, formOf, RETENTION_MAX, selectorsOf, updateRequest, type StoreForm } from '@/lib/lake-admin/store-form';
import { lakeApi, listConnections, type StoreDescription } from './api';
import { EventsStep } from './events-step';
import { ReviewStep } from './review-step';
import { NameStep, RegionsStep, TagsStep } from './settings-steps';
import { currentTarget, withTarget } from './lake-target';
import { ErrorAlert } from '../forms/error-alert';

const STEPS = ['Name and retention', 'Regions and organization', 'Tags', 'Choose events', 'Review and create'];
const NAME = /^[a-zA-Z0-9._-]{3,128}$/;

/**
 * The create-store wizard, in the seed's order: name and retention, regions and organization,
 * tags, events, review. Given a store, the same steps edit it (UpdateEventDataStore).
 */
export function StoreWizard({ existing }: { existing?: StoreDescription }) {
  const router = useRouter();
  const before = useMemo(() => (existing ? formOf(existing) : undefined), [existing]);
  const [form, setFormState] = useState<StoreForm>(() => before ?? emptyForm());
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { region, endpointUrl } = useCliTarget();
  // a change answers the last problem: it is checked again on Next
  const setForm = (f: StoreForm) => {
    setFormState(f);
    setError(null);
  };

  const editing = !!existing;
  const operation = editing ? 'UpdateEventDataStore' : 'CreateEventDataStore';
  const req = editing ? updateRequest(existing.EventDataStoreArn, before!, form) : createRequest(form);
  const cli = awsCliCommand(operation, req, { region, endpointUrl });
  const steps = editing ? [...STEPS.slice(0, 4), 'Review and save'] : STEPS;

  async function problemOf(i: number): Promise<string | null> {
    if (i === 0) {
      if (!NAME.test(form.name.trim())) return 'The name must be 3–128 letters, digits, periods, underscores or hyphens.';
      const max = RETENTION_MAX[form.billingMode];
      if (!Number.isInteger(form.retentionPeriod) || form.retentionPeriod < 7 || form.retentionPeriod > max)
        return `The retention period must be a whole number of days from 7 to ${max}.`;
    }
    if (i === 3) {
      if (form.management.enabled && !form.management.read && !form.management.write) return 'Management events: choose Read, Write or both.';
      const selectors = selectorsOf(form);
      if (!selectors.length) return 'Choose management events, data events or both.';
      try {
        await lakeApi.checkSelectors(selectors);
      } catch (e) {
        return (e as Error).message;
      }
    }
    return null;
  }

  async function next() {
    setBusy(true);
    const problem = await problemOf(step);
    setBusy(false);
    setError(problem);
    if (!problem) setStep(step + 1);
  }

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const id = editing ? existing.EventDataStoreArn.split('/').pop()! : (await lakeApi.create(req)).EventDataStoreArn.split('/').pop()!;
      if (editing) await lakeApi.update(id, req);
      router.push(withTarget(`/stores/${id}`));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <div className="lk-wizard">
      <ol className="lk-steps" aria-label="Steps">
        {steps.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined}>
            Step {i + 1}: {s}
          </li>
        ))}
      </ol>
      <form className="acc-form" aria-label={steps[step]} onSubmit={(e) => e.preventDefault()}>
        <h2>{steps[step]}</h2>
        {step === 0 && <NameStep form={form} onChange={setForm} editing={editing} />}
        {step === 1 && <RegionsStep form={form} onChange={setForm} editing={editing} region={region} />}
        {step === 2 && <TagsStep form={form} onChange={setForm} editing={editing} />}
        {step === 3 && <EventsStep form={form} onChange={setForm} shapeLocked={editing} />}
        {step === 4 && <ReviewStep operation={operation} request={req} cliCommand={cli} words={selectorsInWords(selectorsOf(form))} />}
        <ErrorAlert message={error} />
        <div className="acc-row">
          {step > 0 && (
            <button type="button" className="acc-button acc-secondary" onClick={() => setStep(step - 1)} disabled={busy}>
              Previous
            </button>
          )}
          {step < 4 ? (
            <button type="button" className="acc-button" onClick={next} disabled={busy}>
              Next
            </button>
          ) : (
            <button type="button" className="acc-button" onClick={submit} disabled={busy || (editing && Object.keys(req).length < 2)}>
              {editing ? 'Save changes' : 'Create event data store'}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

/**
 * Where the CLI command goes: the built-in lake's `/lake` and region, or a connection's region
 * (AWS's own endpoint: no --endpoint-url). Also the region of the "current region" choice.
 */
function useCliTarget(): { region: string; endpointUrl?: string } {
  const [target, setTarget] = useState<{ region: string; endpointUrl?: string }>({ region: 'us-east-1' });
  useEffect(() => {
    const t = currentTarget();
    const builtin = !t.connectionId || t.connectionId === 'builtin';
    listConnections()
      .then((list) => {
        const c = list.find((x) => x.id === (t.connectionId ?? 'builtin'));
        setTarget({ region: t.region ?? c?.regions[0] ?? 'us-east-1', endpointUrl: builtin ? `${window.location.origin}/lake` : undefined });
      })
      .catch(() => undefined);
  }, []);
  return target;
}
