/**
 * Runs once when the server starts: opens the built-in lake (credentials print, the demo store is
 * seeded) and the app database (the first admin is created, or a one-time setup link printed);
 * and records each request's socket address, for sign-in limits.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // The AWS SDK's notice about the Node versions its future releases need is not for this
    // server's user: the SDK is pinned, and Trailbench supports the Node versions its README says.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    // first, so that no request is served without its socket address (lib/http/peer-address.ts)
    (await import('./lib/http/peer-address')).installPeerAddressHook();
    const { startServices } = await import('./lib/startup');
    await startServices();
  }
}
