import { AppError } from '$lib/server/core/errors';
import { todayInVietnam } from '$lib/server/core/clock';
import { failForm, orPageError, throwPageError, translate, zodFieldErrors } from '$lib/server/core/http';
import { canIssueDocument, getNumberingPolicy, listRegister, listRegisterOrgs, listRegisterYears, setNumberingPolicy } from '$lib/server/documents/service';
import { registerQueryInput } from '$lib/features/documents/inputs';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, actor } = locals;
	const orgs = await orPageError(() => listRegisterOrgs(db, actor));
	// The register is the back office's: administrators, coordinators, unit leaders and supervisors.
	if (!orgs.length) throwPageError(new AppError('FORBIDDEN'));
	const org = orgs.find((n) => n.id === url.searchParams.get('orgId')) ?? orgs[0];
	const years = await orPageError(() => listRegisterYears(db, actor, org.id));
	const thisYear = Number(todayInVietnam().slice(0, 4));
	const raw = {
		orgId: org.id,
		year: url.searchParams.get('year') || String(years[0] ?? thisYear),
		type: url.searchParams.get('type') ?? '',
		q: url.searchParams.get('q') ?? ''
	};
	const parsed = registerQueryInput.safeParse(raw);
	// A bad filter is named beside its field and left out; the register still shows.
	const errors: Record<string, string> = parsed.success ? {} : Object.fromEntries(Object.entries(zodFieldErrors(parsed.error)).map(([k, v]) => [k, translate(v)]));
	const query = parsed.success ? parsed.data : { orgId: org.id, year: errors.year ? (years[0] ?? thisYear) : Number(raw.year), type: errors.type ? undefined : raw.type || undefined, q: errors.q ? undefined : raw.q };
	const entries = await orPageError(() => listRegister(db, actor, query as never));
	const numbering = await orPageError(() => getNumberingPolicy(db, actor, org.id));
	return {
		orgOptions: orgs.map((n) => ({ value: n.id, label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.name}` })),
		yearOptions: [...new Set([thisYear, ...years, Number(query.year)])].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) })),
		filter: raw,
		query: { orgId: org.id, year: String(query.year), type: query.type ?? '', q: query.q ?? '' },
		errors,
		orgName: org.name,
		canIssue: canIssueDocument(actor, org.path),
		numbering,
		entries
	};
};

export const actions: Actions = {
	numbering: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { orgId: String(form.get('orgId') ?? ''), mode: String(form.get('mode') ?? '') };
		try {
			await setNumberingPolicy(locals.db, locals.actor, values as never);
			return { numberingSaved: true };
		} catch (e) {
			return failForm(e, values);
		}
	}
};
