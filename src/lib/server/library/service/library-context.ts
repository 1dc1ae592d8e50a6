// What the library's use cases share: the folded search words, the organisations an actor acts
// on, and the resource as pages see it. Other domains are read as the system, after our policy.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { systemActor, type Actor, type Role } from '../../auth/actor';
import { findOrgNode, listOrgNodesInRoleScope, type OrgNodeRow } from '../../org/service';
import { foldVietnamese } from '$lib/vn/text';
import type { ResourceView } from '$lib/features/library/types';
import { canReadResource } from '../policy';
import { selectResource } from '../queries';
import type { LibraryResourceRow } from '../tables';

export const LIBRARY_SYSTEM = systemActor('library');

/** The folded words of a text in order: letters and digits, so "Học tập (2021)" gives hoc, tap, 2021. */
export function foldedTokens(text: string): string[] {
	return foldVietnamese(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The folded text a resource is searched by (its words in order, one space apart, so a phrase
 * matches across punctuation) and its distinct words.
 */
export function resourceSearchColumns(r: { title: string; description: string; themes: string[] }): { searchText: string; searchWords: string[] } {
	const plain = r.description.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ');
	const tokens = foldedTokens(`${r.title} ${plain} ${r.themes.join(' ')}`);
	return { searchText: tokens.join(' '), searchWords: [...new Set(tokens)] };
}

/** The organisation a resource belongs to, NOT_FOUND when it is gone. */
export async function loadOrg(db: Db, orgId: string): Promise<OrgNodeRow> {
	const org = await findOrgNode(db, orgId);
	if (!org) throw new AppError('NOT_FOUND');
	return org;
}

/** The nodes at or below those where the actor holds one of `roles` (every node for the system). */
export async function orgsInScope(db: Db, actor: Actor, roles: readonly Role[]): Promise<OrgNodeRow[]> {
	return listOrgNodesInRoleScope(db, actor, roles);
}

/** The resource with its organisation if the actor may read it; NOT_FOUND otherwise (drafts do not betray their existence). */
export async function requireReadableResource(db: Db, actor: Actor, id: string): Promise<{ row: LibraryResourceRow; org: OrgNodeRow }> {
	const row = await selectResource(db, id);
	if (!row) throw new AppError('NOT_FOUND');
	const org = await loadOrg(db, row.orgId);
	if (!canReadResource(actor, { orgPath: org.path, status: row.status })) throw new AppError('NOT_FOUND');
	return { row, org };
}

export function toResourceView(r: LibraryResourceRow): ResourceView {
	return {
		id: r.id,
		orgId: r.orgId,
		kind: r.kind,
		title: r.title,
		descriptionHtml: r.description,
		learnerGroups: r.learnerGroups,
		themes: r.themes,
		competenceAreas: r.competenceAreas,
		language: r.language,
		durationMinutes: r.durationMinutes,
		licence: r.licence,
		source: r.source,
		url: r.url,
		fileName: r.fileName,
		status: r.status,
		publishedAt: r.publishedAt
	};
}
