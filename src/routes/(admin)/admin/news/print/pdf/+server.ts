import { redirect } from '@sveltejs/kit';
import { isAppError } from '$lib/server/core/errors';
import { renderCampaignPrint } from '$lib/server/news/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** The banner or poster PDF; a refusal returns to the form with what was typed and each field's error. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const values = Object.fromEntries(url.searchParams.entries());
	try {
		const { pdf, fileName } = await renderCampaignPrint(locals.db, locals.actor, values.campaignId ?? '', values);
		return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${fileName}"` } });
	} catch (e) {
		if (!isAppError(e)) throw e;
		const back = new URLSearchParams(values);
		for (const [k, v] of Object.entries(e.fields ?? {})) back.set(`error.${k}`, v);
		back.set('message', `errors_${e.code.toLowerCase()}`);
		redirect(303, localizeHref(`/admin/news/print?${back}`));
	}
};
