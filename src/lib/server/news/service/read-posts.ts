// Reading posts: the public list and page (with what sharing needs), and the back office's lists.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { settings } from '../../core/env';
import { readStoredFile } from '../../core/storage';
import { anonymousActor, hasRoleAnywhere, scopePaths, type Actor } from '../../auth/actor';
import { findOrgNode, listOrgNodesByIds, type OrgNodeRow } from '../../org/service';
import { getCampaign, listPublicCampaigns, type CampaignDetail } from '../../campaigns/service';
import { qrSvg } from '../../core/qr';
import { foldVietnamese } from '$lib/vn/text';
import type { NewsPostStatus } from '$lib/features/news/types';
import { canEditPost, canLogChannel, canReadPostDraft, canReviewPost, NEWS_TRANSITIONS, NEWS_WRITERS, transitionAllowed, canTransitionPost, type NewsTransition } from '../policy';
import { selectChannelEntries, selectPostsUnderPaths, selectPublishedPosts, selectPublishedTags } from '../queries';
import type { NewsChannelEntryRow, NewsPostRow } from '../tables';
import { loadPost, NEWS_SYSTEM, requireReadablePost } from './post-context';

export const NEWS_PAGE_SIZE = 20;

/** The absolute address of a path of the site, for feeds, share links and Open Graph. */
export function absoluteUrl(path: string): string {
	return `${settings().ORIGIN.replace(/\/$/, '')}${path}`;
}

/** The public address of a post. */
export function postPath(post: Pick<NewsPostRow, 'slug'>): string {
	return `/news/${post.slug}`;
}

/** A campaign readable by the public, or undefined (a draft plan's posts name no campaign publicly). */
async function findPublicCampaign(db: Db, campaignId: string | null): Promise<CampaignDetail | undefined> {
	if (!campaignId) return undefined;
	try {
		return await getCampaign(db, anonymousActor, campaignId);
	} catch (e) {
		if (e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) return undefined;
		throw e;
	}
}

export interface PublicNewsList {
	posts: NewsPostRow[];
	tags: string[];
	query: string;
	tag: string;
	page: number;
	hasMore: boolean;
}

/** Published posts, newest first, filtered by words typed with or without diacritics ("hoc tap" finds "học tập") and by a tag; refuses nothing. */
export async function listPublicPosts(db: Db, options: { q?: string; tag?: string; page?: number } = {}): Promise<PublicNewsList> {
	const query = (options.q ?? '').trim().slice(0, 200);
	const tag = (options.tag ?? '').trim().slice(0, 50);
	const page = Math.max(1, Math.min(1000, Math.floor(options.page ?? 1)));
	const foldedWords = foldVietnamese(query).split(' ').filter(Boolean).slice(0, 10);
	const rows = await selectPublishedPosts(db, { foldedWords, tag: tag || undefined, limit: NEWS_PAGE_SIZE + 1, offset: (page - 1) * NEWS_PAGE_SIZE });
	return { posts: rows.slice(0, NEWS_PAGE_SIZE), tags: await selectPublishedTags(db), query, tag, page, hasMore: rows.length > NEWS_PAGE_SIZE };
}

/** The links of the share buttons: sites' own share addresses, opened by the visitor; no script of theirs is loaded. */
export interface ShareLinks {
	url: string;
	facebook: string;
	zalo: string;
	viber: string;
	qrSvg: string;
}

/** The share links and QR code for an absolute `url` titled `title`. */
export async function shareLinks(url: string, title: string, qrLabel: string): Promise<ShareLinks> {
	const u = encodeURIComponent(url);
	return {
		url,
		facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
		// Zalo's share page takes the link as `u`; Viber's app takes the text (title and link) as `text`.
		zalo: `https://sp.zalo.me/share_to_zalo?u=${u}`,
		viber: `viber://forward?text=${encodeURIComponent(`${title} ${url}`)}`,
		qrSvg: await qrSvg(url, qrLabel)
	};
}

export interface PublicPost {
	post: NewsPostRow;
	campaign: { id: string; title: string; themes: string[] } | null;
	unit: { id: string; name: string } | null;
	url: string;
	imageUrl: string;
}

/** A post for its public page, by slug or id: a published one for everyone, others only for the back office (preview). NOT_FOUND otherwise. */
export async function getPublicPost(db: Db, actor: Actor, idOrSlug: string): Promise<PublicPost> {
	const post = await requireReadablePost(db, actor, idOrSlug);
	const campaign = await findPublicCampaign(db, post.campaignId);
	const unit = await findOrgNode(db, post.orgId);
	return {
		post,
		campaign: campaign ? { id: campaign.id, title: campaign.title, themes: campaign.themes } : null,
		unit: unit ? { id: unit.id, name: unit.name } : null,
		url: absoluteUrl(postPath(post)),
		imageUrl: absoluteUrl(`/news/${post.id}/share.png`)
	};
}

/** The stored cover of a post the actor may read; NOT_FOUND when there is none. */
export async function readPostCover(db: Db, actor: Actor, idOrSlug: string): Promise<{ bytes: Buffer; contentType: string }> {
	const post = await requireReadablePost(db, actor, idOrSlug);
	if (!post.coverKey) throw new AppError('NOT_FOUND');
	return { bytes: await readStoredFile(post.coverKey), contentType: post.coverContentType ?? 'image/jpeg' };
}

export interface BackOfficePostItem {
	post: NewsPostRow;
	unitName: string;
}

/** The posts of the units where the actor writes or reviews, optionally of one status, newest change first; empty for anyone else. */
export async function listBackOfficePosts(db: Db, actor: Actor, options: { status?: NewsPostStatus } = {}): Promise<BackOfficePostItem[]> {
	const paths = actor.kind === 'system' ? ('all' as const) : scopePaths(actor, NEWS_WRITERS);
	const rows = await selectPostsUnderPaths(db, { paths, status: options.status, limit: 500 });
	const units = new Map((await listOrgNodesByIds(db, [...new Set(rows.map((r) => r.orgId))])).map((n) => [n.id, n.name]));
	return rows.map((post) => ({ post, unitName: units.get(post.orgId) ?? '' }));
}

/** The units where the actor may start a post (their granted nodes), for the editor's select. */
export async function listWritableUnits(db: Db, actor: Actor): Promise<OrgNodeRow[]> {
	if (!hasRoleAnywhere(actor, NEWS_WRITERS)) return [];
	const ids = [...new Set(actor.grants.filter((g) => NEWS_WRITERS.includes(g.role)).map((g) => g.orgId))];
	return listOrgNodesByIds(db, ids);
}

export interface BackOfficePost {
	post: NewsPostRow;
	unitName: string;
	channels: NewsChannelEntryRow[];
	can: { edit: boolean; review: boolean; logChannel: boolean; transitions: NewsTransition[] };
}

/** A post for the back office with what the actor may do with it. NOT_FOUND for a post the actor may not see. */
export async function getBackOfficePost(db: Db, actor: Actor, postId: string): Promise<BackOfficePost> {
	const post = await loadPost(db, postId);
	if (!canReadPostDraft(actor, post)) throw new AppError('NOT_FOUND');
	const unit = await findOrgNode(db, post.orgId);
	const transitions = (Object.keys(NEWS_TRANSITIONS) as NewsTransition[]).filter((t) => transitionAllowed(post, t) && canTransitionPost(actor, post, t));
	return {
		post,
		unitName: unit?.name ?? '',
		channels: await selectChannelEntries(db, post.id),
		can: { edit: canEditPost(actor, post), review: canReviewPost(actor, post), logChannel: canLogChannel(actor, post), transitions }
	};
}

/** A campaign's details for news pages, as the news domain reads them (NOT_FOUND when it does not exist). */
export async function getNewsCampaign(db: Db, campaignId: string): Promise<CampaignDetail> {
	return getCampaign(db, NEWS_SYSTEM, campaignId);
}


export interface NewsEditorOptions {
	units: Array<{ value: string; label: string }>;
	campaigns: Array<{ value: string; label: string; themes: string[] }>;
}

/** The units the actor writes for and the public campaigns a post may belong to, for the editor's selects. */
export async function listNewsEditorOptions(db: Db, actor: Actor): Promise<NewsEditorOptions> {
	const units = await listWritableUnits(db, actor);
	const campaigns = await listPublicCampaigns(db, { limit: 200 });
	return {
		units: units.map((u) => ({ value: u.id, label: u.name })),
		campaigns: campaigns.map((c) => ({ value: c.id, label: `${c.title} (${c.year}) — ${c.orgName}`, themes: c.themes }))
	};
}
