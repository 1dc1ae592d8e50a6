import { redirect } from '@sveltejs/kit';
import { failForm, formValues, orPageError } from '$lib/server/core/http';
import { getQuestion, updateQuestion } from '$lib/server/quizzes/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const q = await orPageError(() => getQuestion(locals.db, locals.actor, params.id));
	const choice = q.kind === 'single' || q.kind === 'multiple';
	return {
		id: q.id,
		hasImage: Boolean(q.imageKey),
		// The form's own shape: options by position, the right ones by their 1-based position.
		values: {
			kind: q.kind,
			text: q.text,
			options: choice ? q.options.map((o) => o.text) : [],
			correct: choice ? q.correct.map((c) => String(q.options.findIndex((o) => o.id === c) + 1)) : q.kind === 'true_false' ? q.correct : [],
			accepted: q.kind === 'short' ? q.correct.join('\n') : '',
			foldAnswers: q.foldAnswers ? 'on' : '',
			tags: q.tags.join(', '),
			difficulty: q.difficulty,
			explanation: q.explanation
		}
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values: Record<string, unknown> = { ...formValues(form), options: form.getAll('options').map(String), correct: form.getAll('correct').map(String) };
		const image = form.get('image');
		try {
			await updateQuestion(locals.db, locals.actor, params.id, values as never, image instanceof File && image.size ? { bytes: new Uint8Array(await image.arrayBuffer()) } : undefined);
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref('/admin/contests/questions?notice=saved'));
	}
};
