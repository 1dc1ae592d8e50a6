import { listMyAssessments } from '$lib/server/maturity/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ items: await listMyAssessments(locals.db, locals.actor) });
