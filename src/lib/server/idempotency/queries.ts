import { eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import { requestKey, type RequestKeyRow } from './tables';

/** Claims a key; false when it was already claimed (waits for a concurrent claim to commit). */
export async function claimRequestKey(db: Db, row: { key: string; scope: string; userId: string | null }): Promise<boolean> {
	const inserted = await db.insert(requestKey).values(row).onConflictDoNothing().returning({ key: requestKey.key });
	return inserted.length > 0;
}

export async function setRequestResult(db: Db, key: string, resultId: string): Promise<void> {
	await db.update(requestKey).set({ resultId }).where(eq(requestKey.key, key));
}

export async function selectRequestKey(db: Db, key: string): Promise<RequestKeyRow | undefined> {
	const rows = await db.select().from(requestKey).where(eq(requestKey.key, key)).limit(1);
	return rows[0];
}
