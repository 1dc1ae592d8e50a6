// What every news use case loads first: the post and the facts the policy decides on.
import sanitizeHtml from 'sanitize-html';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { systemActor, type Actor } from '../../auth/actor';
import { sanitizeSectionHtml } from '../../campaigns/service';
import { canReadPost } from '../policy';
import { selectPost } from '../queries';
import type { NewsPostRow } from '../tables';

/** The news domain reads campaigns and units as the system, after its own policy. */
export const NEWS_SYSTEM = systemActor('news');

/** Loads a post by id or slug; NOT_FOUND when there is none. */
export async function loadPost(db: Db, idOrSlug: string, options: { lock?: boolean } = {}): Promise<NewsPostRow> {
	const post = await selectPost(db, idOrSlug, options);
	if (!post) throw new AppError('NOT_FOUND');
	return post;
}

/** The post if the actor may read it (anyone a published one); NOT_FOUND otherwise. */
export async function requireReadablePost(db: Db, actor: Actor, idOrSlug: string): Promise<NewsPostRow> {
	const post = await loadPost(db, idOrSlug);
	if (!canReadPost(actor, post)) throw new AppError('NOT_FOUND');
	return post;
}

/** The only embeds allowed: YouTube's privacy-enhanced domain, which sets no cookie until play. */
const YOUTUBE_EMBED = /^https:\/\/(?:www\.)?(?:youtube\.com|youtube-nocookie\.com)\/embed\/([A-Za-z0-9_-]{6,20})(?:\?.*)?$/;

// Text that holds one of these tags is HTML; other angle brackets ("<hai>") are plain text.
const HTML_TAG = /<\/?(?:p|br|strong|em|b|i|u|s|ul|ol|li|a|h[1-6]|blockquote|div|span|img|script|style|iframe|object|embed|table|font|svg|math|form|input|figure|video|audio|link|meta|base)\b[^>]*>/i;

/** The HTML a post body may hold: the campaign sections' tags, plus images over https and YouTube embeds. */
const POST_HTML: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'h4', 'blockquote', 'figure', 'figcaption', 'img', 'iframe'],
	allowedAttributes: { a: ['href'], img: ['src', 'alt', 'width', 'height'], iframe: ['src', 'title', 'width', 'height', 'allowfullscreen', 'loading'] },
	allowedSchemes: ['https', 'http', 'mailto'],
	allowedSchemesByTag: { img: ['https'], iframe: ['https'] },
	allowedSchemesAppliedToAttributes: ['href', 'src'],
	allowProtocolRelative: false,
	allowedIframeHostnames: ['www.youtube-nocookie.com'],
	disallowedTagsMode: 'discard',
	transformTags: {
		b: 'strong',
		i: 'em',
		a: (tagName, attribs): sanitizeHtml.Tag => ({ tagName, attribs: /^(https?:\/\/|mailto:)/i.test(attribs.href ?? '') ? { href: attribs.href } : {} }),
		// Only absolute https images (a relative `src=x` would load from the site); alt text always
		// present, empty (decorative) when the writer gave none, so screen readers skip the file name.
		img: (tagName, attribs): sanitizeHtml.Tag => {
			const { src, alt, width, height } = attribs;
			if (!/^https:\/\//i.test(src ?? '')) return { tagName, attribs: {} };
			return { tagName, attribs: { src, alt: alt ?? '', ...(width ? { width } : {}), ...(height ? { height } : {}) } };
		},
		iframe: (tagName, attribs): sanitizeHtml.Tag => {
			const id = YOUTUBE_EMBED.exec(attribs.src ?? '')?.[1];
			if (!id) return { tagName: 'p', attribs: {} };
			return { tagName, attribs: { src: `https://www.youtube-nocookie.com/embed/${id}`, title: attribs.title || 'YouTube', width: '560', height: '315', loading: 'lazy', allowfullscreen: '' } };
		}
	},
	exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src
};

/**
 * A post body made safe: plain text becomes paragraphs (as a plan's sections do); HTML is cut down
 * to the allowed tags, links to http(s) and mail, images over https, and video only from
 * youtube-nocookie.com (a youtube.com embed is moved there; any other frame is dropped).
 */
export function sanitizePostHtml(body: string): string {
	const text = body.normalize('NFC').trim();
	if (!text) return '';
	const html = HTML_TAG.test(text) ? text : sanitizeSectionHtml(text);
	return sanitizeHtml(html, POST_HTML)
		.replace(/<p><\/p>/g, '')
		.trim();
}

/** What the audit log keeps of a post. */
export function postAuditView(p: NewsPostRow) {
	return { title: p.title, summary: p.summary, status: p.status, campaignId: p.campaignId, tags: p.tags, scheduledAt: p.scheduledAt, publishedAt: p.publishedAt, coverKey: p.coverKey };
}
