import { fail } from '@sveltejs/kit';
import { isAppError } from '$lib/server/core/errors';
import { failForm, formValues, orPageError, translate } from '$lib/server/core/http';
import { attachSignedPdf, cancelDocument, getDocument, SIGNED_PDF_MAX_BYTES } from '$lib/server/documents/service';
import type { Actions, PageServerLoad } from './$types';
import { formatFileSize } from '$lib/vn/numbers';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const document = await orPageError(() => getDocument(locals.db, locals.actor, params.id));
	return { document, maxSize: formatFileSize(SIGNED_PDF_MAX_BYTES), notice: url.searchParams.get('notice') ?? '' };
};

export const actions: Actions = {
	upload: async ({ request, locals, params }) => {
		const size = formatFileSize(SIGNED_PDF_MAX_BYTES);
		let form: FormData;
		try {
			form = await request.formData();
		} catch (e) {
			// The server's BODY_SIZE_LIMIT refused the upload before the form could be read.
			if ((e as { status?: number }).status !== 413) throw e;
			return fail(413, { values: {}, errors: { file: translate('documents_upload_too_large', { size }) }, message: translate('errors_too_large'), code: 'TOO_LARGE' });
		}
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { values: {}, errors: { file: translate('documents_upload_choose_file') }, message: translate('errors_validation'), code: 'VALIDATION' });
		}
		try {
			await attachSignedPdf(locals.db, locals.actor, params.id, new Uint8Array(await file.arrayBuffer()));
			return { uploaded: true };
		} catch (e) {
			const failure = failForm(e, {});
			// Name the limit or the accepted type beside the file field.
			if (isAppError(e) && e.code === 'TOO_LARGE') failure.data.errors.file = translate('documents_upload_too_large', { size });
			if (isAppError(e) && e.code === 'UNSUPPORTED_TYPE') failure.data.errors.file = translate('documents_upload_not_pdf');
			return failure;
		}
	},
	cancel: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await cancelDocument(locals.db, locals.actor, params.id, { reason: String(values.reason ?? '') });
			return { cancelled: true };
		} catch (e) {
			return failForm(e, values);
		}
	}
};
