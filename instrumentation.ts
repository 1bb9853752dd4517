/**
 * Runs once when the server starts: opens the built-in lake (credentials print, the demo store is
 * seeded) and the app database (the first admin is created, or a one-time setup link printed);
 * and records each request's socket address, for sign-in limits.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // first, so that no request is served without its socket address (lib/http/peer-address.ts)
    (await import('./lib/http/peer-address')).installPeerAddressHook();
    const { startServices } = await import('./lib/startup');
    await startServices();
  }
}
