/** What went wrong with a form or a panel's last request, announced to screen readers; nothing when all is well. */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="acc-error">
      {message}
    </p>
  );
}
