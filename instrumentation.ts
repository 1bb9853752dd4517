/**
 * Runs once when the server starts: opens the built-in lake (credentials print, the demo store is
 * seeded) and the app database (the first admin is created, or a one-time setup link printed).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServices } = await import('./lib/startup');
    await startServices();
  }
}
