import { redirect } from '@sveltejs/kit';
import { AppError, isAppError } from '$lib/server/core/errors';
import { failAction, formValues, orPageError } from '$lib/server/core/http';
import { getFramework, saveFrameworkDefinition, updateFrameworkDetails } from '$lib/server/maturity/service';
import { applyCriteriaForm, applyLevelsForm, applyNewCriterionForm, editorField } from '$lib/features/maturity/editor';
import type { FrameworkDefinition } from '$lib/features/maturity/types';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const d = await orPageError(() => getFramework(locals.db, locals.actor, params.id));
	return {
		framework: d.framework,
		orgName: d.orgName,
		latest: d.latest,
		versions: d.versions.map((v) => ({ id: v.id, version: v.version, frozenAt: v.frozenAt, createdAt: v.createdAt })),
		rounds: d.rounds.map((r) => ({ id: r.id, title: r.title, versionId: r.versionId })),
		json: JSON.stringify(d.latest.definition, null, 1),
		notice: url.searchParams.get('notice')
	};
};

/** Saves an edited definition; validation paths become the editor's field names (`mapField` may rename them further). */
async function save(locals: App.Locals, id: string, action: string, values: Record<string, unknown>, build: (def: FrameworkDefinition) => FrameworkDefinition, mapField: (f: string) => string = (f) => f) {
	const { latest } = await getFramework(locals.db, locals.actor, id);
	const next = build(latest.definition);
	try {
		const v = await saveFrameworkDefinition(locals.db, locals.actor, id, next);
		return v.id === latest.id ? 'saved' : 'new_version';
	} catch (e) {
		if (isAppError(e) && e.fields) {
			const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [mapField(editorField(next, k)), v]));
			return failAction(action, new AppError(e.code, { fields, detail: e.detail }), values);
		}
		return failAction(action, e, values);
	}
}

export const actions: Actions = {
	details: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await updateFrameworkDetails(locals.db, locals.actor, params.id, values as never);
		} catch (e) {
			return failAction('details', e, values);
		}
		redirect(303, localizeHref(`/admin/maturity/frameworks/${params.id}?notice=details`));
	},
	levels: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		const r = await save(locals, params.id, 'levels', values, (d) => applyLevelsForm(d, values));
		if (typeof r !== 'string') return r;
		redirect(303, localizeHref(`/admin/maturity/frameworks/${params.id}?notice=${r}`));
	},
	criteria: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values: Record<string, unknown> = formValues(form);
		for (const k of new Set([...form.keys()].filter((k) => k.endsWith('.evidence')))) values[k] = form.getAll(k).map(String);
		const r = await save(locals, params.id, 'criteria', values, (d) => applyCriteriaForm(d, values));
		if (typeof r !== 'string') return r;
		redirect(303, localizeHref(`/admin/maturity/frameworks/${params.id}?notice=${r}`));
	},
	add: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values: Record<string, unknown> = { ...formValues(form), 'new.evidence': form.getAll('new.evidence').map(String) };
		let newKey = '';
		const r = await save(
			locals,
			params.id,
			'add',
			values,
			(d) => {
				const next = applyNewCriterionForm(d, values);
				newKey = next.pillars.flatMap((p) => p.indicators).find((i) => i.key === values.indicatorKey)?.criteria.at(-1)?.key ?? '';
				return next;
			},
			(f) => (newKey && f.startsWith(`c.${newKey}.`) ? `new.${f.slice(newKey.length + 3)}` : f)
		);
		if (typeof r !== 'string') return r;
		redirect(303, localizeHref(`/admin/maturity/frameworks/${params.id}?notice=${r}`));
	},
	json: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		let parsed: unknown;
		try {
			parsed = JSON.parse(String(values.json ?? ''));
		} catch {
			return failAction('json', new AppError('VALIDATION', { fields: { json: 'maturity_json_invalid' } }), values);
		}
		const r = await save(locals, params.id, 'json', values, () => parsed as FrameworkDefinition);
		if (typeof r !== 'string') return r;
		redirect(303, localizeHref(`/admin/maturity/frameworks/${params.id}?notice=${r}`));
	}
};
