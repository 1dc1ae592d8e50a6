import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/core/http';
import { getLeaderboard } from '$lib/server/maturity/service';
import { toLeaderboardJson } from '$lib/features/maturity/api';
import type { RequestHandler } from './$types';

/** GET /api/v1/maturity/rounds/{id}/leaderboard: a published round's results (404 before publication, except for its coordinators' preview). */
export const GET: RequestHandler = apiHandler(async ({ locals, params }) => json(toLeaderboardJson(await getLeaderboard(locals.db, locals.actor, params.id))));
