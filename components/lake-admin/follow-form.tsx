'use client';

import { useState } from 'react';
import { lakeApi, type FollowStatus } from './api';
import { formatSeconds, formatTime } from './format';
import { ErrorAlert } from '../forms/error-alert';

/** Follow a log directory or S3 prefix (the lake checks it at its interval), or stop following. */
export function FollowForm({ storeId, follow, canChange, onChanged }: { storeId: string; follow?: FollowStatus; canChange: boolean; onChanged: () => void }) {
  const [uri, setUri] = useState(follow?.SourceUri ?? '');
  const [error, setError] = useState('');
  async function set(source: string | null) {
    setError('');
    try {
      await lakeApi.follow(storeId, { SourceUri: source });
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <section className="acc-panel" aria-labelledby="lk-follow">
      <h2 id="lk-follow">Follow a source</h2>
      {follow?.SourceUri ? (
        <p>
          Following <code>{follow.SourceUri}</code>, checked every {formatSeconds(follow.IntervalSeconds)}: {follow.FilesIngested.toLocaleString('en-US')}{' '}
          files, {follow.EventsIngested.toLocaleString('en-US')} events ingested; last check {formatTime(follow.LastCheckTime)}, last file{' '}
          {formatTime(follow.LastIngestTime)}.{follow.LastError && <span className="acc-error"> Last error: {follow.LastError}</span>}
        </p>
      ) : (
        <p className="acc-muted">
          Not following a source. A followed directory (under the server&apos;s import roots) or s3:// prefix is checked for new log files
          {follow?.IntervalSeconds ? ` every ${formatSeconds(follow.IntervalSeconds)}` : ''}.
        </p>
      )}
      {canChange && (
        <form className="acc-row" onSubmit={(e) => (e.preventDefault(), void set(uri.trim()))}>
          <label className="acc-grow">
            Source (file:///dir or s3://bucket/prefix)
            <input type="text" value={uri} maxLength={1024} onChange={(e) => setUri(e.target.value)} />
          </label>
          <button type="submit" className="acc-button" disabled={!uri.trim()}>
            Follow
          </button>
          {follow?.SourceUri && (
            <button type="button" className="acc-button acc-secondary" onClick={() => void set(null)}>
              Stop following
            </button>
          )}
        </form>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}
