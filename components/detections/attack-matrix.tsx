import type { MatrixColumn } from './api';

/** MITRE ATT&CK: tactics as columns, each technique with how many detections cover it and how many are enabled. */
export function AttackMatrix({ columns }: { columns: MatrixColumn[] }) {
  return (
    <section className="acc-panel" aria-labelledby="attack-heading">
      <h2 id="attack-heading">MITRE ATT&amp;CK coverage</h2>
      <div className="det-matrix" role="list" aria-label="ATT&CK tactics">
        {columns.map((c) => (
          <div key={c.id} role="listitem" className="det-tactic" aria-label={c.name}>
            <h3>
              {c.name} <span className="acc-muted">{c.id}</span>
            </h3>
            <ul aria-label={`${c.name} techniques`}>
              {c.techniques.map((t) => (
                <li
                  key={t.id}
                  className={t.enabled ? 'det-enabled' : undefined}
                  aria-label={`${t.id} ${t.name}: ${t.detections} detections, ${t.enabled} enabled`}
                >
                  <a href={t.url} target="_blank" rel="noreferrer">
                    {t.id}
                  </a>{' '}
                  {t.name}
                  <span className="acc-muted">
                    {' '}
                    · {t.detections} detection{t.detections === 1 ? '' : 's'}, {t.enabled} enabled
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
