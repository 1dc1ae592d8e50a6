import { redirect } from '@sveltejs/kit';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { now } from '$lib/server/core/clock';
import { getAttempt, participantOf, saveAnswer, submitAttempt } from '$lib/server/quizzes/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// The attempt page works without JavaScript: each answer is a form post, the submission another.
// A small inline script (in the page) saves answers as they change through the JSON API and
// shows the time left; the server's deadline is what counts.
export const load: PageServerLoad = async (event) => {
	const attempt = await orPageError(() => getAttempt(event.locals.db, participantOf(event), event.params.id));
	return { attempt, serverNow: now().getTime(), saved: event.url.searchParams.get('saved'), notice: event.url.searchParams.get('notice') };
};

export const actions: Actions = {
	answer: async (event) => {
		const form = await event.request.formData();
		const values = formValues(form);
		const questionId = String(values.questionId ?? '');
		try {
			await saveAnswer(event.locals.db, participantOf(event), event.params.id, { questionId, value: form.getAll('value').map(String) });
		} catch (e) {
			return failAction('answer', e, { ...values, value: form.getAll('value').map(String) }, (data) => {
				(data as { questionId?: string }).questionId = questionId;
			});
		}
		redirect(303, localizeHref(`/contests/attempts/${event.params.id}?saved=${encodeURIComponent(questionId)}#question-${encodeURIComponent(questionId)}`));
	},
	submit: async (event) => {
		const values = formValues(await event.request.formData());
		try {
			await submitAttempt(event.locals.db, participantOf(event), event.params.id, { prediction: values.prediction });
		} catch (e) {
			return failAction('submit', e, values);
		}
		redirect(303, localizeHref(`/contests/attempts/${event.params.id}?notice=submitted`));
	}
};
