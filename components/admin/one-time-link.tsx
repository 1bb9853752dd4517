'use client';

import { useState } from 'react';

/** A one-time link for the admin to hand over (invite or password reset): shown only now, with a copy button. */
export function OneTimeLink({ what, email, url, note }: { what: 'Invite link' | 'Password-reset link'; email: string; url: string; note: string }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="acc-notice" role="status">
      <p>{note}</p>
      <div className="acc-row">
        <label className="acc-grow">
          {what} for {email}
          <input type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
        </label>
        <button type="button" className="acc-button acc-secondary" onClick={() => void copy()}>
          Copy {what.toLowerCase()}
        </button>
        {copied && <span>Copied.</span>}
      </div>
    </div>
  );
}
