import { fail, redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError, translate } from '$lib/server/core/http';
import { addEvidence, assessmentPageData, openAssessment, removeEvidence, saveAnswer, submitAssessment } from '$lib/server/maturity/service';
import { formatFileSize } from '$lib/vn/numbers';
import { EVIDENCE_MAX_BYTES } from '$lib/features/maturity/types';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...assessmentPageData(await orPageError(() => openAssessment(locals.db, locals.actor, params.id))),
	notice: url.searchParams.get('notice'),
	maxSize: formatFileSize(EVIDENCE_MAX_BYTES)
});

/** The failure of one criterion's form: names the form and the criterion so the page shows it in place; files name their file. */
function failed(action: string, e: unknown, values: Record<string, unknown>) {
	return failAction(action, e, values, (data, err) => {
		const fileName = String(err.detail?.fileName ?? '');
		if (err.code === 'TOO_LARGE') data.errors.file = translate('maturity_file_too_large', { fileName, size: formatFileSize(EVIDENCE_MAX_BYTES) });
		if (err.code === 'UNSUPPORTED_TYPE') data.errors.file = translate('maturity_file_type', { fileName });
		// Submission names each criterion at fault: list them in the summary.
		if (action === 'submit' && err.code === 'VALIDATION') data.message = translate('maturity_submit_incomplete', { count: Object.keys(err.fields ?? {}).length });
	});
}

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await saveAnswer(locals.db, locals.actor, params.id, values as never);
		} catch (e) {
			return failed('save', e, values);
		}
		redirect(303, localizeHref(`/maturity/${params.id}?notice=saved#c-${String(values.criterionKey ?? '')}`));
	},
	upload: async ({ request, locals, params }) => {
		let form: FormData;
		try {
			form = await request.formData();
		} catch (e) {
			if ((e as { status?: number }).status !== 413) throw e;
			return fail(413, { action: 'upload', values: {}, errors: { file: translate('errors_too_large') }, message: translate('errors_too_large'), code: 'TOO_LARGE' });
		}
		const values = formValues(form);
		const file = form.get('file');
		try {
			await addEvidence(locals.db, locals.actor, params.id, String(values.criterionKey ?? ''), { name: file instanceof File ? file.name : '', bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() });
		} catch (e) {
			return failed('upload', e, values);
		}
		redirect(303, localizeHref(`/maturity/${params.id}?notice=uploaded#c-${String(values.criterionKey ?? '')}`));
	},
	remove: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await removeEvidence(locals.db, locals.actor, params.id, String(values.evidenceId ?? ''));
		} catch (e) {
			return failed('remove', e, values);
		}
		redirect(303, localizeHref(`/maturity/${params.id}?notice=removed#c-${String(values.criterionKey ?? '')}`));
	},
	submit: async ({ locals, params }) => {
		try {
			await submitAssessment(locals.db, locals.actor, params.id);
		} catch (e) {
			return failed('submit', e, {});
		}
		redirect(303, localizeHref(`/maturity/${params.id}?notice=submitted`));
	}
};
