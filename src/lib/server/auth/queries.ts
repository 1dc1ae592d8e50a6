import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { apiToken, rateLimit, user, type ApiTokenRow, type UserRow } from './tables';

export async function selectUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
	const rows = await db.select().from(user).where(eq(user.email, email.toLowerCase())).limit(1);
	return rows[0];
}

export async function selectUserById(db: Db, id: string): Promise<UserRow | undefined> {
	const rows = await db.select().from(user).where(eq(user.id, id)).limit(1);
	return rows[0];
}

export async function selectUsersByIds(db: Db, ids: string[]): Promise<UserRow[]> {
	if (!ids.length) return [];
	return db.select().from(user).where(sql`${user.id} in ${ids}`);
}

export async function updateUserFlags(db: Db, id: string, patch: Partial<Pick<UserRow, 'isDemo' | 'name' | 'emailVerified'>>): Promise<void> {
	await db.update(user).set({ ...patch, updatedAt: new Date() }).where(eq(user.id, id));
}

export async function deleteDemoUsers(db: Db): Promise<number> {
	const rows = await db.delete(user).where(eq(user.isDemo, true)).returning({ id: user.id });
	return rows.length;
}

/**
 * Counts one attempt under `key` in a fixed window and returns the count so far.
 * One statement, so concurrent attempts from several app copies are all counted.
 */
export async function hitRateLimit(db: Db, key: string, windowMs: number, nowMs: number): Promise<number> {
	const rows = await db
		.insert(rateLimit)
		.values({ id: crypto.randomUUID(), key, count: 1, lastRequest: nowMs })
		.onConflictDoUpdate({
			target: rateLimit.key,
			set: {
				count: sql`case when ${rateLimit.lastRequest} < ${nowMs - windowMs} then 1 else ${rateLimit.count} + 1 end`,
				lastRequest: sql`case when ${rateLimit.lastRequest} < ${nowMs - windowMs} then ${nowMs} else ${rateLimit.lastRequest} end`
			}
		})
		.returning({ count: rateLimit.count });
	return rows[0].count;
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
	await db.delete(rateLimit).where(eq(rateLimit.key, key));
}

export async function insertApiToken(db: Db, row: typeof apiToken.$inferInsert): Promise<void> {
	await db.insert(apiToken).values(row);
}

export async function selectActiveTokenByHash(db: Db, hash: string): Promise<ApiTokenRow | undefined> {
	const rows = await db
		.select()
		.from(apiToken)
		.where(and(eq(apiToken.tokenHash, hash), isNull(apiToken.revokedAt)))
		.limit(1);
	return rows[0];
}

export async function touchApiToken(db: Db, id: string, at: Date): Promise<void> {
	await db.update(apiToken).set({ lastUsedAt: at }).where(eq(apiToken.id, id));
}

export async function selectTokensOfUser(db: Db, userId: string): Promise<ApiTokenRow[]> {
	return db.select().from(apiToken).where(eq(apiToken.userId, userId)).orderBy(desc(apiToken.createdAt));
}

export async function revokeTokenOfUser(db: Db, userId: string, id: string, at: Date): Promise<boolean> {
	const rows = await db
		.update(apiToken)
		.set({ revokedAt: at })
		.where(and(eq(apiToken.id, id), eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
		.returning({ id: apiToken.id });
	return rows.length > 0;
}
