// The share image (Open Graph, 1200 × 630 px, the size Facebook and Zalo show in full): the post's
// title on the campaign's theme, drawn as SVG and rasterised by sharp (librsvg, with the system's
// Liberation Serif — the font the documents use, installed with the app's fonts).
import sharp from 'sharp';
import type { Db } from '../../db/types';
import type { Actor } from '../../auth/actor';
import { getPublicPost } from './read-posts';

export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Breaks `text` into at most `maxLines` lines of about `perLine` characters, the last one ending in "…" when cut. */
export function wrapText(text: string, perLine: number, maxLines: number): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.normalize('NFC').split(/\s+/).filter(Boolean)) {
		if (current && current.length + 1 + word.length > perLine) {
			lines.push(current);
			current = word;
		} else current = current ? `${current} ${word}` : word;
	}
	if (current) lines.push(current);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	kept[maxLines - 1] = `${kept[maxLines - 1].replace(/[\s,.;:]+$/, '')}…`;
	return kept;
}

/** The share image as SVG: title in large serif, the campaign's theme and the unit below. */
export function shareImageSvg(data: { title: string; theme: string; footer: string }): string {
	const { width, height } = SHARE_IMAGE;
	const title = wrapText(data.title, 30, 4);
	const theme = wrapText(data.theme, 60, 2);
	const font = "'Liberation Serif', 'DejaVu Serif', serif";
	const titleLines = title.map((l, i) => `<text x="72" y="${150 + i * 74}" font-size="62" font-weight="bold" fill="#ffffff">${escapeXml(l)}</text>`).join('');
	const themeLines = theme.map((l, i) => `<text x="72" y="${470 + i * 40}" font-size="32" font-style="italic" fill="#f3d27a">${escapeXml(l)}</text>`).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${font}"><rect width="100%" height="100%" fill="#1f3a68"/><rect x="0" y="${height - 24}" width="${width}" height="24" fill="#c8102e"/>${titleLines}${themeLines}<text x="72" y="${height - 52}" font-size="26" fill="#dbe4f3">${escapeXml(data.footer)}</text></svg>`;
}

/** The PNG share image of a post the actor may read (anyone a published one); NOT_FOUND otherwise. */
export async function renderShareImage(db: Db, actor: Actor, idOrSlug: string): Promise<Buffer> {
	const { post, campaign, unit } = await getPublicPost(db, actor, idOrSlug);
	const svg = shareImageSvg({ title: post.title, theme: campaign?.themes[0] ?? campaign?.title ?? post.summary, footer: unit?.name ?? '' });
	return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}
