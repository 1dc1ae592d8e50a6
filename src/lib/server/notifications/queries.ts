import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import { mailMessage, type MailMessageRow } from './tables';

export async function insertMail(db: Db, row: typeof mailMessage.$inferInsert): Promise<void> {
	await db.insert(mailMessage).values(row);
}

export async function markMail(db: Db, id: string, patch: { sentAt?: Date; error?: string }): Promise<void> {
	await db.update(mailMessage).set(patch).where(eq(mailMessage.id, id));
}

export async function selectMail(db: Db, limit: number): Promise<MailMessageRow[]> {
	return db.select().from(mailMessage).orderBy(desc(mailMessage.createdAt)).limit(limit);
}

export async function selectMailById(db: Db, id: string): Promise<MailMessageRow | undefined> {
	const rows = await db.select().from(mailMessage).where(eq(mailMessage.id, id)).limit(1);
	return rows[0];
}
