import { fail, redirect } from '@sveltejs/kit';
import { AppError, isAppError } from '$lib/server/core/errors';
import { settings } from '$lib/server/core/env';
import { failForm, formValues, orPageError, throwPageError, translate } from '$lib/server/core/http';
import { canImportInto, listImports, listOrgTree, previewImport } from '$lib/server/org/service';
import type { ImportUploadInput } from '$lib/features/org/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';
import { formatFileSize } from '$lib/vn/numbers';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, actor } = locals;
	const orgs = (await orPageError(() => listOrgTree(db, actor))).filter((n) => canImportInto(actor, n));
	// Imports are an administrator's work.
	if (!orgs.length) throwPageError(new AppError('FORBIDDEN'));
	const names = new Map(orgs.map((n) => [n.id, n.name]));
	const recent = (await orPageError(() => listImports(db, actor))).slice(0, 20);
	return {
		orgOptions: orgs.map((n) => ({ value: n.id, label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.name}` })),
		initial: { kind: url.searchParams.get('kind') === 'units' ? 'units' : 'people', orgId: orgs.find((n) => n.id === url.searchParams.get('orgId'))?.id ?? orgs[0].id },
		maxSize: formatFileSize(settings().IMPORT_MAX_BYTES),
		recent: recent.map((b) => ({ id: b.id, fileName: b.fileName, kind: b.kind, status: b.status, orgName: names.get(b.orgId) ?? '', goodCount: b.goodCount, badCount: b.badCount, createdAt: b.createdAt })),
		discarded: url.searchParams.has('discarded')
	};
};

export const actions: Actions = {
	preview: async ({ request, locals }) => {
		let form: FormData;
		try {
			form = await request.formData();
		} catch (e) {
			// The server's BODY_SIZE_LIMIT refused the upload before the form could be read.
			if ((e as { status?: number }).status !== 413) throw e;
			const size = formatFileSize(settings().IMPORT_MAX_BYTES);
			return fail(413, { values: {}, errors: { file: translate('org_import_too_large_named', { size }) }, message: translate('errors_too_large'), code: 'TOO_LARGE' });
		}
		const values = formValues(form);
		const file = form.get('file');
		if (!(file instanceof File) || (file.size === 0 && !file.name)) {
			return fail(400, { values, errors: { file: translate('org_import_choose_file') }, message: translate('errors_validation'), code: 'VALIDATION' });
		}
		let batchId: string;
		try {
			const bytes = new Uint8Array(await file.arrayBuffer());
			batchId = (await previewImport(locals.db, locals.actor, { ...(values as ImportUploadInput), fileName: file.name, bytes })).id;
		} catch (e) {
			const failure = failForm(e, values);
			// Name the limit, the accepted types or the missing columns beside the file field.
			if (isAppError(e) && e.code === 'TOO_LARGE') failure.data.errors.file = translate('org_import_too_large_named', { size: formatFileSize(settings().IMPORT_MAX_BYTES) });
			if (isAppError(e) && e.code === 'UNSUPPORTED_TYPE') failure.data.errors.file = translate('org_import_unsupported');
			const missing = isAppError(e) ? (e.detail?.missing as string[] | undefined) : undefined;
			if (missing?.length) failure.data.errors.file = translate('org_import_missing_named', { columns: missing.join(', ') });
			return failure;
		}
		redirect(303, localizeHref(`/admin/import/${batchId}`));
	}
};
