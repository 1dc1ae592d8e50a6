// The directory of free educational apps for children (M12): partners and staff propose, the
// coordinator approves or refuses, the public reads what was approved.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { parseInput } from '../../core/http';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { findOrgNode, listOrgNodesByIds } from '../../org/service';
import { cleanText, foldVietnamese, vietnameseCollator } from '$lib/vn/text';
import { eduAppInput, eduAppReviewInput, type EduAppInput, type EduAppReviewInput } from '$lib/features/partners/inputs';
import type { EduAppFilters, EduAppItem, EduAppPlatform, EduAppReviewItem, OrgOption } from '$lib/features/partners/types';
import { canProposeEduApp, canReviewEduApp, canSeeOrg, EDU_APP_PROPOSERS, EDU_APP_REVIEWERS } from '../policy';
import { insertEduApp, selectApprovedEduApps, selectEduApp, selectEduAppsOfOrgs, selectEduAppsProposedBy, selectLiveEduAppWithUrl, selectPartnersByIds, updateEduAppRow } from '../queries';
import type { EduAppRow } from '../tables';
import { nodesReachedBy } from './partner-context';
import { partnersOfActor } from './read-partners';

function publicItem(a: EduAppRow): EduAppItem {
	return { id: a.id, name: a.name, ageMin: a.ageMin, ageMax: a.ageMax, platforms: a.platforms as EduAppPlatform[], url: a.url, licence: a.licence, description: a.description };
}

/** What the audit log keeps of an app. */
function auditView(a: EduAppRow) {
	return { orgId: a.orgId, partnerId: a.partnerId, name: a.name, ageMin: a.ageMin, ageMax: a.ageMax, platforms: a.platforms, url: a.url, licence: a.licence, status: a.status, reviewNote: a.reviewNote };
}

/**
 * Proposes a free educational app for the directory of the organisation `orgId`; a partner's
 * account proposes it for its partner (partnerId set). Refuses an organisation the actor has no
 * role on, above or below (NOT_FOUND), anyone but a partner account, staff, unit leader or
 * coordinator there (FORBIDDEN), bad input (VALIDATION: ageMax partners_age_order when the ages are
 * the wrong way round, url partners_url_https for anything but an https address, platforms
 * partners_platforms_required), and an app already proposed or listed there (CONFLICT, url).
 */
export async function proposeEduApp(db: Db, actor: Actor, orgId: string, input: EduAppInput): Promise<EduAppRow> {
	const org = await findOrgNode(db, orgId);
	const related = org && (canSeeOrg(actor, org) || actor.kind === 'system' || actor.grants.some((g) => g.orgPath.startsWith(org.path)));
	if (!org || !related) throw new AppError('NOT_FOUND');
	if (!canProposeEduApp(actor, org)) throw new AppError('FORBIDDEN');
	const data = parseInput(eduAppInput, input);
	if (await selectLiveEduAppWithUrl(db, org.id, data.url)) throw new AppError('CONFLICT', { fields: { url: 'partners_app_exists' } });
	const partnerNodes = new Set(actor.grants.filter((g) => g.role === 'partner' && g.orgPath.startsWith(org.path)).map((g) => g.orgId));
	const partner = (await partnersOfActor(db, actor)).find((p) => partnerNodes.has(p.nodeId));
	const at = now();
	return db.transaction(async (tx) => {
		const row = await insertEduApp(tx, {
			id: newId(),
			orgId: org.id,
			partnerId: partner?.id ?? null,
			name: data.name,
			ageMin: data.ageMin,
			ageMax: data.ageMax,
			platforms: data.platforms,
			url: data.url,
			licence: data.licence,
			description: data.description,
			status: 'proposed',
			proposedBy: actor.userId ?? null,
			searchText: foldVietnamese(`${data.name} ${data.description}`),
			createdAt: at,
			updatedAt: at
		});
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'edu_app', entityId: row.id, action: 'propose', after: auditView(row) });
		return row;
	});
}

/**
 * Approves an app for the public directory or refuses it with a note for the proposer; an approved
 * app may later be withdrawn (refused) and a refused one approved. Writes the audit entry. Refuses
 * an app the actor may not see (NOT_FOUND), anyone but a coordinator of the app's organisation or
 * above (FORBIDDEN), the decision the app already has (INVALID_TRANSITION) and a refusal without
 * a note (VALIDATION, note: partners_review_note_required).
 */
export async function reviewEduApp(db: Db, actor: Actor, appId: string, input: EduAppReviewInput): Promise<EduAppRow> {
	const app = await selectEduApp(db, appId);
	const org = app && (await findOrgNode(db, app.orgId));
	const own = app && actor.kind === 'user' && app.proposedBy === actor.userId;
	if (!app || !org || !(canSeeOrg(actor, org) || own)) throw new AppError('NOT_FOUND');
	if (!canReviewEduApp(actor, org)) throw new AppError('FORBIDDEN');
	const data = parseInput(eduAppReviewInput, input);
	return db.transaction(async (tx) => {
		const current = (await selectEduApp(tx, app.id, { lock: true }))!;
		if (current.status === data.decision) throw new AppError('INVALID_TRANSITION');
		const at = now();
		const row = await updateEduAppRow(tx, current.id, { status: data.decision, reviewNote: data.note, reviewedBy: actor.userId ?? actor.name ?? actor.kind, reviewedAt: at, updatedAt: at });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'edu_app', entityId: row.id, action: data.decision === 'approved' ? 'approve' : 'reject', before: auditView(current), after: auditView(row) });
		return row;
	});
}

/**
 * Lists the approved apps of every organisation for the public, by name (an app several
 * organisations approved appears once): `q` matches words of the name or description whatever
 * the diacritics ("hoc toan" finds "Học toán"), `age` keeps apps made for that age, `platform` and
 * `licence` keep those that run there or are licensed so. Refuses nothing.
 */
export async function listPublicEduApps(db: Db, filters: EduAppFilters = {}): Promise<EduAppItem[]> {
	const words = filters.q ? foldVietnamese(cleanText(filters.q)).split(' ').filter(Boolean).slice(0, 10) : [];
	const rows = await selectApprovedEduApps(db, { words, age: filters.age, platform: filters.platform, licence: filters.licence });
	const seen = new Set<string>();
	const unique = rows.filter((a) => !seen.has(a.url) && Boolean(seen.add(a.url)));
	return unique.map(publicItem).sort((a, b) => vietnameseCollator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

async function reviewItems(db: Db, rows: EduAppRow[]): Promise<EduAppReviewItem[]> {
	const orgs = new Map((await listOrgNodesByIds(db, rows.map((r) => r.orgId))).map((n) => [n.id, n.name]));
	const partners = new Map((await selectPartnersByIds(db, [...new Set(rows.flatMap((r) => (r.partnerId ? [r.partnerId] : [])))])).map((p) => [p.id, p.name]));
	return rows.map((a) => ({
		...publicItem(a),
		orgId: a.orgId,
		orgName: orgs.get(a.orgId) ?? '',
		partnerName: a.partnerId ? (partners.get(a.partnerId) ?? null) : null,
		status: a.status,
		reviewNote: a.reviewNote,
		proposedAt: a.createdAt.toISOString()
	}));
}

/** Lists the proposed apps awaiting the actor's decision (of the organisations where it coordinates, or below), oldest first; empty for anyone else. */
export async function listEduAppsForReview(db: Db, actor: Actor): Promise<EduAppReviewItem[]> {
	const nodes = await nodesReachedBy(db, actor, EDU_APP_REVIEWERS);
	return reviewItems(db, await selectEduAppsOfOrgs(db, nodes.map((n) => n.id), ['proposed']));
}

/** Lists the apps the actor proposed, newest first, with the decision and its note. */
export async function listMyEduApps(db: Db, actor: Actor): Promise<EduAppReviewItem[]> {
	if (actor.kind !== 'user' || !actor.userId) return [];
	return reviewItems(db, await selectEduAppsProposedBy(db, actor.userId));
}

/**
 * The organisations whose directory the actor may propose apps for: the agency of each partner it
 * is an account of, and each node where it is staff, unit leader or coordinator.
 */
export async function listEduAppProposalOrgs(db: Db, actor: Actor): Promise<OrgOption[]> {
	const partnerAgencies = (await partnersOfActor(db, actor)).map((p) => p.orgId);
	const own = actor.grants.filter((g) => g.role !== 'partner' && EDU_APP_PROPOSERS.includes(g.role)).map((g) => g.orgId);
	const nodes = await listOrgNodesByIds(db, [...partnerAgencies, ...own]);
	return nodes
		.filter((n) => canProposeEduApp(actor, n))
		.sort((a, b) => a.path.split('/').length - b.path.split('/').length || vietnameseCollator.compare(a.name, b.name))
		.map((n) => ({ id: n.id, name: n.name }));
}
