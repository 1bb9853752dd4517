import { NextResponse } from 'next/server';
import { getLake } from '@/lib/built-in-lake';

export const dynamic = 'force-dynamic';

/** Ready once the lake is open (and the demo store seeded on first start). */
export async function GET() {
  const lake = await getLake();
  return NextResponse.json({ ok: true, stores: lake.stores.list().length });
}
