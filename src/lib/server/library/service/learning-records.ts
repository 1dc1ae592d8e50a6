// Learning records (M15): what a person learnt, how long, what they thought of it; their log with
// hours per campaign; and the yearly "Công dân học tập" self-check.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now, todayInVietnam } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import type { Actor } from '../../auth/actor';
import { getCampaign, listPublicCampaigns } from '../../campaigns/service';
import { isPublicCampaignStatus } from '$lib/features/campaigns/types';
import { learningRecordInput, selfCheckInput, type LearningRecordInput, type SelfCheckInput } from '$lib/features/library/inputs';
import type { CapacityLevel } from '$lib/features/library/types';
import { canRecordLearning } from '../policy';
import { selectRecord, selectRecordsOfUser, selectSelfCheck, upsertRecord, upsertSelfCheck } from '../queries';
import type { CitizenSelfCheckRow, LearningRecordRow } from '../tables';
import { LIBRARY_SYSTEM, requireReadableResource } from './library-context';

function requireUser(actor: Actor): string {
	if (actor.kind !== 'user' || !actor.userId) throw new AppError('UNAUTHENTICATED');
	return actor.userId;
}

/** The campaign a record counts for: the one named (it must be public), else the running or latest public campaign of the resource's organisation. */
async function campaignFor(db: Db, orgId: string, named: string | null): Promise<string | null> {
	if (named) {
		const c = await getCampaign(db, LIBRARY_SYSTEM, named).catch((e) => {
			if (e instanceof AppError && e.code === 'NOT_FOUND') return undefined;
			throw e;
		});
		if (!c || !isPublicCampaignStatus(c.status)) throw new AppError('VALIDATION', { fields: { campaignId: 'field_invalid' } });
		return c.id;
	}
	const own = (await listPublicCampaigns(db, { limit: 500 })).filter((c) => c.orgId === orgId);
	return (own.find((c) => c.status === 'running') ?? own[0])?.id ?? null;
}

/**
 * Records that the signed-in person started or completed a published resource, with the minutes
 * spent and a reflection; a second record of the same resource replaces the first (a completion
 * keeps its first date). Refuses visitors (UNAUTHENTICATED), a resource they cannot read or a
 * draft (NOT_FOUND) and bad input (VALIDATION: minutes beyond a day, an unknown campaign).
 */
export async function recordLearning(db: Db, actor: Actor, resourceId: string, input: LearningRecordInput): Promise<LearningRecordRow> {
	const userId = requireUser(actor);
	const { row: resource, org } = await requireReadableResource(db, actor, resourceId);
	if (!canRecordLearning(actor, { orgPath: org.path, status: resource.status })) throw new AppError('NOT_FOUND');
	const data = parseInput(learningRecordInput, input);
	const campaignId = await campaignFor(db, resource.orgId, data.campaignId);
	const at = now();
	const previous = await selectRecord(db, userId, resourceId);
	return upsertRecord(db, {
		id: newId(),
		userId,
		resourceId,
		orgId: resource.orgId,
		campaignId,
		status: data.status,
		minutes: data.minutes,
		reflection: data.reflection,
		startedAt: at,
		completedAt: data.status === 'completed' ? (previous?.completedAt ?? at) : null,
		updatedAt: at
	});
}

/** The signed-in person's record of a resource, if any. */
export async function findMyRecord(db: Db, actor: Actor, resourceId: string): Promise<LearningRecordRow | undefined> {
	if (actor.kind !== 'user' || !actor.userId) return undefined;
	return selectRecord(db, actor.userId, resourceId);
}

export interface LearningLog {
	records: Array<LearningRecordRow & { title: string; kind: string }>;
	/** Minutes per campaign, the campaign's title beside; `campaignId` null for learning outside any Week. */
	perCampaign: Array<{ campaignId: string | null; title: string | null; minutes: number; completions: number }>;
	totalMinutes: number;
}

/** The signed-in person's learning log: every record, and minutes per campaign. Refuses visitors (UNAUTHENTICATED). */
export async function getMyLearning(db: Db, actor: Actor): Promise<LearningLog> {
	const userId = requireUser(actor);
	const records = await selectRecordsOfUser(db, userId);
	const sums = new Map<string | null, { minutes: number; completions: number }>();
	for (const r of records) {
		const s = sums.get(r.campaignId) ?? { minutes: 0, completions: 0 };
		s.minutes += r.minutes;
		if (r.status === 'completed') s.completions += 1;
		sums.set(r.campaignId, s);
	}
	const perCampaign = await Promise.all(
		[...sums].map(async ([campaignId, s]) => ({
			campaignId,
			title: campaignId ? ((await getCampaign(db, LIBRARY_SYSTEM, campaignId).catch(() => undefined))?.title ?? null) : null,
			...s
		}))
	);
	return { records, perCampaign, totalMinutes: records.reduce((n, r) => n + r.minutes, 0) };
}

/** The current year in Vietnam. */
export function currentYear(): number {
	return Number(todayInVietnam().slice(0, 4));
}

/** Saves the signed-in person's self-check of the year (one per person per year; saving again replaces it). Refuses visitors (UNAUTHENTICATED) and bad input (VALIDATION). */
export async function saveSelfCheck(db: Db, actor: Actor, input: SelfCheckInput): Promise<CitizenSelfCheckRow> {
	const userId = requireUser(actor);
	const data = parseInput(selfCheckInput, input);
	return upsertSelfCheck(db, { userId, year: data.year, levels: data.levels, updatedAt: now() });
}

/** The signed-in person's self-check of `year`, if saved. */
export async function getSelfCheck(db: Db, actor: Actor, year: number): Promise<Record<string, CapacityLevel> | undefined> {
	const userId = requireUser(actor);
	return (await selectSelfCheck(db, userId, year))?.levels as Record<string, CapacityLevel> | undefined;
}
