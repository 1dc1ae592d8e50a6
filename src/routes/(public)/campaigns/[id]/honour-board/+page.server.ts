import { orPageError } from '$lib/server/core/http';
import { getHonourBoard } from '$lib/server/recognition/service';
import type { PageServerLoad } from './$types';

// Those honoured in a public campaign: collectives always, people only as they consented (DOMAIN-VN §6.8).
export const load: PageServerLoad = async ({ locals, params }) => ({ board: await orPageError(() => getHonourBoard(locals.db, params.id)) });
