// Registration (M6): places up to the capacity, then a waitlist that moves up by itself when a
// place is freed; guests by name and e-mail or phone; staff registering a citizen on their behalf;
// a consent per purpose, never pre-ticked, kept as an immutable event log.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { CONSENT_NOTICE_VERSION, CONSENT_PURPOSES, type ConsentPurpose } from '$lib/features/activities/types';
import { guestRegistrationInput, memberRegistrationInput, type GuestRegistrationInput, type MemberRegistrationInput } from '$lib/features/activities/inputs';
import {
	countRegistrations,
	insertConsentEvents,
	insertRegistration,
	selectLiveRegistration,
	selectRegistration,
	selectRegistrationByToken,
	updateRegistrationRow
} from '../queries';
import type { ActivityRow, RegistrationRow } from '../tables';
import { loadActivityContext, newTicketCode, newToken, requireReadableActivity, requireStaffedActivity, type ActivityContext } from './activity-context';
import { assertNoDistancing } from './manage-activity';
import { enqueueRegistrationMail } from './registration-mail';
import { fillFreePlaces } from './waitlist';

/** Why registration is closed, as a message key; null when it is open. */
export function registrationClosedReason(activity: ActivityRow, at: Date = now()): string | null {
	if (activity.status === 'cancelled') return 'activities_registration_cancelled';
	if (activity.status !== 'published') return 'activities_registration_not_open';
	if (activity.endsAt <= at) return 'activities_registration_ended';
	return null;
}

interface Registrant {
	userId: string | null;
	name: string;
	email: string | null;
	phone: string | null;
	learnerGroup: string | null;
	consents: ConsentPurpose[];
	assistedBy: Actor | null;
	channel: 'web_form' | 'assisted' | 'api';
}

/**
 * Takes a place (or a waitlist place) inside one transaction that holds the activity's row: two
 * registrations for the last place queue behind each other, so the capacity is never exceeded.
 * The same person (account, e-mail or phone) registered twice is refused (CONFLICT).
 */
async function takePlace(db: Db, actor: Actor, ctx: ActivityContext, who: Registrant): Promise<RegistrationRow> {
	const closed = registrationClosedReason(ctx.activity);
	if (closed) throw new AppError('INVALID_TRANSITION', { fields: { _: closed } });
	await assertNoDistancing(db, ctx.activity).catch((e) => {
		if (e instanceof AppError && e.code === 'VALIDATION') throw new AppError('INVALID_TRANSITION', { fields: { _: 'activities_registration_distancing' }, detail: e.detail });
		throw e;
	});
	const duplicate = () => new AppError('CONFLICT', { fields: { [who.userId ? '_' : who.email ? 'email' : 'phone']: 'activities_already_registered' } });
	return db.transaction(async (tx) => {
		const activity = (await loadActivityContext(tx, ctx.activity.id, { lock: true, campaign: ctx.campaign })).activity;
		if (await selectLiveRegistration(tx, activity.id, who)) throw duplicate();
		const { registered } = await countRegistrations(tx, activity.id);
		const status = activity.capacity === null || registered < activity.capacity ? 'registered' : 'waitlisted';
		const at = now();
		let row: RegistrationRow | undefined;
		// A ticket code already taken (about one in 10¹¹) is drawn again.
		for (let attempt = 0; !row && attempt < 3; attempt++) {
			row = await insertRegistration(tx, {
				id: newId(),
				activityId: activity.id,
				orgId: activity.orgId,
				userId: who.userId,
				name: who.name,
				email: who.email,
				phone: who.phone,
				learnerGroup: who.learnerGroup,
				status,
				ticketCode: newTicketCode(),
				token: newToken(),
				assistedByUserId: who.assistedBy?.userId ?? null,
				assistedByLabel: who.assistedBy ? (who.assistedBy.name ?? actorLabel(who.assistedBy)) : null,
				createdAt: at,
				updatedAt: at
			});
			if (!row && (await selectLiveRegistration(tx, activity.id, who))) throw duplicate();
		}
		if (!row) throw new Error('could not draw a free ticket code');
		await insertConsentEvents(
			tx,
			CONSENT_PURPOSES.map((purpose) => ({
				id: newId(),
				registrationId: row.id,
				orgId: row.orgId,
				purpose,
				granted: who.consents.includes(purpose),
				noticeVersion: CONSENT_NOTICE_VERSION,
				channel: who.channel,
				recordedBy: who.assistedBy ? actorLabel(who.assistedBy) : actor.kind === 'user' ? actorLabel(actor) : null,
				at
			}))
		);
		if (who.assistedBy) {
			await recordAudit(tx, who.assistedBy, { orgId: row.orgId, orgPath: ctx.campaign.orgPath, entity: 'registration', entityId: row.id, action: 'assisted_register', after: { activityId: row.activityId, name: row.name, status: row.status } });
		}
		await enqueueRegistrationMail(tx, row, status === 'registered' ? 'registered' : 'waitlisted');
		return row;
	});
}

/**
 * Registers the signed-in actor (their account's name and e-mail) or a guest (name and e-mail or
 * phone) for a published activity that has not ended. Returns the registration: `registered`
 * while places last, `waitlisted` after. Refuses a draft the actor may not see (NOT_FOUND), a
 * cancelled, unpublished or ended activity and one at a place now under distancing
 * (INVALID_TRANSITION), bad input (VALIDATION) and a second registration of the same person (CONFLICT).
 */
export async function registerForActivity(db: Db, actor: Actor, activityId: string, input: GuestRegistrationInput | MemberRegistrationInput): Promise<RegistrationRow> {
	const ctx = await requireReadableActivity(db, actor, activityId);
	if (actor.kind === 'user' && actor.userId) {
		const data = parseInput(memberRegistrationInput, input);
		return takePlace(db, actor, ctx, {
			userId: actor.userId,
			name: actor.name ?? actor.email ?? '',
			email: actor.email?.toLowerCase() ?? null,
			phone: null,
			learnerGroup: data.learnerGroup,
			consents: data.consents,
			assistedBy: null,
			channel: 'web_form'
		});
	}
	const data = parseInput(guestRegistrationInput, input);
	return takePlace(db, actor, ctx, { userId: null, ...data, assistedBy: null, channel: 'web_form' });
}

/**
 * A staff member of the host unit registers a citizen on their behalf (assisted participation):
 * recorded with who did it, and audited. The citizen's consents are those they gave aloud.
 */
export async function registerOnBehalf(db: Db, actor: Actor, activityId: string, input: GuestRegistrationInput): Promise<RegistrationRow> {
	const ctx = await requireStaffedActivity(db, actor, activityId);
	const data = parseInput(guestRegistrationInput, input);
	return takePlace(db, actor, ctx, { userId: null, ...data, assistedBy: actor, channel: 'assisted' });
}

/** Cancels a registration in the transaction holding its activity, and moves the waitlist up. */
async function cancelInside(db: Db, reg: RegistrationRow, ctx: ActivityContext): Promise<{ registration: RegistrationRow; promoted: RegistrationRow | null }> {
	return db.transaction(async (tx) => {
		const activity = (await loadActivityContext(tx, reg.activityId, { lock: true, campaign: ctx.campaign })).activity;
		const current = await selectRegistration(tx, reg.id, { lock: true });
		if (!current || current.status === 'cancelled') throw new AppError('INVALID_TRANSITION', { fields: { _: 'activities_registration_already_cancelled' } });
		const at = now();
		const cancelled = await updateRegistrationRow(tx, current.id, { status: 'cancelled', cancelledAt: at, updatedAt: at });
		await enqueueRegistrationMail(tx, cancelled, 'cancelled');
		const promoted = current.status === 'registered' ? await fillFreePlaces(tx, activity) : [];
		return { registration: cancelled, promoted: promoted[0] ?? null };
	});
}

/**
 * Cancels by the link in the registrant's mail (the token is the proof). A place freed goes to the
 * first on the waitlist, who is told by mail. NOT_FOUND for an unknown token.
 */
export async function cancelRegistrationByToken(db: Db, token: string): Promise<{ registration: RegistrationRow; promoted: RegistrationRow | null }> {
	const reg = token ? await selectRegistrationByToken(db, token) : undefined;
	if (!reg) throw new AppError('NOT_FOUND');
	const ctx = await loadActivityContext(db, reg.activityId);
	return cancelInside(db, reg, ctx);
}

/** The signed-in registrant cancels their own registration; staff of the activity may cancel anyone's. */
export async function cancelRegistration(db: Db, actor: Actor, registrationId: string): Promise<{ registration: RegistrationRow; promoted: RegistrationRow | null }> {
	const reg = await selectRegistration(db, registrationId);
	if (!reg) throw new AppError('NOT_FOUND');
	const own = actor.kind === 'user' && actor.userId === reg.userId;
	const ctx = own ? await loadActivityContext(db, reg.activityId) : await requireStaffedActivity(db, actor, reg.activityId);
	const result = await cancelInside(db, reg, ctx);
	if (!own) await recordAudit(db, actor, { orgId: reg.orgId, orgPath: ctx.campaign.orgPath, entity: 'registration', entityId: reg.id, action: 'cancel', before: { status: reg.status }, after: { status: 'cancelled' } });
	return result;
}

/** The registration behind a mailed link, with its activity; NOT_FOUND for an unknown token. */
export async function getRegistrationByToken(db: Db, token: string): Promise<{ registration: RegistrationRow; activity: ActivityRow }> {
	const reg = token ? await selectRegistrationByToken(db, token) : undefined;
	if (!reg) throw new AppError('NOT_FOUND');
	const ctx = await loadActivityContext(db, reg.activityId);
	return { registration: reg, activity: ctx.activity };
}

/** A registration by id, for answering a repeated request with what the first one made (no secrets beyond what that caller got). */
export async function getRegistrationById(db: Db, id: string): Promise<RegistrationRow> {
	const reg = await selectRegistration(db, id);
	if (!reg) throw new AppError('NOT_FOUND');
	return reg;
}
