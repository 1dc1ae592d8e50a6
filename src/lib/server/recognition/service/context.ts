// What every recognition use case loads first: the campaign with its node, an entry with the
// facts its policy needs (units, council, conflicts), and the refusal when the actor may not see it.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { systemActor, type Actor } from '../../auth/actor';
import { getCampaign, type CampaignDetail } from '../../campaigns/service';
import { listOrgNodesByIds, type OrgNodeRow } from '../../org/service';
import type { EntryKind } from '../../../features/recognition/types';
import { canReadEntry, type CouncilFacts, type EntryResource } from '../policy';
import { selectCouncil, selectInitiative, selectMembers, selectNomination } from '../queries';
import type { CouncilMemberRow, CouncilRow, InitiativeRow, NominationRow } from '../tables';

const SYSTEM = systemActor('recognition');

/** A campaign with its node, whatever the actor may read of it (the caller applies the policy); NOT_FOUND when unknown. */
export async function requireCampaign(db: Db, campaignId: string): Promise<CampaignDetail> {
	if (!campaignId) throw new AppError('NOT_FOUND');
	return getCampaign(db, SYSTEM, campaignId);
}

/** Nodes by id, as a map. */
export async function nodesById(db: Db, ids: string[]): Promise<Map<string, OrgNodeRow>> {
	return new Map((await listOrgNodesByIds(db, ids.filter(Boolean))).map((n) => [n.id, n]));
}

export interface LoadedCouncil {
	row: CouncilRow;
	members: CouncilMemberRow[];
	facts: CouncilFacts;
}

/** Councils with their members and each member's declared conflicts as paths. */
export async function loadCouncils(db: Db, ids: string[]): Promise<Map<string, LoadedCouncil>> {
	const unique = [...new Set(ids.filter(Boolean))];
	const out = new Map<string, LoadedCouncil>();
	if (!unique.length) return out;
	const rows = (await Promise.all(unique.map((id) => selectCouncil(db, id)))).filter((r): r is CouncilRow => Boolean(r));
	const members = await selectMembers(db, rows.map((r) => r.id));
	const nodes = await nodesById(db, members.flatMap((m) => m.conflictUnitIds));
	for (const row of rows) {
		const mine = members.filter((m) => m.councilId === row.id);
		out.set(row.id, {
			row,
			members: mine,
			facts: {
				status: row.status,
				members: mine.map((m) => ({ userId: m.userId, isChair: m.isChair, conflictPaths: m.conflictUnitIds.map((u) => nodes.get(u)?.path).filter((p): p is string => Boolean(p)) }))
			}
		});
	}
	return out;
}

export type Entry = { kind: 'initiative'; row: InitiativeRow } | { kind: 'nomination'; row: NominationRow };

/** The units an entry touches: for an initiative its submitting unit and its authors' units; for a nomination the nominee's unit. */
export function entryUnitIds(entry: Entry): string[] {
	if (entry.kind === 'initiative') return [...new Set([entry.row.unitId, ...entry.row.authors.map((a) => a.unitId)])];
	return entry.row.unitId ? [entry.row.unitId] : [];
}

export function entrySubmitter(entry: Entry): string | null {
	return entry.kind === 'initiative' ? entry.row.submittedBy : entry.row.nominatedBy;
}

export interface LoadedEntry {
	entry: Entry;
	campaign: CampaignDetail;
	council: LoadedCouncil | null;
	resource: EntryResource;
}

/** Builds the policy's resources for many entries of one campaign at once. */
export async function resourcesOf(db: Db, campaign: CampaignDetail, entries: Entry[]): Promise<Array<{ entry: Entry; council: LoadedCouncil | null; resource: EntryResource }>> {
	const councils = await loadCouncils(db, entries.map((e) => e.row.councilId ?? ''));
	const nodes = await nodesById(db, entries.flatMap(entryUnitIds));
	return entries.map((entry) => {
		const council = entry.row.councilId ? (councils.get(entry.row.councilId) ?? null) : null;
		return {
			entry,
			council,
			resource: {
				campaignOrgPath: campaign.orgPath,
				unitPaths: entryUnitIds(entry)
					.map((id) => nodes.get(id)?.path)
					.filter((p): p is string => Boolean(p)),
				submittedBy: entrySubmitter(entry),
				status: entry.row.status,
				council: council?.facts ?? null
			}
		};
	});
}

/** An entry the actor may read, with its campaign, council and policy resource; NOT_FOUND otherwise (its existence does not leak). */
export async function loadEntry(db: Db, actor: Actor, kind: EntryKind, id: string): Promise<LoadedEntry> {
	const row = kind === 'initiative' ? await selectInitiative(db, id) : await selectNomination(db, id);
	if (!row) throw new AppError('NOT_FOUND');
	const campaign = await requireCampaign(db, row.campaignId);
	const entry = { kind, row } as Entry;
	const [loaded] = await resourcesOf(db, campaign, [entry]);
	if (!canReadEntry(actor, loaded.resource)) throw new AppError('NOT_FOUND');
	return { ...loaded, campaign };
}
