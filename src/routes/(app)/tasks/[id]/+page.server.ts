import { fail, redirect } from '@sveltejs/kit';
import { isAppError } from '$lib/server/core/errors';
import { failForm, formValues, orPageError, translate, failAction as failFormAction } from '$lib/server/core/http';
import { settings } from '$lib/server/core/env';
import { assignTask, getTask, remindTask, reportTaskProgress, type EvidenceUpload } from '$lib/server/tasks/service';
import { formatFileSize } from '$lib/features/tasks/format';
import { EVIDENCE_MAX_BYTES } from '$lib/features/tasks/types';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const detail = await orPageError(() => getTask(locals.db, locals.actor, params.id));
	return { ...detail, notice: url.searchParams.get('notice'), maxSize: formatFileSize(EVIDENCE_MAX_BYTES) };
};

/** A failed action that says which form it came from; file refusals name the file and the limit. */
function failAction(action: string, e: unknown, values: Record<string, unknown>) {
	return failFormAction(action, e, values, (data, err) => {
		if (err.code === 'TOO_LARGE') data.errors.files = translate('tasks_file_too_large_named', { name: String(err.detail?.fileName ?? ''), size: formatFileSize(EVIDENCE_MAX_BYTES) });
		if (err.code === 'UNSUPPORTED_TYPE') data.errors.files = translate('tasks_file_type_named', { name: String(err.detail?.fileName ?? '') });
		if (err.code === 'INVALID_TRANSITION') data.message = translate('tasks_remind_done');
	});
}

export const actions: Actions = {
	progress: async ({ request, locals, params }) => {
		let form: FormData;
		try {
			form = await request.formData();
		} catch (e) {
			// The server's BODY_SIZE_LIMIT refused the upload before the form could be read.
			if ((e as { status?: number }).status !== 413) throw e;
			const size = formatFileSize(Number(process.env.BODY_SIZE_LIMIT) || settings().IMPORT_MAX_BYTES + 1024 * 1024);
			return fail(413, { action: 'progress', values: {}, errors: { files: translate('tasks_body_too_large', { size }) }, message: translate('errors_too_large'), code: 'TOO_LARGE' });
		}
		const values = formValues(form);
		const files: EvidenceUpload[] = [];
		for (const f of form.getAll('files')) {
			if (f instanceof File) files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
		}
		try {
			await reportTaskProgress(locals.db, locals.actor, params.id, { status: values.status as never, percent: values.percent as string, note: values.note as string }, files);
		} catch (e) {
			return failAction('progress', e, values);
		}
		redirect(303, localizeHref(`/tasks/${params.id}?notice=progress`));
	},
	assign: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await assignTask(locals.db, locals.actor, params.id, { personId: String(values.personId ?? '') });
		} catch (e) {
			return failAction('assign', e, values);
		}
		redirect(303, localizeHref(`/tasks/${params.id}?notice=assigned`));
	},
	remind: async ({ locals, params }) => {
		try {
			await remindTask(locals.db, locals.actor, params.id);
		} catch (e) {
			return failAction('remind', e, {});
		}
		redirect(303, localizeHref(`/tasks/${params.id}?notice=reminded`));
	}
};
