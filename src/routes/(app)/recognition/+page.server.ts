import { orPageError } from '$lib/server/core/http';
import { listRecognitionCampaigns } from '$lib/server/recognition/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ campaigns: await orPageError(() => listRecognitionCampaigns(locals.db, locals.actor)) });
