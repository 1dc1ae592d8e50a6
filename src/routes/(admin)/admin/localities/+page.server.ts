import { fail, redirect } from '@sveltejs/kit';
import { isAppError } from '$lib/server/core/errors';
import { failForm, formValues, translate, failAction as failFormAction } from '$lib/server/core/http';
import { todayInVietnam } from '$lib/server/core/clock';
import {
	canDeclareDistancing,
	canManageAdminUnits,
	createAdminUnit,
	declareDistancing,
	liftDistancing,
	listAdminUnits,
	listDistancingOrders,
	listDistancingOrgChoices
} from '$lib/server/localities/service';
import type { AdminUnitInput, DistancingInput } from '$lib/features/localities/inputs';
import { adminUnitTree, distancingStatus } from '$lib/features/localities/format';
import { ADMIN_UNIT_LEVEL, type AdminUnitItem, type DistancingOrderItem } from '$lib/features/localities/types';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

/** The unit list shows this many rows at most; a search narrows it (the whole country has ~3,400 units). */
const UNITS_SHOWN = 200;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, actor } = locals;
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const all = await listAdminUnits(db);
	const names = new Map(all.map((u) => [u.code, u.name]));
	const item = (u: (typeof all)[number]): AdminUnitItem => ({ code: u.code, name: u.name, kind: u.kind, parentCode: u.parentCode, parentName: u.parentCode ? (names.get(u.parentCode) ?? null) : null });
	const found = q ? await listAdminUnits(db, { q }) : all;
	const today = todayInVietnam();
	const orders = (await listDistancingOrders(db)).map((o) => {
		const order: DistancingOrderItem = {
			id: o.id,
			adminUnitCode: o.adminUnitCode,
			unitName: o.unitName,
			unitKind: o.unitKind,
			startsOn: o.startsOn,
			endsOn: o.endsOn,
			note: o.note,
			liftedAt: o.liftedAt ? o.liftedAt.toISOString() : null
		};
		return { ...order, status: distancingStatus(o, today) };
	});
	const can = { manageUnits: canManageAdminUnits(actor), declare: canDeclareDistancing(actor) };
	const tree = adminUnitTree(all.map(item));
	return {
		q,
		today,
		units: found.slice(0, UNITS_SHOWN).map(item),
		unitsTotal: found.length,
		unitsShown: UNITS_SHOWN,
		tree,
		// A unit may hold others only above the commune tier.
		parents: tree.filter((u) => ADMIN_UNIT_LEVEL[u.kind] !== 'commune'),
		current: orders.filter((o) => o.status === 'active' || o.status === 'upcoming'),
		past: orders.filter((o) => o.status === 'ended' || o.status === 'lifted'),
		orgChoices: can.declare ? await listDistancingOrgChoices(db, actor) : [],
		can,
		notice: url.searchParams.get('notice')
	};
};

function failAction(action: string, e: unknown, values: Record<string, unknown>) {
	return failFormAction(action, e, values, (data, err) => {
		if (err.code === 'INVALID_TRANSITION' && action === 'lift') data.message = translate('localities_already_lifted');
	});
}

export const actions: Actions = {
	createUnit: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await createAdminUnit(locals.db, locals.actor, values as AdminUnitInput);
		} catch (e) {
			return failAction('createUnit', e, values);
		}
		redirect(303, localizeHref(`/admin/localities?notice=unit_created`));
	},
	declare: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await declareDistancing(locals.db, locals.actor, values as DistancingInput);
		} catch (e) {
			return failAction('declare', e, values);
		}
		redirect(303, localizeHref(`/admin/localities?notice=declared`));
	},
	lift: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await liftDistancing(locals.db, locals.actor, String(values.orderId ?? ''));
		} catch (e) {
			return failAction('lift', e, values);
		}
		redirect(303, localizeHref(`/admin/localities?notice=lifted`));
	}
};
