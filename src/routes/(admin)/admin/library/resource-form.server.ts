// Reads the resource editor's multipart form: the text fields (lists kept as lists) and the file.
import { fail } from '@sveltejs/kit';
import { failForm, translate } from '$lib/server/core/http';
import { isAppError } from '$lib/server/core/errors';
import { RESOURCE_MAX_BYTES, type ResourceUpload } from '$lib/server/library/service';
import { formatFileSize } from '$lib/features/tasks/format';

export const maxSize = formatFileSize(RESOURCE_MAX_BYTES);

export async function readResourceForm(request: Request): Promise<{ values: Record<string, unknown>; file?: ResourceUpload } | { failure: ReturnType<typeof fail> }> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch (e) {
		// The server's BODY_SIZE_LIMIT refused the upload before the form could be read.
		if ((e as { status?: number }).status !== 413) throw e;
		return { failure: fail(413, { values: {}, errors: { file: translate('library_file_too_large') }, message: translate('errors_too_large'), code: 'TOO_LARGE' }) };
	}
	const text = (k: string) => String(form.get(k) ?? '');
	const values: Record<string, unknown> = {
		orgId: text('orgId'),
		kind: text('kind'),
		title: text('title'),
		description: text('description'),
		learnerGroups: form.getAll('learnerGroups').map(String),
		competenceAreas: form.getAll('competenceAreas').map(String),
		themes: text('themes'),
		language: text('language'),
		durationMinutes: text('durationMinutes'),
		licence: text('licence'),
		source: text('source'),
		url: text('url'),
		status: text('status'),
		version: text('version'),
		requestKey: text('requestKey')
	};
	const f = form.get('file');
	const file = f instanceof File && f.size > 0 ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : undefined;
	return { values, file };
}

/** A failed save that keeps what was typed; a refused file is named on the file field. */
export function failResource(e: unknown, values: Record<string, unknown>) {
	const failure = failForm(e, values);
	if (isAppError(e) && e.code === 'TOO_LARGE') failure.data.errors.file = translate('library_file_too_large');
	if (isAppError(e) && e.code === 'UNSUPPORTED_TYPE') failure.data.errors.file = translate('library_file_type');
	return failure;
}
