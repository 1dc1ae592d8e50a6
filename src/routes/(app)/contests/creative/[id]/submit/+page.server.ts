import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { failForm, orPageError, translate } from '$lib/server/core/http';
import { isAppError } from '$lib/server/core/errors';
import { getSubmitPage, submitEntry } from '$lib/server/creative/service';
import { runOnce } from '$lib/server/idempotency/service';
import { formatFileSize } from '$lib/vn/numbers';
import { UPLOAD_CHUNK_BYTES } from '$lib/features/creative/types';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const p = await orPageError(() => getSubmitPage(locals.db, locals.actor, params.id));
	const c = p.contest;
	return {
		contest: { id: c.id, title: c.title, entryTypes: c.entryTypes, maxSize: formatFileSize(c.maxBytes), maxBytes: c.maxBytes, minutes: Math.round(c.maxDurationSeconds / 60) },
		orgName: p.orgName,
		units: p.units,
		myUnitId: p.myUnitId,
		accept: p.accept,
		open: p.open,
		chunkBytes: UPLOAD_CHUNK_BYTES,
		requestKey: randomUUID()
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		let form: FormData;
		try {
			form = await request.formData();
		} catch (e) {
			// The server's BODY_SIZE_LIMIT refused a large file sent without the resumable upload.
			if ((e as { status?: number }).status !== 413) throw e;
			return fail(413, { values: {}, errors: { file: translate('creative_file_use_resumable') }, message: translate('errors_too_large'), code: 'TOO_LARGE' });
		}
		const text = (k: string) => String(form.get(k) ?? '');
		const values: Record<string, unknown> = {
			type: text('type'),
			title: text('title'),
			description: text('description'),
			essayText: text('essayText'),
			unitId: text('unitId'),
			uploadId: text('uploadId'),
			consents: form.getAll('consents').map(String),
			isMinor: text('isMinor'),
			guardianName: text('guardianName'),
			guardianRelation: text('guardianRelation'),
			guardianConsents: form.getAll('guardianConsents').map(String),
			requestKey: text('requestKey')
		};
		const f = form.get('file');
		const file = !values.uploadId && f instanceof File && f.size > 0 ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : undefined;
		let id: string;
		try {
			id = (await runOnce(locals.db, locals.actor, { key: String(values.requestKey), scope: `creative-entry:${params.id}` }, (tx) => submitEntry(tx, locals.actor, params.id, values, file))).id;
		} catch (e) {
			const failure = failForm(e, { ...values, uploadId: '' });
			if (isAppError(e) && e.code === 'UNSUPPORTED_TYPE') failure.data.errors.file = translate('creative_file_kind');
			return failure;
		}
		redirect(303, localizeHref(`/contests/creative/${params.id}/entries/${id}?notice=submitted`));
	}
};
