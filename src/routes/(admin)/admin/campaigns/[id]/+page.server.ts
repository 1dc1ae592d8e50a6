import { fail, redirect } from '@sveltejs/kit';
import { failForm, formValues, orPageError, failAction as failFormAction } from '$lib/server/core/http';
import { isAppError } from '$lib/server/core/errors';
import { now } from '$lib/server/core/clock';
import { hasRoleAt } from '$lib/server/auth/actor';
import { listAuditEntries } from '$lib/server/audit/service';
import { listOrgAncestors } from '$lib/server/org/service';
import {
	approveCampaign,
	availableCampaignActions,
	cloneCampaign,
	closeCampaign,
	getCampaign,
	issueCampaign,
	listParentCandidates,
	returnCampaign,
	startCampaign,
	submitCampaign,
	updateCampaign
} from '$lib/server/campaigns/service';
import { toCampaignJson } from '$lib/features/campaigns/api';
import { campaignPhase } from '$lib/features/campaigns/format';
import { campaignFormToInput, campaignToFormValues } from '$lib/features/campaigns/inputs';
import { isPublicCampaignStatus, type CampaignTransition } from '$lib/features/campaigns/types';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const option = (c: { id: string; title: string; orgName: string; year: number }) => ({ value: c.id, label: `${c.orgName} — ${c.title} (${c.year})` });

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, actor } = locals;
	const detail = await orPageError(() => getCampaign(db, actor, params.id));
	const resource = { orgPath: detail.orgPath, status: detail.status };
	const actions = availableCampaignActions(actor, resource);
	const editable = actions.includes('update');
	// Administrators read the audit log; everyone else sees the status and the return reason.
	const history = hasRoleAt(actor, ['administrator'], detail.orgPath)
		? (await listAuditEntries(db, actor, { entity: 'campaign', entityId: detail.id })).reverse().map((e) => ({
				id: e.id,
				at: e.at,
				who: e.actorLabel,
				action: e.action,
				note: e.action === 'return' ? String((e.after as { returnReason?: string } | null)?.returnReason ?? '') : ''
			}))
		: null;
	const candidates = editable ? await listParentCandidates(db, actor, detail.orgId) : [];
	// A legal basis may cite a plan above, or keep citing one it already cites.
	const cited = Object.values(detail.linkedCampaigns).filter((c) => !candidates.some((x) => x.id === c.id));
	const ancestors = await listOrgAncestors(db, { path: detail.orgPath });
	// The edition it was cloned from, unless the actor may no longer read it.
	const clonedFrom = detail.clonedFromId
		? await getCampaign(db, actor, detail.clonedFromId).catch((e: unknown) => {
				if (isAppError(e) && e.code === 'NOT_FOUND') return null;
				throw e;
			})
		: null;
	return {
		campaign: toCampaignJson(detail),
		governingBody: ancestors.at(-2)?.name ?? '',
		phase: campaignPhase(detail.startsOn, detail.endsOn, now()),
		isPublic: isPublicCampaignStatus(detail.status),
		actions: actions.filter((a) => a !== 'read' && a !== 'update'),
		editable,
		history,
		clonedFrom: clonedFrom ? { id: clonedFrom.id, year: clonedFrom.year } : null,
		values: (editable ? { ...campaignToFormValues(detail), expectedVersion: String(detail.version) } : {}) as Record<string, string>,
		parentOptions: candidates.map(option),
		campaignOptions: [...candidates, ...cited].map(option)
	};
};

const failAction = failFormAction;

/** One workflow step from its small form; afterwards the page says what happened. */
function step(name: CampaignTransition, run: (event: RequestEvent, form: Record<string, unknown>) => Promise<unknown>) {
	return async (event: RequestEvent) => {
		const form = formValues(await event.request.formData());
		try {
			await run(event, form);
		} catch (e) {
			return failAction(name, e, form);
		}
		redirect(303, localizeHref(`/admin/campaigns/${event.params.id}?notice=${name}`));
	};
}

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		try {
			await updateCampaign(locals.db, locals.actor, params.id, campaignFormToInput(values), { expectedVersion: Number(values.expectedVersion) || 0 });
		} catch (e) {
			return failAction('save', e, values);
		}
		redirect(303, localizeHref(`/admin/campaigns/${params.id}?notice=saved`));
	},
	addRow: async ({ request }) => {
		const values = formValues(await request.formData());
		return { action: 'addRow', values, added: String(values.addRow ?? '') };
	},
	submit: step('submit', ({ locals, params }) => submitCampaign(locals.db, locals.actor, params.id)),
	approve: step('approve', ({ locals, params }) => approveCampaign(locals.db, locals.actor, params.id)),
	return: step('return', ({ locals, params }, form) => returnCampaign(locals.db, locals.actor, params.id, { reason: String(form.reason ?? '') })),
	issue: step('issue', ({ locals, params }) => issueCampaign(locals.db, locals.actor, params.id)),
	start: step('start', ({ locals, params }) => startCampaign(locals.db, locals.actor, params.id)),
	close: step('close', ({ locals, params }) => closeCampaign(locals.db, locals.actor, params.id)),
	clone: async ({ request, locals, params }) => {
		const form = formValues(await request.formData());
		let id: string;
		try {
			id = (await cloneCampaign(locals.db, locals.actor, params.id, { year: String(form.year ?? '') })).id;
		} catch (e) {
			return failAction('clone', e, form);
		}
		redirect(303, localizeHref(`/admin/campaigns/${id}?notice=cloned`));
	}
};
