import { fail, redirect } from '@sveltejs/kit';
import { failForm, formValues, orPageError } from '$lib/server/core/http';
import { getReport, listAddresseeChoices, reportWithStatistics, saveReport, submitReport } from '$lib/server/reports/service';
import { getCampaign } from '$lib/server/campaigns/service';
import { documentFileNames } from '$lib/features/documents/format';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// The report of a campaign: its figures, the four sections, the addressee, preview and downloads.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, actor } = locals;
	const campaign = await orPageError(() => getCampaign(db, actor, params.id));
	// The figures are computed once: the page shows them and the Báo cáo is built from them.
	const [{ stats, document }, report, choices] = await Promise.all([
		orPageError(() => reportWithStatistics(db, actor, params.id)),
		orPageError(() => getReport(db, actor, params.id)),
		orPageError(() => listAddresseeChoices(db, actor, params.id))
	]);
	return {
		campaign: { id: campaign.id, title: campaign.title, orgName: campaign.orgName },
		stats,
		report,
		choices,
		document: url.searchParams.has('preview') ? document : null,
		files: { docx: documentFileNames(document, 'docx').ascii, pdf: documentFileNames(document, 'pdf').ascii },
		notice: url.searchParams.get('notice')
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await saveReport(locals.db, locals.actor, params.id, values);
		} catch (e) {
			const f = failForm(e, values);
			return fail(f.status, { ...f.data, action: 'save' });
		}
		redirect(303, localizeHref(`/admin/campaigns/${params.id}/report?notice=saved`));
	},
	submit: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			// What is on the form is saved first, so "Gửi" sends what the person sees.
			await saveReport(locals.db, locals.actor, params.id, values);
			await submitReport(locals.db, locals.actor, params.id);
		} catch (e) {
			const f = failForm(e, values);
			// The save may have gone through before the submission was refused: the form goes on from its new version.
			const current = await getReport(locals.db, locals.actor, params.id).catch(() => null);
			return fail(f.status, { ...f.data, values: { ...f.data.values, version: current?.version ?? values.version }, action: 'submit' });
		}
		redirect(303, localizeHref(`/admin/campaigns/${params.id}/report?notice=submitted`));
	}
};
