import { fail } from '@sveltejs/kit';
import { failAction, formValues, translate } from '$lib/server/core/http';
import { archiveQuestion, createQuestion, importQuestions, listQuestionBankOrgs, listQuestions } from '$lib/server/quizzes/service';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = url.searchParams.get('q') ?? '';
	const tag = url.searchParams.get('tag') ?? '';
	const orgs = await listQuestionBankOrgs(locals.db, locals.actor);
	const names = new Map(orgs.map((o) => [o.id, o.name]));
	const questions = await listQuestions(locals.db, locals.actor, { q, tag });
	return {
		orgs: orgs.map((o) => ({ id: o.id, name: o.name })),
		q,
		tag,
		// The editors' own view: right answers are shown here, to the bank's editors only.
		questions: questions.slice(0, 200).map((x) => ({
			id: x.id,
			orgName: names.get(x.orgId) ?? '',
			kind: x.kind,
			text: x.text,
			options: x.options,
			correct: x.correct,
			tags: x.tags,
			difficulty: x.difficulty,
			hasImage: Boolean(x.imageKey)
		})),
		total: questions.length,
		notice: url.searchParams.get('notice')
	};
};

async function readForm(request: Request): Promise<{ form: FormData } | { failure: ReturnType<typeof fail> }> {
	try {
		return { form: await request.formData() };
	} catch (e) {
		if ((e as { status?: number }).status !== 413) throw e;
		return { failure: fail(413, { action: 'import', values: {}, errors: {}, message: translate('errors_too_large'), code: 'TOO_LARGE' }) };
	}
}

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const read = await readForm(request);
		if ('failure' in read) return read.failure;
		const values: Record<string, unknown> = { ...formValues(read.form), options: read.form.getAll('options').map(String), correct: read.form.getAll('correct').map(String) };
		const image = read.form.get('image');
		try {
			await createQuestion(locals.db, locals.actor, String(values.orgId ?? ''), values as never, image instanceof File && image.size ? { bytes: new Uint8Array(await image.arrayBuffer()) } : undefined);
		} catch (e) {
			return failAction('create', e, values);
		}
		return { action: 'create', created: true };
	},
	import: async ({ request, locals }) => {
		const read = await readForm(request);
		if ('failure' in read) return read.failure;
		const values = formValues(read.form);
		const file = read.form.get('file');
		try {
			if (!(file instanceof File) || !file.size) return fail(400, { action: 'import', values, errors: { file: translate('field_required') }, message: translate('errors_validation'), code: 'VALIDATION' });
			const report = await importQuestions(locals.db, locals.actor, String(values.orgId ?? ''), new Uint8Array(await file.arrayBuffer()));
			const locale = getLocale();
			return {
				action: 'import',
				imported: report.imported,
				rejected: report.rejected.map((r) => ({ line: r.line, text: r.text, reasons: r.reasons.map((k) => translate(k, {}, locale)) }))
			};
		} catch (e) {
			return failAction('import', e, values);
		}
	},
	archive: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await archiveQuestion(locals.db, locals.actor, String(values.id ?? ''));
		} catch (e) {
			return failAction('archive', e, values);
		}
		return { action: 'archive', archived: true };
	}
};
