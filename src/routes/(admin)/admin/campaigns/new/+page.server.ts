import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { todayInVietnam } from '$lib/server/core/clock';
import { failForm, formValues, orPageError, throwPageError } from '$lib/server/core/http';
import { hasRoleAt } from '$lib/server/auth/actor';
import { listOrgAncestors, listOrgTree } from '$lib/server/org/service';
import { CAMPAIGN_ACTION_ROLES, createCampaign, listParentCandidates } from '$lib/server/campaigns/service';
import { runOnce } from '$lib/server/idempotency/service';
import { campaignFormToInput, newCampaignFormValues } from '$lib/features/campaigns/inputs';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const option = (c: { id: string; title: string; orgName: string; year: number }) => ({ value: c.id, label: `${c.orgName} — ${c.title} (${c.year})` });

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, actor } = locals;
	// Only nodes where the actor may open a draft; who may on none is refused.
	const orgs = (await orPageError(() => listOrgTree(db, actor))).filter((n) => hasRoleAt(actor, CAMPAIGN_ACTION_ROLES.create, n.path));
	if (!orgs.length) throwPageError(new AppError('FORBIDDEN'));
	const org = orgs.find((n) => n.id === url.searchParams.get('org')) ?? orgs[0];
	const asked = Number(url.searchParams.get('year'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(todayInVietnam().slice(0, 4));
	const candidates = await orPageError(() => listParentCandidates(db, actor, org.id));
	// The usual parent is the same year's plan of the nearest node above; the plan then cites it first ("Thực hiện …").
	const above = (await listOrgAncestors(db, org)).map((n) => n.id);
	const parent = candidates.filter((c) => c.year === year).sort((a, b) => above.indexOf(b.orgId) - above.indexOf(a.orgId))[0];
	const initial: Record<string, string> = {
		...newCampaignFormValues({ year, symbol: `KH-${org.shortCode}`, place: parent?.place ?? candidates[0]?.place ?? '' }),
		orgId: org.id,
		parentId: parent?.id ?? '',
		// A second post of this form (a double click, a resend) creates nothing more.
		requestKey: randomUUID()
	};
	if (parent) {
		initial['legalBases.0.kind'] = 'campaign';
		initial['legalBases.0.campaignId'] = parent.id;
	}
	return {
		org: { id: org.id, name: org.name },
		year,
		orgOptions: orgs.map((n) => ({ value: n.id, label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.name}` })),
		parentOptions: candidates.map(option),
		initial
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		let id: string;
		try {
			// The service checks the node and the actor's rights, then validates every field.
			const input = { ...campaignFormToInput(values), orgId: String(values.orgId ?? '') };
			id = (await runOnce(locals.db, locals.actor, { key: String(values.requestKey ?? ''), scope: 'campaigns.create' }, (tx) => createCampaign(tx, locals.actor, input))).id;
		} catch (e) {
			const failure = failForm(e, values);
			return fail(failure.status, { ...failure.data, action: 'save' });
		}
		redirect(303, localizeHref(`/admin/campaigns/${id}?notice=created`));
	},
	addRow: async ({ request }) => {
		const values = formValues(await request.formData());
		return { action: 'addRow', values, added: String(values.addRow ?? '') };
	}
};
