'use client';

import { useState } from 'react';
import type { NewAccessKey } from './api';

/** The key pair just issued, with the secret shown this once, and how to use it with the AWS CLI. */
export function NewKeySecret({ issued, region, endpoint }: { issued: NewAccessKey; region: string; endpoint: string }) {
  const [copied, setCopied] = useState(false);
  const { accessKeyId } = issued.key;
  const example = `AWS_ACCESS_KEY_ID=${accessKeyId} AWS_SECRET_ACCESS_KEY=${issued.secretAccessKey} aws cloudtrail list-event-data-stores --region ${region} --endpoint-url ${endpoint}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.secretAccessKey);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="acc-notice" role="status">
      <p>
        New key <span className="acc-id">{accessKeyId}</span> ({issued.key.name}). Copy the secret now: it is shown only this once and cannot be read again.
      </p>
      <div className="acc-row">
        <label className="acc-grow">
          Access key ID
          <input type="text" readOnly value={accessKeyId} onFocus={(e) => e.target.select()} />
        </label>
        <label className="acc-grow">
          Secret access key
          <input type="text" readOnly value={issued.secretAccessKey} onFocus={(e) => e.target.select()} />
        </label>
        <button type="button" className="acc-button acc-secondary" onClick={() => void copy()}>
          Copy secret access key
        </button>
        {copied && <span>Copied.</span>}
      </div>
      <label className="acc-grow">
        Example
        <textarea readOnly rows={2} value={example} className="acc-sql" onFocus={(e) => e.target.select()} />
      </label>
    </div>
  );
}
