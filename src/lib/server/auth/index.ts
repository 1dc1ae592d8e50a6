import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../db/types';
import { settings } from '../core/env';
import { account, rateLimit, session, user, verification } from './tables';

export const SESSION_COOKIE = 'better-auth.session_token';
/** Sessions last 30 days and are refreshed daily while used. */
const SESSION_SECONDS = 60 * 60 * 24 * 30;
/** Reset and invitation links: one hour for a reset, seven days for an invitation (set per token). */
export const RESET_TOKEN_SECONDS = 60 * 60;
/** How long the link that confirms an e-mail address stays good: a week, for mail read late. */
export const VERIFY_EMAIL_TOKEN_SECONDS = 7 * 24 * 60 * 60;
export const INVITE_TOKEN_SECONDS = 60 * 60 * 24 * 7;

let extraPlugins: BetterAuthPlugin[] = [];
let secret: string | undefined;
const instances = new WeakMap<Db, ReturnType<typeof build>>();

/** The app registers the SvelteKit cookie plugin (it must come last) and its secret before the first request. */
export function configureAuth(options: { plugins: BetterAuthPlugin[]; secret: string }): void {
	extraPlugins = options.plugins;
	secret = options.secret;
}

function build(db: Db) {
	return betterAuth({
		appName: 'LearnWeek',
		baseURL: settings().ORIGIN,
		secret: secret ?? settings().AUTH_SECRET ?? 'learnweek-test-secret-not-for-production-use!!',
		database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification, rateLimit } }),
		user: { additionalFields: { isDemo: { type: 'boolean', defaultValue: false, input: false } } },
		session: { expiresIn: SESSION_SECONDS, updateAge: 60 * 60 * 24 },
		emailAndPassword: {
			enabled: true,
			autoSignIn: false,
			minPasswordLength: 8,
			maxPasswordLength: 128,
			resetPasswordTokenExpiresIn: RESET_TOKEN_SECONDS,
			revokeSessionsOnPasswordReset: true,
			// Mail is written by accounts service (it knows the language and the link); see requestPasswordReset.
			sendResetPassword: async () => {}
		},
		// Sign-in attempts are limited by accounts service for form posts too; these guard /api/auth/*.
		rateLimit: { enabled: true, storage: 'database', window: 60, max: 100 },
		advanced: { database: { generateId: () => crypto.randomUUID() } },
		plugins: [...extraPlugins]
	});
}

export type Auth = ReturnType<typeof build>;

/** The better-auth instance over `db`, built on first use (after migrations ran). */
export function getAuth(db: Db): Auth {
	let auth = instances.get(db);
	if (!auth) {
		auth = build(db);
		instances.set(db, auth);
	}
	return auth;
}
