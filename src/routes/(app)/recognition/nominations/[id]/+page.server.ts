import { orPageError } from '$lib/server/core/http';
import { getEntry } from '$lib/server/recognition/service';
import { entryActions } from '../../act.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => ({ view: await orPageError(() => getEntry(locals.db, locals.actor, 'nomination', params.id)), notice: url.searchParams.get('notice') });

export const actions: Actions = entryActions('nomination');
