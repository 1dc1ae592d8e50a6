// Writing a campaign's content: create a draft, edit it, clone it into another year.
import sanitizeHtml from 'sanitize-html';
import type { z } from 'zod';
import type { Db } from '../../db/types';
import { AppError, type FieldErrors } from '../../core/errors';
import { newId } from '../../core/ids';
import { now } from '../../core/clock';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { foldVietnamese } from '../../../vn/text';
import { shiftYears } from '../../../vn/dates';
import { campaignInput, campaignCloneInput, type CampaignInput, type CampaignInputValues } from '../../../features/campaigns/inputs';
import { canActOnCampaign, canCreateCampaign, canReadCampaign } from '../policy';
import { insertCampaign, updateDraftCampaign, type NewCampaignRow } from '../queries';
import type { CampaignRow } from '../tables';
import { findOrgNode } from '../../org/service';
import { loadCampaignSummaries, loadReadableCampaign } from './read-campaigns';

/** The HTML a plan's section may hold; everything else is dropped, links only to http(s) and mail. */
const SECTION_HTML: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote'],
	allowedAttributes: { a: ['href'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	transformTags: {
		// Pasted from Word or an older editor.
		b: 'strong',
		i: 'em',
		// Only absolute http(s) and mailto links: a relative one would point into LearnWeek itself.
		a: (tagName, attribs): sanitizeHtml.Tag => ({ tagName, attribs: /^(https?:\/\/|mailto:)/i.test(attribs.href ?? '') ? { href: attribs.href } : {} })
	}
};

// Text that holds one of these tags is HTML; other angle brackets ("<hai>") are plain text.
const HTML_TAG = /<\/?(?:p|br|strong|em|b|i|u|s|ul|ol|li|a|h[1-6]|blockquote|div|span|img|script|style|iframe|object|embed|table|tr|td|th|font|sup|sub|hr|pre|code|svg|form|input)\b[^>]*>/i;

function escapeHtml(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A section body made safe: HTML is cut down to the allowed tags; plain text typed in a form
 * without the rich editor becomes paragraphs (blank lines) and line breaks.
 */
export function sanitizeSectionHtml(body: string): string {
	const text = body.normalize('NFC').trim();
	if (!text) return '';
	const html = HTML_TAG.test(text)
		? text
		: text
				.split(/\r?\n\s*\r?\n/)
				.map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, '<br />')}</p>`)
				.join('');
	return sanitizeHtml(html, SECTION_HTML).trim();
}

/** Zod issues as field errors keyed by the form's field names; the messages are message keys. */
export function zodIssuesToFields(err: z.ZodError): FieldErrors {
	const fields: FieldErrors = {};
	for (const issue of err.issues) {
		const key = issue.path.map(String).join('.') || '_';
		fields[key] ??= issue.message.startsWith('field_') || issue.message.startsWith('campaigns_') ? issue.message : 'field_invalid';
	}
	return fields;
}

function validate(values: CampaignInputValues): CampaignInput {
	const parsed = campaignInput.safeParse(values);
	if (!parsed.success) throw new AppError('VALIDATION', { fields: zodIssuesToFields(parsed.error) });
	return parsed.data;
}

/** The columns an input sets: sanitised HTML and the folded search text. */
function toColumns(input: CampaignInput): Omit<NewCampaignRow, 'id' | 'orgId' | 'createdBy'> {
	const sections = input.sections.map((s) => ({ heading: s.heading, bodyHtml: sanitizeSectionHtml(s.bodyHtml) }));
	return {
		parentId: input.parentId,
		year: input.year,
		title: input.title,
		number: input.number,
		symbol: input.symbol,
		place: input.place,
		documentDate: input.documentDate,
		introduction: input.introduction,
		purposes: input.purposes,
		requirements: input.requirements,
		themes: input.themes,
		legalBases: input.legalBases,
		sections,
		duties: input.duties,
		recipients: input.recipients,
		signer: input.signer,
		startsOn: input.startsOn,
		endsOn: input.endsOn,
		searchText: campaignSearchText(input)
	};
}

function campaignSearchText(c: Pick<CampaignInput, 'title' | 'number' | 'symbol' | 'place' | 'themes' | 'year'>): string {
	return foldVietnamese([c.title, c.number ? `${c.number}/${c.symbol}` : '', c.symbol, c.place, String(c.year), ...c.themes].join(' '));
}

/**
 * The campaigns an input points at must be readable by the actor; the parent must also belong to
 * a node above the campaign's own (an Office's plan implements its province's, never the reverse).
 */
async function checkReferences(db: Db, actor: Actor, orgPath: string, input: CampaignInput, selfId?: string): Promise<void> {
	const linkIds = input.legalBases.filter((b) => b.kind === 'campaign').map((b) => b.campaignId as string);
	const ids = [...new Set([...(input.parentId ? [input.parentId] : []), ...linkIds])];
	const found = new Map((await loadCampaignSummaries(db, ids)).map((r) => [r.id, r]));
	const fields: FieldErrors = {};
	if (input.parentId) {
		const parent = found.get(input.parentId);
		const above = parent && parent.orgPath !== orgPath && orgPath.startsWith(parent.orgPath);
		if (!parent || !canReadCampaign(actor, parent) || !above || parent.id === selfId) fields.parentId = 'campaigns_parent_invalid';
	}
	if (linkIds.some((id) => !found.has(id) || !canReadCampaign(actor, found.get(id)!) || id === selfId)) {
		fields.legalBases = 'campaigns_legal_basis_campaign_invalid';
	}
	if (Object.keys(fields).length) throw new AppError('VALIDATION', { fields });
}

/** Fields that differ between two rows, as { before, after } for the audit log. */
function diff(before: CampaignRow, after: CampaignRow): { before: Record<string, unknown>; after: Record<string, unknown> } {
	const b: Record<string, unknown> = {};
	const a: Record<string, unknown> = {};
	for (const key of Object.keys(after) as Array<keyof CampaignRow>) {
		if (key === 'updatedAt' || key === 'version' || key === 'searchText') continue;
		if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
			b[key] = before[key];
			a[key] = after[key];
		}
	}
	return { before: b, after: a };
}

/** Creates a draft campaign on node `orgId`; refuses anyone but a coordinator or administrator of that node or above (FORBIDDEN), an unknown node (NOT_FOUND) and bad input or a parent not on a node above (VALIDATION). */
export async function createCampaign(db: Db, actor: Actor, values: CampaignInputValues & { orgId: string }): Promise<CampaignRow> {
	const org = await findOrgNode(db, values.orgId);
	if (!org) throw new AppError('NOT_FOUND');
	if (!canCreateCampaign(actor, org.path)) throw new AppError('FORBIDDEN');
	const input = validate(values);
	return db.transaction(async (tx) => {
		await checkReferences(tx, actor, org.path, input);
		const at = now();
		const row = await insertCampaign(tx, { id: newId(), orgId: org.id, ...toColumns(input), createdBy: actor.userId ?? null, createdAt: at, updatedAt: at });
		await recordAudit(tx, actor, { orgId: org.id, orgPath: org.path, entity: 'campaign', entityId: row.id, action: 'create', after: { title: row.title, year: row.year, status: row.status } });
		return row;
	});
}

/** Replaces a draft's content; refuses anyone but a coordinator of its node or above (FORBIDDEN), a plan no longer in draft (INVALID_TRANSITION), an edit made from an older version (STALE) and bad input (VALIDATION). */
export async function updateCampaign(
	db: Db,
	actor: Actor,
	id: string,
	values: CampaignInputValues,
	options: { expectedVersion: number }
): Promise<CampaignRow> {
	return db.transaction(async (tx) => {
		const current = await loadReadableCampaign(tx, actor, id);
		if (!canActOnCampaign(actor, 'update', current)) throw new AppError('FORBIDDEN');
		if (current.status !== 'draft') throw new AppError('INVALID_TRANSITION');
		if (current.version !== options.expectedVersion) throw new AppError('STALE');
		const input = validate(values);
		await checkReferences(tx, actor, current.orgPath, input, current.id);
		const row = await updateDraftCampaign(tx, id, options.expectedVersion, { ...toColumns(input), updatedAt: now() });
		if (!row) throw new AppError('STALE');
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		const { orgPath, orgName, orgShortCode, ...before } = current;
		await recordAudit(tx, actor, { orgId: row.orgId, orgPath: current.orgPath, entity: 'campaign', entityId: row.id, action: 'update', ...diff(before, row) });
		return row;
	});
}

/** "năm 2021" → "năm 2022" (any case of "năm"), leaving other numbers (dates, "2021-2030") alone. */
export function shiftYearMentions(text: string, from: number, to: number): string {
	return text.replace(/(năm|Năm|NĂM)(\s+)(\d{4})(?!\d)/gu, (whole, word: string, space: string, year: string) => (Number(year) === from ? `${word}${space}${to}` : whole));
}

/**
 * Clones a campaign into `year` (default: the year after its own) as a new draft on the same node:
 * dates shifted by whole years, "năm 2021" mentions updated, number and document date cleared, the
 * content, legal bases and parent kept (the coordinator re-points the parent once next year's plan
 * above exists), and the original left untouched. Refuses anyone but a coordinator of its node or
 * above (FORBIDDEN), a campaign the actor may not read (NOT_FOUND) and a year outside 2000–2100 (VALIDATION).
 */
export async function cloneCampaign(db: Db, actor: Actor, id: string, options: { year?: number | string } = {}): Promise<CampaignRow> {
	const parsed = campaignCloneInput.safeParse(options);
	if (!parsed.success) throw new AppError('VALIDATION', { fields: zodIssuesToFields(parsed.error) });
	return db.transaction(async (tx) => {
		const source = await loadReadableCampaign(tx, actor, id);
		if (!canActOnCampaign(actor, 'clone', source)) throw new AppError('FORBIDDEN');
		const year = parsed.data.year ?? source.year + 1;
		const delta = year - source.year;
		const shift = (s: string) => shiftYearMentions(s, source.year, year);
		const content = {
			title: shift(source.title),
			introduction: shift(source.introduction),
			purposes: shift(source.purposes),
			requirements: shift(source.requirements),
			themes: source.themes.map(shift),
			sections: source.sections.map((s) => ({ heading: shift(s.heading), bodyHtml: shift(s.bodyHtml) })),
			duties: source.duties.map((d) => ({ unit: shift(d.unit), text: shift(d.text) }))
		};
		const at = now();
		const row = await insertCampaign(tx, {
			id: newId(),
			orgId: source.orgId,
			parentId: source.parentId,
			clonedFromId: source.id,
			year,
			...content,
			number: null,
			symbol: source.symbol,
			place: source.place,
			documentDate: null,
			legalBases: source.legalBases,
			recipients: source.recipients,
			signer: source.signer,
			startsOn: shiftYears(source.startsOn, delta),
			endsOn: shiftYears(source.endsOn, delta),
			searchText: campaignSearchText({ ...content, number: null, symbol: source.symbol, place: source.place, year }),
			createdBy: actor.userId ?? null,
			createdAt: at,
			updatedAt: at
		});
		await recordAudit(tx, actor, {
			orgId: row.orgId,
			orgPath: source.orgPath,
			entity: 'campaign',
			entityId: row.id,
			action: 'clone',
			after: { clonedFromId: source.id, year, title: row.title, status: row.status }
		});
		return row;
	});
}
