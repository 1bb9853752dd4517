/** Opens the built-in lake when the server starts, so credentials print and the demo store is seeded before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getLake } = await import('./lib/lake');
    await getLake();
  }
}
