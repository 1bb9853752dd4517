import PasswordForm from '../setup/password-form';

export default function InvitePage() {
  return (
    <main className="auth-page">
      <PasswordForm kind="invite" />
    </main>
  );
}
