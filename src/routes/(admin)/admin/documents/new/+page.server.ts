import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { failForm, formValues, orPageError, throwPageError, zodFieldErrors } from '$lib/server/core/http';
import { canIssueDocument, issueDocument, listRecipientChoices, listRegisterOrgs, matchRecipientOrgs } from '$lib/server/documents/service';
import { issueDocumentFormInput } from '$lib/features/documents/inputs';
import { runOnce } from '$lib/server/idempotency/service';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, actor } = locals;
	const orgs = (await orPageError(() => listRegisterOrgs(db, actor))).filter((n) => canIssueDocument(actor, n.path));
	// Issuing is the unit leaders' and coordinators' work.
	if (!orgs.length) throwPageError(new AppError('FORBIDDEN'));
	const org = orgs.find((n) => n.id === url.searchParams.get('orgId')) ?? orgs[0];
	const choices = await orPageError(() => listRecipientChoices(db, actor, org.id));
	return {
		orgOptions: orgs.map((n) => ({ value: n.id, label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.name}` })),
		recipientOptions: choices.map((n) => ({ value: n.id, label: `${'\u00a0\u00a0\u00a0'.repeat(Math.max(0, n.depth - 1))}${n.name}` })),
		// A second post of this form (a double click, a resend) takes no second number.
		initial: { orgId: org.id, type: 'KH', archive: 'VT', requestKey: randomUUID() }
	};
};

export const actions: Actions = {
	issue: async ({ request, locals }) => {
		const form = await request.formData();
		const values = formValues(form);
		const orgId = String(values.orgId ?? '');
		const picked = form.getAll('recipientOrgIds').map(String).filter(Boolean);
		let row;
		try {
			// The organisations are sent to by name, as "Nơi nhận" prints them; other lines stay as typed.
			const names = new Map((await listRecipientChoices(locals.db, locals.actor, orgId)).map((n) => [n.id, n.name]));
			// Typed lines that name an organisation of the tree are sent to it too.
			const typed = await matchRecipientOrgs(locals.db, orgId, String(values.recipientLabels ?? '').split(/\r?\n/));
			const input = {
				...values,
				archive: values.archive || typed.archive || '',
				recipients: [...picked.map((id) => ({ label: names.get(id) ?? '', orgId: id })), ...typed.recipients]
			};
			const parsed = issueDocumentFormInput.safeParse(input);
			if (!parsed.success) {
				const fields = zodFieldErrors(parsed.error);
				// The recipients come from two fields; their error shows beside the typed list.
				const onRecipients = Object.keys(fields).find((k) => k.startsWith('recipients'));
				if (onRecipients) fields.recipientLabels = fields[onRecipients];
				throw new AppError('VALIDATION', { fields });
			}
			row = await runOnce(locals.db, locals.actor, { key: String(values.requestKey ?? ''), scope: 'documents.issue' }, (tx) => issueDocument(tx, locals.actor, input as never));
		} catch (e) {
			// A recipient the service refuses (outside the tree) is named beside the lists too.
			if (e instanceof AppError && e.fields?.recipients) e.fields.recipientLabels = e.fields.recipients;
			return failForm(e, { ...values, recipientOrgIds: picked });
		}
		redirect(303, localizeHref(`/admin/documents/${row.id}?notice=issued`));
	}
};
