'use client';

import { useClipboard } from '@/components/results/use-clipboard';

/** The exact request the wizard will send, and the same request as an AWS CLI command. */
export function ReviewStep({ operation, request, cliCommand, words }: { operation: string; request: object; cliCommand: string; words: string[] }) {
  const json = JSON.stringify(request, null, 2);
  return (
    <>
      <h3>Events</h3>
      <ul aria-label="Selected events">
        {words.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
      <h3 id="lk-request">{operation} request</h3>
      <pre className="lk-code" aria-labelledby="lk-request" data-testid="request-json">
        {json}
      </pre>
      <CopyButton text={json} label="Copy request" />
      <h3 id="lk-cli">AWS CLI command</h3>
      <pre className="lk-code" aria-labelledby="lk-cli" data-testid="cli-command">
        {cliCommand}
      </pre>
      <CopyButton text={cliCommand} label="Copy AWS CLI command" />
    </>
  );
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const { copy, message } = useClipboard();
  return (
    <p className="acc-row">
      <button type="button" className="acc-button acc-secondary" onClick={() => copy(text, label.replace(/^Copy /, 'the '))}>
        {label}
      </button>
      <span role="status">{message}</span>
    </p>
  );
}
