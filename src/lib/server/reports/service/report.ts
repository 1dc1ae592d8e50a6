// The campaign's Báo cáo kết quả (M16): the narrative a person writes, whom it goes to, its
// submission as a numbered Báo cáo (type BC), and the document model the renderers lay out.
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now } from '../../core/clock';
import { newId } from '../../core/ids';
import { zodFieldErrors } from '../../core/http';
import { actorLabel, systemActor, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { findOrgNode, listOrgAncestors, listOrgTree } from '../../org/service';
import { getDocument, issueDocument, notifyDocumentRecipients } from '../../documents/service';
import type { CampaignDetail } from '../../campaigns/service';
import { campaignReference, signerLines } from '../../../features/campaigns/format';
import { signatureFromLines } from '../../../features/documents/format';
import type { DocumentBlock, OfficialDocument } from '../../../features/documents/types';
import { saveReportInput, type SaveReportInput } from '../../../features/reports/inputs';
import { figureSentences, statisticsTables } from '../../../features/reports/format';
import { REPORT_SECTIONS, REPORT_SECTION_HEADINGS, type CampaignReportView, type CampaignStatistics } from '../../../features/reports/types';
import { foldVietnamese } from '../../../vn/text';
import { formatDate } from '../../../vn/dates';
import { canWriteReport } from '../policy';
import { insertReport, selectReport, updateReportRow } from '../queries';
import type { CampaignReportRow } from '../tables';
import { requireReportCampaign, statisticsOf } from './statistics';

const EMPTY = { direction: '', results: '', assessment: '', proposals: '', addresseeOrgId: null, addresseeLabel: '', status: 'draft' as const, documentId: null, submittedAt: null, version: 0 };

function viewOf(c: CampaignDetail, row: CampaignReportRow | undefined, actor: Actor): CampaignReportView {
	const base = row
		? { ...row, submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null }
		: { ...EMPTY };
	return {
		campaignId: c.id,
		direction: base.direction,
		results: base.results,
		assessment: base.assessment,
		proposals: base.proposals,
		addresseeOrgId: base.addresseeOrgId,
		addresseeLabel: base.addresseeLabel,
		status: base.status,
		documentId: base.documentId,
		submittedAt: base.submittedAt,
		version: base.version,
		canEdit: canWriteReport(actor, c.orgPath) && base.status === 'draft'
	};
}

/** Reads the campaign's report (an empty draft until someone saves it); refuses as computeCampaignStatistics does. */
export async function getReport(db: Db, actor: Actor, campaignId: string): Promise<CampaignReportView> {
	const c = await requireReportCampaign(db, actor, campaignId);
	return viewOf(c, await selectReport(db, c.id, c.orgId), actor);
}

/** The organisations a report may be addressed to: the nodes of the campaign's tree outside its own subtree, the Department of Education first. */
export async function listAddresseeChoices(db: Db, actor: Actor, campaignId: string): Promise<Array<{ id: string; name: string; depth: number; suggested: boolean }>> {
	return addresseeChoicesOf(db, await requireReportCampaign(db, actor, campaignId));
}

async function addresseeChoicesOf(db: Db, c: CampaignDetail): Promise<Array<{ id: string; name: string; depth: number; suggested: boolean }>> {
	const rootId = c.orgPath.split('/')[1];
	const tree = await listOrgTree(db, systemActor('reports'), { rootId });
	const outside = tree.filter((n) => !n.path.startsWith(c.orgPath) || n.id === c.orgId).filter((n) => n.id !== c.orgId);
	const suggested = outside.find((n) => foldVietnamese(n.name).includes('giao duc va dao tao')) ?? outside.find((n) => c.orgPath.startsWith(n.path));
	return outside.map((n) => ({ id: n.id, name: n.name, depth: n.depth, suggested: n.id === suggested?.id }));
}

/**
 * Saves the narrative sections and the addressee of the campaign's report; refuses anyone but a
 * coordinator or unit leader of its node or above (FORBIDDEN), a submitted report
 * (INVALID_TRANSITION), an edit from an older version (STALE), and bad input or an addressee
 * outside the campaign's tree (VALIDATION).
 */
export async function saveReport(db: Db, actor: Actor, campaignId: string, input: SaveReportInput): Promise<CampaignReportView> {
	const c = await requireReportCampaign(db, actor, campaignId);
	if (!canWriteReport(actor, c.orgPath)) throw new AppError('FORBIDDEN');
	const parsed = saveReportInput.safeParse(input);
	if (!parsed.success) throw new AppError('VALIDATION', { fields: zodFieldErrors(parsed.error) });
	const data = parsed.data;
	let addresseeLabel = '';
	if (data.addresseeOrgId) {
		const node = await findOrgNode(db, data.addresseeOrgId);
		const root = `/${c.orgPath.split('/')[1]}/`;
		if (!node || !node.path.startsWith(root) || node.id === c.orgId) throw new AppError('VALIDATION', { fields: { addresseeOrgId: 'field_invalid' } });
		addresseeLabel = node.name;
	}
	return db.transaction(async (tx) => {
		const before = await selectReport(tx, c.id, c.orgId);
		if (before && before.status !== 'draft') throw new AppError('INVALID_TRANSITION');
		if (data.version !== undefined && (before?.version ?? 0) !== data.version) throw new AppError('STALE');
		const fields = { direction: data.direction, results: data.results, assessment: data.assessment, proposals: data.proposals, addresseeOrgId: data.addresseeOrgId, addresseeLabel };
		let row: CampaignReportRow | undefined;
		if (before) row = await updateReportRow(tx, before.id, before.version, { ...fields, updatedAt: now() });
		else row = await insertReport(tx, { id: newId(), orgId: c.orgId, campaignId: c.id, ...fields, createdAt: now(), updatedAt: now() });
		if (!row) throw new AppError('STALE');
		await recordAudit(tx, actor, { orgId: c.orgId, orgPath: c.orgPath, entity: 'campaign_report', entityId: row.id, action: before ? 'update' : 'create', before: before ?? undefined, after: row });
		return viewOf(c, row, actor);
	});
}

/**
 * Submits the report: issues it as a numbered Báo cáo (type BC) addressed to the chosen
 * organisation, and marks it submitted; refuses anyone but a coordinator or unit leader of the
 * campaign's node or above (FORBIDDEN), a report already submitted or never saved
 * (INVALID_TRANSITION), one without an addressee (VALIDATION, addresseeOrgId: field_required).
 */
export async function submitReport(db: Db, actor: Actor, campaignId: string): Promise<CampaignReportView> {
	const c = await requireReportCampaign(db, actor, campaignId);
	if (!canWriteReport(actor, c.orgPath)) throw new AppError('FORBIDDEN');
	const view = await db.transaction(async (tx) => {
		const before = await selectReport(tx, c.id, c.orgId);
		if (!before || before.status !== 'draft') throw new AppError('INVALID_TRANSITION');
		if (!before.addresseeOrgId) throw new AppError('VALIDATION', { fields: { addresseeOrgId: 'field_required' } });
		const signer = c.signer;
		const doc = await issueDocument(
			tx,
			actor,
			{
				orgId: c.orgId,
				type: 'BC',
				summary: reportSummary(c.year),
				campaignId: c.id,
				signerName: signer.name,
				signerPosition: signer.position,
				recipients: [{ label: before.addresseeLabel, orgId: before.addresseeOrgId }],
				archive: `VT, ${c.orgShortCode}`
			},
			{ notify: false }
		);
		const row = await updateReportRow(tx, before.id, before.version, { status: 'submitted', documentId: doc.id, submittedAt: now(), submittedByLabel: actorLabel(actor), updatedAt: now() });
		if (!row) throw new AppError('STALE');
		await recordAudit(tx, actor, { orgId: c.orgId, orgPath: c.orgPath, entity: 'campaign_report', entityId: row.id, action: 'submit', before, after: row });
		return viewOf(c, row, actor);
	});
	// After the commit, as issueDocument does: the addressee's back office gets its mail (a failed delivery stays in the outbox).
	if (view.documentId) await notifyDocumentRecipients(db, view.documentId);
	return view;
}

/** "Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021" */
export function reportSummary(year: number): string {
	return `Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm ${year}`;
}

const paragraphs = (text: string): DocumentBlock[] =>
	text
		.split('\n')
		.map((t) => t.trim())
		.filter(Boolean)
		.map((t) => ({ kind: 'paragraph', text: t }));

/** The Báo cáo model from a campaign, its report and its figures (pure; the bench and the preview share it). */
export function buildReportDocument(
	c: CampaignDetail,
	report: Pick<CampaignReportView, 'direction' | 'results' | 'assessment' | 'proposals' | 'addresseeLabel'>,
	stats: CampaignStatistics,
	issued: { number: string | null; date: string | null; symbol?: string },
	governingBody: string
): OfficialDocument {
	const body: DocumentBlock[] = [];
	for (const key of REPORT_SECTIONS) {
		body.push({ kind: 'heading', level: 1, text: REPORT_SECTION_HEADINGS[key] });
		if (key === 'results') body.push(...figureSentences(stats).map((t): DocumentBlock => ({ kind: 'paragraph', text: t })));
		body.push(...paragraphs(report[key]));
	}
	const last = body.at(-1);
	if (last?.kind === 'paragraph' && typeof last.text === 'string' && !last.text.endsWith('./.')) last.text = `${last.text.replace(/\.$/, '')}./.`;
	else body.push({ kind: 'paragraph', text: 'Trên đây là báo cáo kết quả tổ chức Tuần lễ./.' });
	const plan = c.number ? `Kế hoạch số ${campaignReference(c).replace(/^Số:\s*/, '')}${c.documentDate ? ` ngày ${formatDate(c.documentDate)}` : ''}` : 'Kế hoạch';
	return {
		kind: 'report',
		governingBody,
		issuer: c.orgName.toLocaleUpperCase('vi'),
		number: issued.number,
		symbol: issued.symbol ?? `BC-${c.orgShortCode}`,
		place: c.place,
		date: issued.date,
		year: c.year,
		summary: reportSummary(c.year),
		addressees: report.addresseeLabel ? [report.addresseeLabel] : [],
		citations: [],
		introduction: [`Thực hiện ${plan} của ${c.orgName} về ${c.title.replace(/^Kế hoạch\s+/i, '').replace(/^./, (ch) => ch.toLocaleLowerCase('vi'))}, ${c.orgName} báo cáo kết quả như sau:`],
		body,
		recipients: [report.addresseeLabel, 'Lãnh đạo đơn vị'].filter(Boolean),
		archive: `VT, ${c.orgShortCode}`,
		signature: signatureFromLines(signerLines(c.signer)),
		appendices: [{ title: 'SỐ LIỆU THỐNG KÊ KẾT QUẢ TỔ CHỨC TUẦN LỄ', blocks: statisticsTables(stats) }]
	};
}

/** The campaign's Báo cáo as its document reads (numbered once submitted), for whoever may read its report; refuses as computeCampaignStatistics does. */
export async function reportDocument(db: Db, actor: Actor, campaignId: string, options: { at?: Date } = {}): Promise<OfficialDocument> {
	return (await reportWithStatistics(db, actor, campaignId, options)).document;
}

/** The Báo cáo and the figures it was built from, computed once (the report page shows both). */
export async function reportWithStatistics(db: Db, actor: Actor, campaignId: string, options: { at?: Date } = {}): Promise<{ document: OfficialDocument; stats: CampaignStatistics }> {
	const c = await requireReportCampaign(db, actor, campaignId);
	const [row, stats, ancestors] = await Promise.all([selectReport(db, c.id, c.orgId), statisticsOf(db, c, options.at ?? now()), listOrgAncestors(db, { path: c.orgPath })]);
	const report = viewOf(c, row, actor);
	// A draft without an addressee previews with the suggested one (the Department of Education).
	if (!report.addresseeLabel) report.addresseeLabel = (await addresseeChoicesOf(db, c)).find((a) => a.suggested)?.name ?? '';
	let issued: { number: string | null; date: string | null; symbol?: string } = { number: null, date: null };
	if (row?.documentId) {
		const d = await getDocument(db, systemActor('reports'), row.documentId);
		issued = { number: String(d.number), date: d.documentDate, symbol: d.symbol };
	}
	const parent = ancestors.at(-2);
	return { document: buildReportDocument(c, report, stats, issued, parent ? parent.name.toLocaleUpperCase('vi') : ''), stats };
}
