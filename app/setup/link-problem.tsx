/** Instead of a form, for a setup, invite or reset link that no longer works: what happened and what to do. */
export function LinkProblem({ heading, message, signIn = true }: { heading: string; message: string; signIn?: boolean }) {
  return (
    <section className="auth-form" aria-labelledby="link-problem-heading">
      <h1 id="link-problem-heading">{heading}</h1>
      <p role="alert" className="auth-error">
        {message}
      </p>
      {signIn && <a href="/login">Go to sign-in</a>}
    </section>
  );
}
