// Finding resources: the public search, one resource, the back-office list, a resource's file.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { parseInput } from '../../core/http';
import { readStoredFile } from '../../core/storage';
import type { Actor } from '../../auth/actor';
import { librarySearchQuery, type LibrarySearchQuery } from '$lib/features/library/inputs';
import { LIBRARY_PAGE_SIZE, type ResourceView } from '$lib/features/library/types';
import { RESOURCE_EDITORS, canEditResources } from '../policy';
import { selectResources } from '../queries';
import { foldedTokens, orgsInScope, requireReadableResource, toResourceView } from './library-context';

export interface ResourcePage {
	items: ResourceView[];
	page: number;
	hasNext: boolean;
}

/** A word this short is matched whole: as a beginning it would match most of the library. */
const SHORTEST_PREFIX = 3;

/**
 * Every word but the last must be a whole word of the resource (the index finds those); the
 * phrase keeps their order and lets the last word be the beginning of one, as people type.
 */
function searchOf(query: LibrarySearchQuery) {
	const q = parseInput(librarySearchQuery, query);
	const tokens = foldedTokens(q.q);
	const last = tokens.at(-1) ?? '';
	const whole = tokens.length === 1 && last.length < SHORTEST_PREFIX ? tokens : tokens.slice(0, -1);
	return { q, words: [...new Set(whole)], phrase: tokens.join(' ') };
}

/**
 * Searches the published resources of every organisation: every word of `q` (diacritics and case
 * ignored, "hoc tap" finds "Học tập"; the last word may be unfinished, "hoc ta" finds it too) in the
 * title, description or themes, in that order, and the filters; newest first, LIBRARY_PAGE_SIZE a page. Refuses nothing: bad filters are ignored.
 */
export async function searchLibrary(db: Db, query: LibrarySearchQuery = {}): Promise<ResourcePage> {
	const { q, words, phrase } = searchOf(query);
	const rows = await selectResources(db, { words, phrase, kind: q.kind, group: q.group, competence: q.competence, language: q.language, publishedOnly: true, limit: LIBRARY_PAGE_SIZE, offset: (q.page - 1) * LIBRARY_PAGE_SIZE });
	return { items: rows.slice(0, LIBRARY_PAGE_SIZE).map(toResourceView), page: q.page, hasNext: rows.length > LIBRARY_PAGE_SIZE };
}

/** A resource: a published one for anyone, a draft for its editors; NOT_FOUND otherwise. `canEdit` tells pages whether to offer editing. */
export async function getResource(db: Db, actor: Actor, id: string): Promise<ResourceView & { orgName: string; canEdit: boolean; version: number }> {
	const { row, org } = await requireReadableResource(db, actor, id);
	return { ...toResourceView(row), orgName: org.name, canEdit: canEditResources(actor, { orgPath: org.path }), version: row.version };
}

/** Lists, for the back office, the resources (drafts too) of the organisations the actor edits for; refuses anyone who edits none (FORBIDDEN). */
export async function listManagedResources(db: Db, actor: Actor, query: LibrarySearchQuery = {}): Promise<ResourcePage & { orgs: Array<{ id: string; name: string }> }> {
	if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
	const orgs = await orgsInScope(db, actor, RESOURCE_EDITORS);
	if (!orgs.length) throw new AppError('FORBIDDEN');
	const { q, words, phrase } = searchOf(query);
	const rows = await selectResources(db, { words, phrase, kind: q.kind, group: q.group, competence: q.competence, language: q.language, orgIds: orgs.map((o) => o.id), publishedOnly: false, limit: LIBRARY_PAGE_SIZE, offset: (q.page - 1) * LIBRARY_PAGE_SIZE });
	return { items: rows.slice(0, LIBRARY_PAGE_SIZE).map(toResourceView), page: q.page, hasNext: rows.length > LIBRARY_PAGE_SIZE, orgs: orgs.map((o) => ({ id: o.id, name: o.name })) };
}

/** The uploaded file of a resource the actor may read; NOT_FOUND when there is none. */
export async function readResourceFile(db: Db, actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string; contentType: string }> {
	const { row } = await requireReadableResource(db, actor, id);
	if (!row.fileKey) throw new AppError('NOT_FOUND');
	return { bytes: await readStoredFile(row.fileKey), fileName: row.fileName ?? 'tai-lieu', contentType: row.fileType ?? 'application/octet-stream' };
}
