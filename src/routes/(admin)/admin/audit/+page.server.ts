import { listAuditEntries } from '$lib/server/audit/service';
import { orPageError } from '$lib/server/core/http';
import { parseDate } from '$lib/vn/dates';
import type { PageServerLoad } from './$types';

/** A dd/mm/yyyy filter as the start (or end) of that day in Vietnam. */
function dayBound(value: string | null, end: boolean): Date | undefined {
	const iso = value ? parseDate(value) : undefined;
	return iso ? new Date(`${iso}T${end ? '23:59:59.999' : '00:00:00'}+07:00`) : undefined;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = url.searchParams;
	const page = Math.max(1, Number(q.get('page')) || 1);
	const entries = await orPageError(() =>
		listAuditEntries(locals.db, locals.actor, {
			entity: q.get('entity') || undefined,
			actor: q.get('actor') || undefined,
			action: q.get('action') || undefined,
			from: dayBound(q.get('from'), false),
			to: dayBound(q.get('to'), true),
			page
		})
	);
	return {
		page,
		filter: Object.fromEntries(['entity', 'actor', 'action', 'from', 'to'].map((k) => [k, q.get(k) ?? ''])),
		entries: entries.map((e) => ({ ...e, before: e.before == null ? '' : JSON.stringify(e.before), after: e.after == null ? '' : JSON.stringify(e.after) }))
	};
};
