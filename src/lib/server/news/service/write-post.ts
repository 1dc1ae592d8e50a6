// Writing posts: a writer of a unit creates and edits a post with its cover image.
import sharp from 'sharp';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { detectFileKind, putFile } from '../../core/storage';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { findOrgNode } from '../../org/service';
import { getCampaign } from '../../campaigns/service';
import { foldVietnamese } from '$lib/vn/text';
import { newsPostInput, type NewsPostInput, type NewsPostInputData } from '$lib/features/news/inputs';
import { NEWS_COVER_MAX_BYTES, NEWS_COVER_WIDTH } from '$lib/features/news/types';
import { canEditPost, canReadPostDraft, canWritePostFor } from '../policy';
import { insertPost, selectSlugTaken, updatePostRow } from '../queries';
import type { NewsPostRow } from '../tables';
import { loadPost, NEWS_SYSTEM, postAuditView, sanitizePostHtml } from './post-context';

/** A cover as uploaded: the bytes and the name on the writer's device. */
export interface CoverUpload {
	bytes: Uint8Array;
	name?: string;
}

/**
 * Checks and stores a cover: an image (PNG, JPEG or WebP by its bytes) of at most 5 MB, resized
 * to 1200 px wide at most and stored as JPEG (what every share preview reads). Refuses a larger
 * file (TOO_LARGE) and anything else (UNSUPPORTED_TYPE), before anything is stored.
 */
async function storeCover(cover: CoverUpload): Promise<{ key: string; contentType: string }> {
	if (cover.bytes.byteLength > NEWS_COVER_MAX_BYTES) throw new AppError('TOO_LARGE', { fields: { cover: 'news_cover_too_large' }, detail: { maxBytes: NEWS_COVER_MAX_BYTES } });
	if (!['png', 'jpeg', 'webp'].includes(detectFileKind(cover.bytes).kind)) throw new AppError('UNSUPPORTED_TYPE', { fields: { cover: 'news_cover_not_image' } });
	let resized: Buffer;
	try {
		resized = await sharp(cover.bytes).rotate().resize({ width: NEWS_COVER_WIDTH, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
	} catch {
		// The first bytes said image, the rest did not: a truncated or forged file.
		throw new AppError('UNSUPPORTED_TYPE', { fields: { cover: 'news_cover_not_image' } });
	}
	const stored = await putFile(resized, { prefix: 'news-covers', maxBytes: NEWS_COVER_MAX_BYTES, accept: ['jpeg'] });
	return { key: stored.key, contentType: stored.contentType };
}

/** The readable part of a post's address: its title folded to ASCII words joined by hyphens. */
export function slugify(title: string): string {
	return (
		foldVietnamese(title)
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80)
			.replace(/-+$/, '') || 'bai-viet'
	);
}

async function uniqueSlug(db: Db, title: string, id: string): Promise<string> {
	const base = slugify(title);
	return (await selectSlugTaken(db, base)) ? `${base}-${id.slice(0, 8)}` : base;
}

function searchText(data: { title: string; summary: string; tags: string[] }, bodyHtml: string): string {
	const bodyText = bodyHtml.replace(/<[^>]+>/g, ' ');
	return foldVietnamese(`${data.title} ${data.summary} ${data.tags.join(' ')} ${bodyText}`);
}

/** Checks the post's cover alt text and campaign; VALIDATION when a cover has no alt text or the campaign is unknown. */
async function checkPostInput(db: Db, data: NewsPostInputData, hasCover: boolean): Promise<void> {
	if (hasCover && !data.coverAlt) throw new AppError('VALIDATION', { fields: { coverAlt: 'news_cover_alt_required' } });
	if (data.campaignId) {
		try {
			await getCampaign(db, NEWS_SYSTEM, data.campaignId);
		} catch (e) {
			if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('VALIDATION', { fields: { campaignId: 'field_invalid' } });
			throw e;
		}
	}
}

/**
 * Starts a draft post of `unitId` with its body sanitised and its cover resized, and writes the
 * audit entry. Refuses an unknown unit (NOT_FOUND), anyone but its staff, leaders or coordinators
 * (FORBIDDEN), bad input (VALIDATION: an empty title, a cover without alt text, an unknown
 * campaign), a cover that is not an image (UNSUPPORTED_TYPE) or too large (TOO_LARGE).
 */
export async function createPost(db: Db, actor: Actor, unitId: string, input: NewsPostInput, cover?: CoverUpload): Promise<NewsPostRow> {
	const unit = await findOrgNode(db, unitId);
	if (!unit) throw new AppError('NOT_FOUND');
	if (!canWritePostFor(actor, unit)) throw new AppError('FORBIDDEN');
	const data = parseInput(newsPostInput, input);
	await checkPostInput(db, data, Boolean(cover));
	const stored = cover ? await storeCover(cover) : undefined;
	const bodyHtml = sanitizePostHtml(data.bodyHtml);
	const id = newId();
	const at = now();
	return db.transaction(async (tx) => {
		const row = await insertPost(tx, {
			id,
			orgId: unit.id,
			unitPath: unit.path,
			campaignId: data.campaignId,
			slug: await uniqueSlug(tx, data.title, id),
			title: data.title,
			summary: data.summary,
			bodyHtml,
			coverKey: stored?.key ?? null,
			coverContentType: stored?.contentType ?? null,
			coverAlt: stored ? data.coverAlt : '',
			tags: data.tags,
			status: 'draft',
			searchText: searchText(data, bodyHtml),
			authorLabel: actor.name ?? actorLabel(actor),
			createdBy: actor.userId ?? actorLabel(actor),
			createdAt: at,
			updatedAt: at
		});
		await recordAudit(tx, actor, { orgId: unit.id, orgPath: unit.path, entity: 'news_post', entityId: row.id, action: 'create', after: postAuditView(row) });
		return row;
	});
}

/**
 * Changes a post's text, tags, campaign or cover (a new cover replaces the old; without one the
 * old is kept). Refuses what createPost refuses, a post the actor may not see (NOT_FOUND), one it
 * may not edit in its status (FORBIDDEN), and an edit from an older version (STALE).
 */
export async function updatePost(db: Db, actor: Actor, postId: string, input: NewsPostInput, options: { cover?: CoverUpload; expectedVersion?: number } = {}): Promise<NewsPostRow> {
	const post = await loadPost(db, postId);
	if (!canReadPostDraft(actor, post)) throw new AppError('NOT_FOUND');
	if (!canEditPost(actor, post)) throw new AppError('FORBIDDEN');
	const data = parseInput(newsPostInput, input);
	await checkPostInput(db, data, Boolean(options.cover || post.coverKey));
	const stored = options.cover ? await storeCover(options.cover) : undefined;
	const bodyHtml = sanitizePostHtml(data.bodyHtml);
	return db.transaction(async (tx) => {
		const current = await loadPost(tx, post.id, { lock: true });
		if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) throw new AppError('STALE');
		const row = await updatePostRow(tx, current.id, {
			campaignId: data.campaignId,
			title: data.title,
			summary: data.summary,
			bodyHtml,
			...(stored ? { coverKey: stored.key, coverContentType: stored.contentType } : {}),
			coverAlt: stored || current.coverKey ? data.coverAlt : '',
			tags: data.tags,
			searchText: searchText(data, bodyHtml),
			updatedAt: now()
		});
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: row.unitPath, entity: 'news_post', entityId: row.id, action: 'update', before: postAuditView(current), after: postAuditView(row) });
		return row;
	});
}
