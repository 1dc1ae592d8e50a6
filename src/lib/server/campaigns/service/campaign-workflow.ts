// The plan's way to the public: draft → submitted → approved → issued → running → closed.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now, todayInVietnam } from '../../core/clock';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { issueDocument, matchRecipientOrgs, notifyDocumentRecipients } from '../../documents/service';
import { campaignReturnInput } from '../../../features/campaigns/inputs';
import { formatDocumentNumber } from '../../../features/documents/register';
import { CAMPAIGN_TRANSITIONS, type CampaignAction, type CampaignTransition } from '../../../features/campaigns/types';
import { canActOnCampaign, type CampaignResource } from '../policy';
import { transitionCampaignRow, type NewCampaignRow } from '../queries';
import type { CampaignRow } from '../tables';
import { loadReadableCampaign, type CampaignWithOrg } from './read-campaigns';
import { zodIssuesToFields } from './edit-campaign';

/**
 * One step of the workflow, in one transaction: the actor must read the campaign (else NOT_FOUND),
 * hold the step's role (else FORBIDDEN) and find it in a status the step starts from (else
 * INVALID_TRANSITION). The status is changed only where it still is what was read, so a request
 * sent twice moves it once and the second gets INVALID_TRANSITION, writing nothing.
 */
async function transition(
	db: Db,
	actor: Actor,
	id: string,
	step: CampaignTransition,
	extra: {
		patch?: (current: CampaignRow) => Partial<NewCampaignRow>;
		/** Work of the step done in its transaction before the status moves (issuing the plan's document); what it returns joins the patch and the audit entry. */
		prepare?: (tx: Db, current: CampaignWithOrg) => Promise<{ patch: Partial<NewCampaignRow>; audit: Record<string, unknown> }>;
		audit?: Record<string, unknown>;
	} = {}
): Promise<CampaignRow> {
	return db.transaction(async (tx) => {
		const current = await loadReadableCampaign(tx, actor, id);
		if (!canActOnCampaign(actor, step, current)) throw new AppError('FORBIDDEN');
		const { from, to } = CAMPAIGN_TRANSITIONS[step];
		if (!from.includes(current.status)) throw new AppError('INVALID_TRANSITION');
		const prepared = await extra.prepare?.(tx, current);
		const patch = { ...(extra.patch?.(current) ?? {}), ...(prepared?.patch ?? {}), updatedAt: now() };
		const row = await transitionCampaignRow(tx, id, [current.status], to, patch);
		if (!row) throw new AppError('INVALID_TRANSITION');
		const changed = Object.fromEntries(
			Object.keys(patch)
				.filter((k) => k !== 'updatedAt')
				.map((k) => [k, row[k as keyof CampaignRow]])
		);
		const changedBefore = Object.fromEntries(Object.keys(changed).map((k) => [k, current[k as keyof CampaignRow]]));
		await recordAudit(tx, actor, {
			orgId: row.orgId,
			orgPath: current.orgPath,
			entity: 'campaign',
			entityId: row.id,
			action: step,
			before: { status: current.status, ...changedBefore },
			after: { status: row.status, ...changed, ...(extra.audit ?? {}), ...(prepared?.audit ?? {}) }
		});
		return row;
	});
}

/** Sends a draft to the leadership for approval; refuses anyone but a coordinator of its node or above and anything but a draft. */
export async function submitCampaign(db: Db, actor: Actor, id: string): Promise<CampaignRow> {
	return transition(db, actor, id, 'submit', { patch: () => ({ returnReason: null }) });
}

/** Approves a submitted plan; refuses anyone but a unit leader of its node or above and anything but a submitted plan. */
export async function approveCampaign(db: Db, actor: Actor, id: string): Promise<CampaignRow> {
	return transition(db, actor, id, 'approve');
}

/** Sends a submitted or approved plan back to draft with the leader's reason; refuses an empty reason (VALIDATION), anyone but a unit leader of its node or above and any other status. */
export async function returnCampaign(db: Db, actor: Actor, id: string, input: { reason: string }): Promise<CampaignRow> {
	const parsed = campaignReturnInput.safeParse(input);
	if (!parsed.success) throw new AppError('VALIDATION', { fields: zodIssuesToFields(parsed.error) });
	const reason = parsed.data.reason;
	return transition(db, actor, id, 'return', { patch: () => ({ returnReason: reason }) });
}

/**
 * Issues an approved plan: it becomes public, an undated plan takes today's date in Vietnam, and
 * the plan enters the agency's outgoing register as a Kế hoạch (Decree 30/2020, Art. 15): it takes
 * the next number of the organisation's series, unless the coordinator already typed one (a plan
 * numbered outside LearnWeek), which is kept and registered as typed. The plan goes to the
 * organisations its "Nơi nhận" names, whose leaders are mailed once the plan is issued.
 * Refuses anyone but a unit leader of its node or above, anything but an approved plan, and a
 * typed number the year already holds (CONFLICT, number: field_taken).
 */
export async function issueCampaign(db: Db, actor: Actor, id: string): Promise<CampaignRow> {
	let documentId: string | undefined;
	const row = await transition(db, actor, id, 'issue', {
		prepare: async (tx, c) => {
			const documentDate = c.documentDate ?? todayInVietnam();
			const { recipients, archive } = await matchRecipientOrgs(tx, c.orgId, c.recipients);
			const doc = await issueDocument(
				tx,
				actor,
				{
					orgId: c.orgId,
					type: 'KH',
					summary: c.title,
					campaignId: c.id,
					symbol: c.symbol,
					number: c.number ?? '',
					documentDate,
					signerName: c.signer.name,
					signerPosition: c.signer.position || c.signer.authorityTitle,
					recipients,
					archive: archive ?? 'VT'
				},
				{ notify: false }
			);
			documentId = doc.id;
			// Decree 30/2020, Appendix I §II.3: a number below 10 is written "05".
			const number = c.number ?? formatDocumentNumber(doc.number);
			return { patch: { documentDate, number }, audit: { documentId: doc.id } };
		}
	});
	// Mail after the commit: a rolled-back issue must not have told anyone.
	if (documentId) await notifyDocumentRecipients(db, documentId);
	return row;
}

/** Marks an issued campaign as running; refuses anyone but a coordinator of its node or above and anything but an issued campaign. */
export async function startCampaign(db: Db, actor: Actor, id: string): Promise<CampaignRow> {
	return transition(db, actor, id, 'start');
}

/** Closes a running campaign; refuses anyone but a coordinator of its node or above and anything but a running campaign. */
export async function closeCampaign(db: Db, actor: Actor, id: string): Promise<CampaignRow> {
	return transition(db, actor, id, 'close');
}

/** The actions the actor may take on the campaign now, by role and by status: what the page offers as buttons. */
export function availableCampaignActions(actor: Actor, campaign: CampaignResource): CampaignAction[] {
	const actions: CampaignAction[] = [];
	if (!canActOnCampaign(actor, 'read', campaign)) return actions;
	actions.push('read');
	if (campaign.status === 'draft' && canActOnCampaign(actor, 'update', campaign)) actions.push('update');
	for (const step of Object.keys(CAMPAIGN_TRANSITIONS) as CampaignTransition[]) {
		if (CAMPAIGN_TRANSITIONS[step].from.includes(campaign.status) && canActOnCampaign(actor, step, campaign)) actions.push(step);
	}
	if (canActOnCampaign(actor, 'clone', campaign)) actions.push('clone');
	return actions;
}
