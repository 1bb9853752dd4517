'use client';

import { RETENTION_DEFAULT, RETENTION_MAX, type BillingMode, type StoreForm } from '@/lib/lake-admin/store-form';

type StepProps = { form: StoreForm; onChange: (f: StoreForm) => void; editing: boolean };

/** Step 1: name, pricing option, retention and termination protection. */
export function NameStep({ form, onChange, editing }: StepProps) {
  const max = RETENTION_MAX[form.billingMode];
  return (
    <>
      <label>
        Event data store name
        <input type="text" value={form.name} maxLength={128} onChange={(e) => onChange({ ...form, name: e.target.value })} aria-describedby="lk-name-help" />
      </label>
      <p id="lk-name-help" className="acc-muted">
        3–128 letters, digits, periods, underscores or hyphens.
      </p>
      <fieldset>
        <legend>Pricing option</legend>
        {(['EXTENDABLE_RETENTION_PRICING', 'FIXED_RETENTION_PRICING'] as BillingMode[]).map((mode) => (
          <label className="acc-check" key={mode}>
            <input
              type="radio"
              name="billing"
              checked={form.billingMode === mode}
              // CloudTrail switches seven-year to one-year extendable only, never back
              disabled={editing && mode === 'FIXED_RETENTION_PRICING' && form.billingMode !== mode}
              onChange={() =>
                onChange({
                  ...form,
                  billingMode: mode,
                  retentionPeriod: editing ? Math.min(form.retentionPeriod, RETENTION_MAX[mode]) : RETENTION_DEFAULT[mode],
                })
              }
            />
            {mode === 'EXTENDABLE_RETENTION_PRICING' ? 'One-year extendable retention pricing' : 'Seven-year retention pricing'}
          </label>
        ))}
        <p className="acc-muted">
          One-year extendable: the first 366 days of retention are included and retention can be extended to 3,653 days (10 years), paying for storage beyond
          the first year; ingestion is priced by event type. Seven-year: up to 2,557 days (7 years) of retention included, ingestion priced by volume.
        </p>
      </fieldset>
      <label>
        Retention period (days)
        <input
          type="number"
          min={7}
          max={max}
          value={Number.isFinite(form.retentionPeriod) ? form.retentionPeriod : ''}
          onChange={(e) => onChange({ ...form, retentionPeriod: e.target.valueAsNumber })}
        />
      </label>
      <p className="acc-muted">Between 7 and {max.toLocaleString('en-US')} days. Events older than the retention period are removed.</p>
      <label className="acc-check">
        <input
          type="checkbox"
          checked={form.terminationProtectionEnabled}
          onChange={(e) => onChange({ ...form, terminationProtectionEnabled: e.target.checked })}
        />
        Enable termination protection
      </label>
      {!editing && (
        <label className="acc-check">
          <input type="checkbox" checked={form.startIngestion} onChange={(e) => onChange({ ...form, startIngestion: e.target.checked })} />
          Ingest events
        </label>
      )}
    </>
  );
}

/** Step 2: this region or all regions, and the organization. */
export function RegionsStep({ form, onChange, region }: StepProps & { region: string }) {
  return (
    <>
      <fieldset>
        <legend>Regions</legend>
        <label className="acc-check">
          <input type="radio" name="regions" checked={form.multiRegionEnabled} onChange={() => onChange({ ...form, multiRegionEnabled: true })} /> Include all
          regions
        </label>
        <label className="acc-check">
          <input type="radio" name="regions" checked={!form.multiRegionEnabled} onChange={() => onChange({ ...form, multiRegionEnabled: false })} /> Include
          only the current region ({region})
        </label>
      </fieldset>
      <label className="acc-check">
        <input type="checkbox" checked={form.organizationEnabled} onChange={(e) => onChange({ ...form, organizationEnabled: e.target.checked })} />
        Enable for all accounts in my organization
      </label>
    </>
  );
}

/** Step 3: tags (CreateEventDataStore only: UpdateEventDataStore does not change tags). */
export function TagsStep({ form, onChange, editing }: StepProps) {
  if (editing) return <p className="acc-muted">Tags are set when a store is created; UpdateEventDataStore does not change them.</p>;
  const set = (i: number, patch: Partial<StoreForm['tags'][number]>) =>
    onChange({ ...form, tags: form.tags.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  return (
    <fieldset>
      <legend>Tags (optional)</legend>
      {form.tags.map((t, i) => (
        <div className="acc-row" key={i} role="group" aria-label={`Tag ${i + 1}`}>
          <label>
            Key
            <input type="text" value={t.key} maxLength={128} onChange={(e) => set(i, { key: e.target.value })} />
          </label>
          <label>
            Value
            <input type="text" value={t.value} maxLength={256} onChange={(e) => set(i, { value: e.target.value })} />
          </label>
          <button type="button" className="acc-button acc-secondary" onClick={() => onChange({ ...form, tags: form.tags.filter((_, j) => j !== i) })}>
            Remove tag {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="acc-button acc-secondary"
        disabled={form.tags.length >= 50}
        onClick={() => onChange({ ...form, tags: [...form.tags, { key: '', value: '' }] })}
      >
        Add tag
      </button>
    </fieldset>
  );
}
