import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, RequestEvent, ResolveOptions, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { getRequestEvent } from '$app/server';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { settings, StartupError } from '$lib/server/core/env';
import { applyLogLevel, logger } from '$lib/server/core/logger';
import { newSecret } from '$lib/server/core/ids';
import { translate, apiError, apiLocale } from '$lib/server/core/http';
import { AppError } from '$lib/server/core/errors';
import { isNewDataDir, openDatabase, type Database } from '$lib/server/db/client';
import { applyMigrations } from '$lib/server/db/migrate';
import { configureAuth, SESSION_COOKIE } from '$lib/server/auth';
import { anonymousActor } from '$lib/server/auth/actor';
import { actorFromApiToken, actorFromSession, removeDemoAccounts } from '$lib/server/auth/service';
import { seedDemo } from '$lib/server/demo';
import { startJobWorker } from '$lib/server/jobs/service';
import { taskJobHandlers } from '$lib/server/tasks/service';
import { activityJobHandlers } from '$lib/server/activities/service';
import { communityJobHandlers } from '$lib/server/community/service';
import { newsJobHandlers } from '$lib/server/news/service';

let database: Database | undefined;
let inFlight = 0;

/** PGlite installs keep a generated secret in their data folder; servers must be given one. */
function authSecret(): string {
	const s = settings();
	if (s.AUTH_SECRET) return s.AUTH_SECRET;
	if (s.DATABASE_URL) {
		throw new StartupError('LearnWeek cannot start: AUTH_SECRET must be set (at least 32 characters) when DATABASE_URL is set. See README.md.');
	}
	const file = join(resolve(s.DATA_DIR), 'auth-secret');
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	const secret = newSecret(48);
	writeFileSync(file, secret, { mode: 0o600 });
	return secret;
}

export const init: ServerInit = async () => {
	try {
		await start();
	} catch (e) {
		if (!(e instanceof StartupError)) throw e;
		console.error(`\n${e.message}\n`);
		process.exit(1);
	}
};

async function start(): Promise<void> {
	const s = settings();
	process.env.TZ = 'Asia/Ho_Chi_Minh';
	applyLogLevel();
	const fresh = !s.DATABASE_URL && isNewDataDir(s.DATA_DIR);
	const opened = (database = await openDatabase({ url: s.DATABASE_URL, dataDir: s.DATA_DIR }));
	configureAuth({ secret: authSecret(), plugins: [sveltekitCookies(getRequestEvent)] });
	// DEMO unset: the demo fills a new PGlite folder (the `npm start` of a newcomer); never a server.
	const demo = s.DEMO ?? fresh;
	// Copies of the app started together (WEB_CONCURRENCY, a load balancer's pool) take turns here.
	await opened.exclusive(async () => {
		await applyMigrations(opened, s.MIGRATIONS_DIR);
		if (demo) await seedDemo(opened.db);
		else await removeDemoAccounts(opened.db);
	});
	logger.info({ engine: database.engine, demo, dataDir: s.DATABASE_URL ? undefined : resolve(s.DATA_DIR) }, 'LearnWeek ready');
	const worker = startJobWorker(database.db, { handlers: { ...taskJobHandlers, ...activityJobHandlers, ...newsJobHandlers, ...communityJobHandlers }, pollMs: s.JOBS_POLL_MS });

	process.once('sveltekit:shutdown', async (reason) => {
		const deadline = Date.now() + s.SHUTDOWN_TIMEOUT_SECONDS * 1000;
		while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
		logger.info({ reason, inFlight }, 'shutting down');
		await worker.stop();
		await database?.close();
		process.exit(0);
	});
}

/**
 * One handle, not `sequence(context, i18n, actor)`: each sequenced handle costs a tracing span and an
 * AsyncLocalStorage run per request, a few percent of the quiz answer path (bench/quiz.ts).
 * In order: the request's id, database and in-flight count; the locale (pages only: the JSON API
 * speaks one language per request header and skips the middleware, STACK-NOTES §11); the actor.
 */
const handleRequest: Handle = async ({ event, resolve }) => {
	const requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
	event.locals.requestId = requestId;
	event.locals.actor = { ...anonymousActor, requestId };
	if (!database) throw new Error('database not open');
	event.locals.db = database.db;
	inFlight++;
	const started = performance.now();
	try {
		const response = event.url.pathname.startsWith('/api/')
			? await resolveAsActor(event, resolve)
			: await paraglideMiddleware(event.request, ({ request, locale }) => {
					event.request = request;
					return resolveAsActor(event, resolve, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
				});
		response.headers.set('x-request-id', requestId);
		logger.info({ requestId, method: event.request.method, path: event.url.pathname, status: response.status, ms: Math.round(performance.now() - started) }, 'request');
		return response;
	} finally {
		inFlight--;
	}
};

/** Resolves the request as the actor its API token or session cookie names (anonymous otherwise). */
async function resolveAsActor(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve'], options?: ResolveOptions): Promise<Response> {
	const { db, requestId } = event.locals;
	const bearer = event.request.headers.get('authorization');
	if (event.url.pathname.startsWith('/api/') && bearer?.toLowerCase().startsWith('bearer ')) {
		try {
			event.locals.actor = await actorFromApiToken(db, bearer.slice(7).trim(), requestId);
		} catch (e) {
			return apiError(e, apiLocale(event.request));
		}
	} else if (event.cookies.get(SESSION_COOKIE) || event.cookies.get(`__Secure-${SESSION_COOKIE}`)) {
		event.locals.actor = (await actorFromSession(db, event.request.headers, requestId)) ?? event.locals.actor;
	}
	return resolve(event, options);
}

export const handle: Handle = building ? ({ event, resolve }) => resolve(event) : handleRequest;

export const handleError: HandleServerError = ({ error, event, status }) => {
	const requestId = event.locals.requestId;
	if (status === 404) return { message: translate('errors_not_found'), code: 'NOT_FOUND', requestId };
	if (error instanceof AppError) return { message: translate(`errors_${error.code.toLowerCase()}`), code: error.code, requestId };
	logger.error({ requestId, err: error, path: event.url.pathname }, 'unexpected error');
	return { message: translate('errors_unexpected', { requestId }), code: 'UNEXPECTED', requestId };
};
