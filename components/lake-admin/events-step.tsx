'use client';

import { DATA_RESOURCE_TYPES, newDataEvents, type DataEventSelection, type DataTemplate, type StoreForm } from '@/lib/lake-admin/store-form';
import { Options } from '@/components/forms/options';
import { ConditionEditor } from './condition-editor';

const TEMPLATES: { value: DataTemplate; label: string }[] = [
  { value: 'all', label: 'Log all events' },
  { value: 'readOnly', label: 'Log readOnly events' },
  { value: 'writeOnly', label: 'Log writeOnly events' },
  { value: 'advanced', label: 'Custom (advanced event selectors)' },
];

/** Choose events: management events (read/write, exclusions) and data events by resource type. */
export function EventsStep({ form, onChange, shapeLocked }: { form: StoreForm; onChange: (f: StoreForm) => void; shapeLocked: boolean }) {
  const m = form.management;
  const setM = (patch: Partial<StoreForm['management']>) => onChange({ ...form, management: { ...m, ...patch } });
  const setData = (i: number, patch: Partial<DataEventSelection>) =>
    onChange({ ...form, dataEvents: form.dataEvents.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  return (
    <>
      {form.otherSelectors.length > 0 && (
        <p className="acc-notice">
          This store also has {form.otherSelectors.length} selector(s) the form cannot show as management or data events; they are kept as they are.
        </p>
      )}
      <fieldset>
        <legend>Management events</legend>
        <label className="acc-check">
          <input
            type="checkbox"
            checked={m.enabled}
            onChange={(e) => setM({ enabled: e.target.checked })}
            disabled={shapeLocked && form.otherSelectors.length > 0}
          />
          Management events
        </label>
        {m.enabled && (
          <div className="lk-indent">
            <label className="acc-check">
              <input type="checkbox" checked={m.read} onChange={(e) => setM({ read: e.target.checked })} /> Read
            </label>
            <label className="acc-check">
              <input type="checkbox" checked={m.write} onChange={(e) => setM({ write: e.target.checked })} /> Write
            </label>
            <label className="acc-check">
              <input type="checkbox" checked={m.excludeKms} onChange={(e) => setM({ excludeKms: e.target.checked })} /> Exclude AWS KMS events
            </label>
            <label className="acc-check">
              <input type="checkbox" checked={m.excludeRdsData} onChange={(e) => setM({ excludeRdsData: e.target.checked })} /> Exclude Amazon RDS Data API
              events
            </label>
            {!m.read && !m.write && (
              <p role="alert" className="acc-error">
                Choose Read, Write or both.
              </p>
            )}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>Data events</legend>
        {form.dataEvents.map((d, i) => (
          <div className="acc-panel" key={i} role="group" aria-label={`Data event selector ${i + 1}`}>
            <div className="acc-row">
              <label>
                Resource type
                <input
                  type="text"
                  list="lk-resource-types"
                  value={d.resourceType}
                  maxLength={128}
                  onChange={(e) => setData(i, { resourceType: e.target.value })}
                />
              </label>
              <label>
                Log selector template
                <select value={d.template} onChange={(e) => setData(i, { template: e.target.value as DataTemplate })}>
                  <Options items={TEMPLATES} />
                </select>
              </label>
              <label className="acc-grow">
                Selector name (optional)
                <input type="text" value={d.name} maxLength={1000} onChange={(e) => setData(i, { name: e.target.value })} />
              </label>
              <button
                type="button"
                className="acc-button acc-danger"
                onClick={() => onChange({ ...form, dataEvents: form.dataEvents.filter((_, j) => j !== i) })}
              >
                Remove data event selector {i + 1}
              </button>
            </div>
            {d.template === 'advanced' && (
              <ConditionEditor
                label={`Advanced event selector conditions for ${d.resourceType}`}
                rows={d.conditions}
                onChange={(conditions) => setData(i, { conditions })}
              />
            )}
          </div>
        ))}
        <datalist id="lk-resource-types">
          {DATA_RESOURCE_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="button" className="acc-button acc-secondary" onClick={() => onChange({ ...form, dataEvents: [...form.dataEvents, newDataEvents()] })}>
          Add data event type
        </button>
      </fieldset>
    </>
  );
}
