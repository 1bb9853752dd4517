'use client';

import { useMemo } from 'react';
import { describeCell, isScalarColumn, parseJsonContainer, parseTrinoValue } from '@/lib/workbench/cell-value';
import { ENTITY_LABELS, eventEntities, type Entity } from '@/lib/workbench/pivots';
import type { EventDataStore } from '../api/queries';
import { ModalDialog } from './modal-dialog';
import { useEventDetail } from './use-event-detail';

interface EventDrawerProps {
  eventId: string;
  /** The lookup query (SELECT * ... WHERE eventID = ...), from lib/workbench/follow-up-sql. */
  sql: string;
  store: EventDataStore;
  onCopy: (text: string, what: string) => void;
  onOpenQuery: (sql: string) => void;
  /** The grid's pivots (absent when the results have no follow-ups). */
  onPivot?: (entity: Entity) => void;
  onClose: () => void;
}

/** The whole event behind a result row, fetched with a follow-up query, every field pretty-printed. */
export function EventDrawer({ eventId, sql, store, onCopy, onOpenQuery, onPivot, onClose }: EventDrawerProps) {
  const detail = useEventDetail(sql, store);
  const found = detail.state === 'found' ? detail : undefined;
  const fields = useMemo(() => (found ? found.columns.map((name, i) => ({ name, value: found.row[i] ?? '' })).filter((f) => f.value !== '') : []), [found]);
  const parsed = useMemo(
    () =>
      fields.map((f) => ({ name: f.name, value: parseJsonContainer(f.value) ?? (isScalarColumn(f.name) ? undefined : parseTrinoValue(f.value)) ?? f.value })),
    [fields],
  );
  const entities = useMemo(() => eventEntities(parsed), [parsed]);
  const asJson = () => JSON.stringify(Object.fromEntries(parsed.map((f) => [f.name, f.value])), null, 2);

  return (
    <ModalDialog
      className="event-drawer"
      title={`Event ${eventId}`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={() => onOpenQuery(sql)}>
            Open lookup query in a new tab
          </button>
          {found && (
            <button type="button" className="btn" onClick={() => onCopy(asJson(), 'event as JSON')}>
              Copy event as JSON
            </button>
          )}
        </>
      }
    >
      {detail.state === 'loading' && (
        <p role="status" className="muted">
          Loading the event…
        </p>
      )}
      {detail.state === 'missing' && <p role="status">No event with this ID in the query's time window.</p>}
      {detail.state === 'error' && (
        <div role="alert" className="error-alert">
          <strong>{detail.title}</strong>
          <pre className="error-message">{detail.message}</pre>
        </div>
      )}
      {found && onPivot && entities.length > 0 && (
        <section aria-label="Pivots" className="event-pivots">
          <h3>Pivot: this entity's events in the same time window</h3>
          <ul>
            {entities.map((e) => (
              <li key={`${e.kind}:${e.value}`}>
                <button type="button" className="btn btn-small" onClick={() => onPivot(e)}>
                  Pivot on {ENTITY_LABELS[e.kind]} {e.value}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {found && (
        <dl className="event-fields" aria-label="Event fields">
          {fields.map((f) => (
            <div key={f.name} className="event-field">
              <dt>{f.name}</dt>
              <dd>
                <pre>{describeCell(f.value, f.name).text}</pre>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </ModalDialog>
  );
}
