import type { Actor } from '$lib/server/auth/actor';
import type { Db } from '$lib/server/db/types';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
			requestId?: string;
		}
		interface Locals {
			db: Db;
			actor: Actor;
			requestId: string;
		}
	}
}

export {};
