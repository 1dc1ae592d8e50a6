import type { Db } from './db/types';
import { ping } from './db/client';

/** Whether the database answers; for /healthz and load balancers. */
export async function checkHealth(db: Db): Promise<{ ok: boolean; database: 'up' | 'down' }> {
	try {
		await ping(db);
		return { ok: true, database: 'up' };
	} catch {
		return { ok: false, database: 'down' };
	}
}
