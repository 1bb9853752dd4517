import PasswordForm from './password-form';

export default function SetupPage() {
  return (
    <main className="auth-page">
      <PasswordForm kind="setup" />
    </main>
  );
}
