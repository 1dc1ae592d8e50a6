import { redirect } from '@sveltejs/kit';
import { failForm, orPageError, translate } from '$lib/server/core/http';
import { confirmImport, discardImport, getImport, getOrgNode } from '$lib/server/org/service';
import { PEOPLE_COLUMNS, UNIT_COLUMNS } from '$lib/features/org/types';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

/** familyName → org_field_family_name: the label of an import column in the reader's language. */
function columnLabel(key: string): string {
	return translate(`org_field_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`);
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, actor } = locals;
	const batch = await orPageError(() => getImport(db, actor, params.batchId));
	const org = await orPageError(() => getOrgNode(db, actor, batch.orgId));
	// The columns the file had, in the order an export writes them.
	const present = new Set(batch.rows.flatMap((r) => Object.keys(r.values)));
	const columns = (batch.kind === 'people' ? PEOPLE_COLUMNS : UNIT_COLUMNS).filter((c) => present.has(c.key)).map((c) => ({ key: c.key, label: columnLabel(c.key) }));
	const rows = batch.rows.map((r) => ({ line: r.line, values: r.values, reasons: r.errors.map((k) => translate(k)) }));
	return {
		batch: {
			id: batch.id,
			kind: batch.kind,
			status: batch.status,
			fileName: batch.fileName,
			goodCount: batch.goodCount,
			badCount: batch.badCount,
			orgName: org.name
		},
		columns,
		bad: rows.filter((r) => r.reasons.length > 0),
		good: rows.filter((r) => r.reasons.length === 0),
		result: batch.result ? { created: batch.result.created, skipped: batch.result.skipped.map((s) => ({ line: s.line, reasons: s.errors.map((k) => translate(k)) })) } : null
	};
};

export const actions: Actions = {
	// A second confirmation writes nothing more: the service answers with the first one's result.
	confirm: async ({ locals, params }) => {
		try {
			await confirmImport(locals.db, locals.actor, params.batchId);
		} catch (e) {
			return failForm(e, {});
		}
		return { confirmed: true };
	},
	discard: async ({ locals, params }) => {
		try {
			await discardImport(locals.db, locals.actor, params.batchId);
		} catch (e) {
			return failForm(e, {});
		}
		redirect(303, localizeHref('/admin/import?discarded=1'));
	}
};
