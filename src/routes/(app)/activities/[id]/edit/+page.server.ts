import { redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { failForm, formValues, orPageError, throwPageError, translate } from '$lib/server/core/http';
import { getActivityPage, listActivityFormChoices, updateActivity } from '$lib/server/activities/service';
import { groupPlacesByProvince, hostUnitOptions } from '$lib/features/activities/form-options';
import type { ActivityInput } from '$lib/features/activities/inputs';
import { dateTimeInputValue } from '$lib/vn/dates';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, actor } = locals;
	const page = await orPageError(() => getActivityPage(db, actor, params.id));
	if (!page.canManage) throwPageError(new AppError('FORBIDDEN'));
	const { activity: a, campaign, hostUnit } = page.ctx;
	const choices = await orPageError(() => listActivityFormChoices(db, actor, a.campaignId));
	const hostId = a.hostUnitId === campaign.orgId ? '' : a.hostUnitId;
	const hostUnits = hostUnitOptions(choices.hostUnits);
	// What the activity already names stays choosable even where the editor could not pick it.
	if (!hostUnits.some((o) => o.value === hostId)) hostUnits.push({ value: hostId, label: hostUnit.name });
	const partners = choices.partners.map((p) => ({ value: p.id, label: p.name }));
	if (a.partnerId && page.partnerName && !partners.some((o) => o.value === a.partnerId)) partners.push({ value: a.partnerId, label: page.partnerName });
	return {
		activity: { id: a.id, title: a.title, status: a.status },
		campaign: { id: campaign.id, title: campaign.title },
		hostUnits,
		partners,
		places: groupPlacesByProvince(choices.adminUnits, translate('activities_place_other')),
		initial: {
			expectedVersion: a.version,
			title: a.title,
			description: a.description,
			type: a.type,
			mode: a.mode,
			venue: a.venue,
			adminUnitCode: a.adminUnitCode ?? '',
			platform: a.platform ?? '',
			meetingUrl: a.meetingUrl ?? '',
			externalUrl: a.externalUrl ?? '',
			startsAt: dateTimeInputValue(a.startsAt),
			endsAt: dateTimeInputValue(a.endsAt),
			hostUnitId: hostId,
			partnerId: a.partnerId ?? '',
			partnerIds: a.partnerIds,
			capacity: a.capacity === null ? '' : String(a.capacity),
			targetGroups: a.targetGroups
		}
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		const version = Number(values.expectedVersion);
		try {
			await updateActivity(locals.db, locals.actor, params.id, values as ActivityInput, { expectedVersion: Number.isInteger(version) ? version : undefined });
		} catch (e) {
			return failForm(e, values);
		}
		redirect(303, localizeHref(`/activities/${params.id}/manage?notice=saved`));
	}
};
