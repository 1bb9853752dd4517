'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../api/accounts';
import { SubmitButton } from '../forms/submit-button';
import { accessKeysApi, type AccessKey, type NewAccessKey } from './api';
import { KeysTable } from './keys-table';
import { NewKeySecret } from './new-key-secret';
import { ErrorAlert } from '../forms/error-alert';

const ROLE_RIGHTS: Record<Me['role'], string> = {
  viewer: 'As a viewer, your keys may only list and read event data stores (ListEventDataStores, GetEventDataStore); they run no queries.',
  analyst:
    'As an analyst, your keys may run queries (StartQuery, DescribeQuery, GetQueryResults, CancelQuery, ListQueries) and read event data stores; they cannot manage stores or imports.',
  admin: 'As an admin, your keys may call every operation, including managing stores, imports and ingestion.',
};

/**
 * A user's keys for the lake's CloudTrail API (`/lake`): create, rotate, revoke; the secret of a
 * new key is shown once. Admins also see everyone's keys with their last use, and can revoke them.
 */
export function AccessKeysPanel({ me }: { me: Me }) {
  const [mine, setMine] = useState<AccessKey[] | null>(null);
  const [everyone, setEveryone] = useState<AccessKey[] | null>(null);
  const [region, setRegion] = useState('');
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<NewAccessKey | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const own = await accessKeysApi.list();
    setMine(own.keys);
    setRegion(own.region);
    if (me.role === 'admin') setEveryone((await accessKeysApi.list(true)).keys);
  }, [me.role]);

  useEffect(() => {
    load().catch((e: unknown) => setError((e as Error).message));
  }, [load]);

  async function act(what: () => Promise<string | NewAccessKey>) {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      const out = await what();
      if (typeof out === 'string') setNotice(out);
      else setIssued(out);
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function create(e: React.FormEvent) {
    e.preventDefault();
    void act(async () => {
      const out = await accessKeysApi.create(name.trim());
      setName('');
      return out;
    });
  }

  const rotate = (k: AccessKey) => void act(() => accessKeysApi.rotate(k.accessKeyId));
  const revoke = (k: AccessKey) => {
    if (!window.confirm(`Revoke access key ${k.accessKeyId} (${k.name}, ${k.ownerEmail})? Requests signed with it fail from now on.`)) return;
    void act(async () => `Access key ${(await accessKeysApi.revoke(k.accessKeyId)).accessKeyId} is revoked.`);
  };

  const endpoint = typeof window === 'undefined' ? '/lake' : `${window.location.origin}/lake`;
  return (
    <>
      <section className="acc-panel" aria-labelledby="new-key-heading">
        <h2 id="new-key-heading">New access key</h2>
        <p className="acc-muted">
          Sign requests to the lake&apos;s CloudTrail endpoint ({endpoint}, region {region || '…'}) with the AWS CLI, boto3 or an AWS SDK.{' '}
          {ROLE_RIGHTS[me.role]}
        </p>
        <form className="acc-row" onSubmit={create} aria-label="Create an access key">
          <label>
            Key name
            <input type="text" required maxLength={100} value={name} placeholder="e.g. laptop CLI" onChange={(e) => setName(e.target.value)} />
          </label>
          <SubmitButton className="acc-button" disabled={busy}>
            Create access key
          </SubmitButton>
        </form>
        {issued && <NewKeySecret issued={issued} region={region} endpoint={endpoint} />}
      </section>
      <ErrorAlert message={error} />
      {notice && <p role="status">{notice}</p>}
      <section className="acc-panel" aria-labelledby="my-keys-heading">
        <h2 id="my-keys-heading">Your access keys</h2>
        {mine && <KeysTable keys={mine} label="Your access keys" onRotate={rotate} onRevoke={revoke} />}
      </section>
      {everyone && (
        <section className="acc-panel" aria-labelledby="all-keys-heading">
          <h2 id="all-keys-heading">Everyone&apos;s access keys</h2>
          <KeysTable keys={everyone} label="Everyone's access keys" showOwner onRevoke={revoke} />
        </section>
      )}
    </>
  );
}
