// Award decisions (Quyết định khen thưởng): drafted from recognised initiatives, nominations and
// contest winners, checked against the forms' requirements,
// laid out in the Decree 30 layout, and numbered through the documents domain when the head issues them.
import { randomInt } from 'node:crypto';
import type { Db } from '../../db/types';
import { AppError } from '../../core/errors';
import { now, todayInVietnam } from '../../core/clock';
import { newId } from '../../core/ids';
import { parseInput } from '../../core/http';
import { actorLabel, type Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/service';
import { issueDocument, notifyDocumentRecipients } from '../../documents/service';
import { listOrgAncestors } from '../../org/service';
import type { CampaignDetail } from '../../campaigns/service';
import { campaignReference, signerLines } from '../../../features/campaigns/format';
import { signatureFromLines } from '../../../features/documents/format';
import { documentReference } from '../../../features/documents/register';
import type { DocumentBlock, OfficialDocument } from '../../../features/documents/types';
import { TICKET_ALPHABET } from '../../../features/activities/types';
import { decisionInput, reasonInput, recipientInput, type DecisionInput, type RecipientInput } from '../../../features/recognition/inputs';
import { awardAmount, formatVnd } from '../../../features/recognition/format';
import { AWARD_CERTIFICATE_PREFIX, type RecipientKind, type RecipientSource } from '../../../features/recognition/types';
import { formatDate } from '../../../vn/dates';
import { foldVietnamese } from '../../../vn/text';
import { canDraftAward, canIssueAward, canOverseeRecognition } from '../policy';
import {
	deleteRecipient,
	insertDecision,
	insertRecipient,
	selectDecision,
	selectDecisionsOfCampaign,
	selectInitiativesOfCampaign,
	selectIssuedRecipientsOfYear,
	selectNominationsOfCampaign,
	selectRecipient,
	selectRecipientByCertificate,
	selectRecipients,
	selectRecognisedInitiatives,
	updateDecisionRow,
	updateRecipientRow
} from '../queries';
import type { AwardDecisionRow, AwardRecipientRow, CommendationFormRow } from '../tables';
import { nodesById, requireCampaign } from './context';
import { baseSalaryOn, formsOf } from './settings';
import { contestCitation, listContestAchievements } from './contests';

/** Someone the decision could honour. */
export interface AwardCandidate {
	source: RecipientSource;
	sourceId: string;
	authorIndex: number | null;
	kind: RecipientKind;
	name: string;
	unitName: string;
	citation: string;
}

/** A source of candidates for a campaign's decisions. */
export interface CandidateSource {
	name: RecipientSource;
	candidates(db: Db, campaign: CampaignDetail): Promise<AwardCandidate[]>;
}

const LEVEL_TEXT = { co_so: 'cấp cơ sở', higher: 'cấp tỉnh trở lên' } as const;

/** Where candidates come from: recognised initiatives (each author), recognised nominations, contest winners. */
export const AWARD_CANDIDATE_SOURCES: CandidateSource[] = [
	{
		name: 'initiative',
		async candidates(db, campaign) {
			const rows = (await selectInitiativesOfCampaign(db, campaign.id)).filter((r) => r.status === 'recognised');
			return rows.flatMap((r) =>
				r.authors.map((a, i) => ({
					source: 'initiative' as const,
					sourceId: r.id,
					authorIndex: i,
					kind: 'individual' as const,
					name: a.name,
					unitName: a.unitName,
					citation: `Tác giả sáng kiến “${r.title}” được công nhận ${LEVEL_TEXT[r.level ?? 'co_so']}`
				}))
			);
		}
	},
	{
		name: 'nomination',
		async candidates(db, campaign) {
			const rows = (await selectNominationsOfCampaign(db, campaign.id)).filter((r) => r.status === 'recognised');
			const units = await nodesById(db, rows.map((r) => r.unitId ?? ''));
			return rows.map((r) => ({
				source: 'nomination' as const,
				sourceId: r.id,
				authorIndex: null,
				kind: (r.kind === 'person' ? 'individual' : r.kind) as RecipientKind,
				name: r.name,
				unitName: r.unitId ? (units.get(r.unitId)?.name ?? '') : '',
				citation: 'Tấm gương tiêu biểu trong tự học, học tập suốt đời'
			}));
		}
	},
	{
		name: 'contest',
		async candidates(db, campaign) {
			return (await listContestAchievements(db, campaign.id)).map((a) => ({
				source: 'contest' as const,
				sourceId: a.key,
				authorIndex: null,
				kind: 'individual' as const,
				name: a.name,
				unitName: a.unitName ?? '',
				citation: contestCitation(a)
			}));
		}
	}
];

/** "KT-" and 10 characters without look-alikes. */
function newAwardCertificateCode(): string {
	let code = AWARD_CERTIFICATE_PREFIX;
	for (let i = 0; i < 10; i++) code += TICKET_ALPHABET[randomInt(TICKET_ALPHABET.length)];
	return code;
}

/** A decision and its campaign if the actor may read it (the campaign's overseers); NOT_FOUND otherwise. */
async function loadDecision(db: Db, actor: Actor, id: string): Promise<{ decision: AwardDecisionRow; campaign: CampaignDetail }> {
	const decision = await selectDecision(db, id);
	if (!decision) throw new AppError('NOT_FOUND');
	const campaign = await requireCampaign(db, decision.campaignId);
	if (!canOverseeRecognition(actor, campaign.orgPath)) throw new AppError('NOT_FOUND');
	return { decision, campaign };
}

/**
 * Drafts a Quyết định khen thưởng for a campaign. Refuses anyone but the campaign's coordinators and
 * head (FORBIDDEN) and bad input (VALIDATION).
 */
export async function createAwardDecision(db: Db, actor: Actor, input: DecisionInput): Promise<AwardDecisionRow> {
	const campaign = await requireCampaign(db, String(input.campaignId ?? ''));
	if (!canDraftAward(actor, campaign.orgPath)) throw new AppError('FORBIDDEN');
	const data = parseInput(decisionInput, input);
	return db.transaction(async (tx) => {
		const row = await insertDecision(tx, { id: newId(), orgId: campaign.orgId, campaignId: campaign.id, summary: data.summary, reason: data.reason, proposedBy: data.proposedBy, createdBy: actor.userId ?? null, createdAt: now() });
		await recordAudit(tx, actor, { orgId: campaign.orgId, orgPath: campaign.orgPath, entity: 'award_decision', entityId: row.id, action: 'create', after: row });
		return row;
	});
}

function coefficientFor(form: CommendationFormRow, kind: RecipientKind): string {
	return kind === 'collective' ? form.collectiveCoefficient : form.individualCoefficient;
}

/**
 * Adds a recipient to a draft decision with a form of commendation. Refuses anyone but the
 * campaign's coordinators and head (FORBIDDEN), an issued decision (INVALID_TRANSITION), a form that
 * does not exist or does not fit a collective or a person (VALIDATION, formCode), a source that is not
 * a recognised initiative or nomination or a published contest winner of the campaign or one already awarded (VALIDATION, sourceId), and bad input.
 */
export async function addAwardRecipient(db: Db, actor: Actor, decisionId: string, input: RecipientInput): Promise<AwardRecipientRow> {
	const { decision, campaign } = await loadDecision(db, actor, decisionId);
	if (!canDraftAward(actor, campaign.orgPath)) throw new AppError('FORBIDDEN');
	if (decision.status !== 'draft') throw new AppError('INVALID_TRANSITION');
	const data = parseInput(recipientInput, input);
	const form = (await formsOf(db, campaign.orgId)).find((f) => f.code === data.formCode && f.active);
	if (!form) throw new AppError('VALIDATION', { fields: { formCode: 'field_invalid' } });
	const isCollective = data.kind === 'collective';
	if ((form.scope === 'individual' && isCollective) || (form.scope === 'collective' && !isCollective)) throw new AppError('VALIDATION', { fields: { formCode: 'recognition_form_scope_mismatch' } });
	if (data.source !== 'manual') {
		const source = AWARD_CANDIDATE_SOURCES.find((s) => s.name === data.source)!;
		const found = (await source.candidates(db, campaign)).some((c) => c.sourceId === data.sourceId && (data.source !== 'initiative' || c.authorIndex === data.authorIndex));
		if (!found) throw new AppError('VALIDATION', { fields: { sourceId: 'recognition_source_not_recognised' } });
		// The 2022 Law, Art. 5: one achievement earns one award.
		const awarded = await selectRecipients(db, (await selectDecisionsOfCampaign(db, campaign.id)).map((x) => x.id));
		if (awarded.some((r) => !r.revokedAt && r.source === data.source && r.sourceId === data.sourceId && (r.authorIndex ?? null) === (data.authorIndex ?? null))) {
			throw new AppError('VALIDATION', { fields: { sourceId: 'recognition_source_already_awarded' } });
		}
	}
	const existing = await selectRecipients(db, [decision.id]);
	return db.transaction(async (tx) => {
		const row = await insertRecipient(tx, {
			id: newId(),
			decisionId: decision.id,
			orgId: decision.orgId,
			campaignId: decision.campaignId,
			kind: data.kind,
			name: data.name,
			unitName: data.unitName,
			source: data.source,
			sourceId: data.sourceId,
			authorIndex: data.authorIndex,
			formCode: form.code,
			formName: form.name,
			coefficient: coefficientFor(form, data.kind),
			citation: data.citation,
			sortOrder: existing.length + 1,
			createdAt: now()
		});
		await recordAudit(tx, actor, { orgId: campaign.orgId, orgPath: campaign.orgPath, entity: 'award_decision', entityId: decision.id, action: 'add_recipient', after: row });
		return row;
	});
}

/** Removes a recipient from a draft decision; refuses as addAwardRecipient does (NOT_FOUND for a recipient of another decision). */
export async function removeAwardRecipient(db: Db, actor: Actor, decisionId: string, recipientId: string): Promise<void> {
	const { decision, campaign } = await loadDecision(db, actor, decisionId);
	if (!canDraftAward(actor, campaign.orgPath)) throw new AppError('FORBIDDEN');
	if (decision.status !== 'draft') throw new AppError('INVALID_TRANSITION');
	const row = await selectRecipient(db, recipientId);
	if (!row || row.decisionId !== decision.id) throw new AppError('NOT_FOUND');
	await db.transaction(async (tx) => {
		await deleteRecipient(tx, row.id);
		await recordAudit(tx, actor, { orgId: campaign.orgId, orgPath: campaign.orgPath, entity: 'award_decision', entityId: decision.id, action: 'remove_recipient', before: row });
	});
}

/** A warning on a recipient, as a message key and its parameters. */
export interface EligibilityWarning {
	key: string;
	params: Record<string, string>;
}

/**
 * The forms' requirements checked for each recipient (DOMAIN-VN §4.2): a title needing another held
 * in the same year (in an issued decision or this one), or a recognised initiative of the period; and
 * one person honoured twice with the same form in one decision. Warnings only: the head decides.
 */
export async function eligibilityWarnings(db: Db, campaign: CampaignDetail, recipients: AwardRecipientRow[], forms: CommendationFormRow[]): Promise<Map<string, EligibilityWarning[]>> {
	const year = campaign.year;
	const held = [...(await selectIssuedRecipientsOfYear(db, campaign.orgId, year)).filter((r) => !r.revokedAt), ...recipients];
	const authors = new Set((await selectRecognisedInitiatives(db, campaign.orgId, year, campaign.id)).flatMap((i) => i.authors.map((a) => foldVietnamese(a.name))));
	const byCode = new Map(forms.map((f) => [f.code, f]));
	const out = new Map<string, EligibilityWarning[]>();
	for (const r of recipients) {
		const warnings: EligibilityWarning[] = [];
		const who = foldVietnamese(r.name);
		const req = byCode.get(r.formCode)?.requirements ?? {};
		for (const code of req.holds ?? []) {
			if (!held.some((h) => h.id !== r.id && h.formCode === code && foldVietnamese(h.name) === who)) warnings.push({ key: 'recognition_warn_needs_form', params: { form: byCode.get(code)?.name ?? code, year: String(year) } });
		}
		if (req.recognisedInitiative && !authors.has(who)) warnings.push({ key: 'recognition_warn_needs_initiative', params: { year: String(year) } });
		if (recipients.some((o) => o.id !== r.id && o.formCode === r.formCode && foldVietnamese(o.name) === who && o.kind === r.kind)) warnings.push({ key: 'recognition_warn_duplicate', params: {} });
		if (warnings.length) out.set(r.id, warnings);
	}
	return out;
}

/** "CHÁNH VĂN PHÒNG" + "Văn phòng UBND tỉnh" → "CHÁNH VĂN PHÒNG UBND TỈNH": the words the title and the name share are written once. */
export function enactingAuthorityOf(title: string, orgName: string): string {
	const t = title.toLocaleUpperCase('vi').split(/\s+/).filter(Boolean);
	const o = orgName.toLocaleUpperCase('vi').split(/\s+/).filter(Boolean);
	for (let k = Math.min(t.length, o.length); k > 0; k--) {
		if (t.slice(t.length - k).join(' ') === o.slice(0, k).join(' ')) return [...t, ...o.slice(k)].join(' ');
	}
	return [...t, ...o].join(' ');
}

/** The laws a decision cites on its date: the 2003 Law (amended 2013) and NĐ 91/2017 until 2023; the 2022 Law and NĐ 98/2023 from 1/1/2024 (DOMAIN-VN §4.1). */
function legalBases(day: string): string[] {
	if (day >= '2024-01-01') {
		return ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', 'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;'];
	}
	return [
		'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;',
		'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;'
	];
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The decision as its document reads (pure): articles, the list of recipients as its appendix. */
export function buildDecisionDocument(
	campaign: CampaignDetail,
	decision: AwardDecisionRow,
	recipients: AwardRecipientRow[],
	options: { governingBody: string; baseSalaryVnd: number | null; number: string | null; date: string | null }
): OfficialDocument {
	const amountOf = (r: AwardRecipientRow) => r.amountVnd ?? (options.baseSalaryVnd ? awardAmount(Number(r.coefficient), options.baseSalaryVnd) : 0);
	const collectives = recipients.filter((r) => r.kind === 'collective');
	const families = recipients.filter((r) => r.kind === 'family');
	const people = recipients.filter((r) => r.kind === 'individual');
	const parts = [collectives.length ? `${two(collectives.length)} tập thể` : '', families.length ? `${two(families.length)} gia đình` : '', people.length ? `${two(people.length)} cá nhân` : ''].filter(Boolean);
	const counts = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} và ${parts.at(-1)}` : (parts[0] ?? '…');
	const forms = [...new Set(recipients.map((r) => r.formName))];
	const reason = decision.reason.replace(/[.;]+$/, '');
	const article1 = forms.length === 1 ? `Tặng ${forms[0]} cho ${counts} (có danh sách kèm theo), ${reason}.` : `Khen thưởng ${counts} với các hình thức ${forms.join(', ')} (có danh sách kèm theo), ${reason}.`;
	const total = recipients.reduce((s, r) => s + amountOf(r), 0);
	const signer = campaign.signer;
	const title = signer.authority ? signer.authorityTitle : signer.position;
	const day = options.date ?? todayInVietnam();
	const plan = campaign.number ? `Căn cứ Kế hoạch số ${campaignReference(campaign).replace(/^Số:\s*/, '')}${campaign.documentDate ? ` ngày ${formatDate(campaign.documentDate)}` : ''} của ${campaign.orgName} về ${campaign.title.replace(/^Kế hoạch\s+/i, '').replace(/^./, (c) => c.toLocaleLowerCase('vi'))};` : '';
	const proposer = decision.proposedBy || 'Trưởng phòng Tổ chức – Hành chính';
	const table = (rows: AwardRecipientRow[]): DocumentBlock => ({
		kind: 'table',
		header: ['TT', 'Tập thể, cá nhân', 'Đơn vị', 'Hình thức', 'Thành tích', 'Số tiền (đồng)'],
		widths: [5, 24, 18, 15, 25, 13],
		align: ['center', 'left', 'left', 'left', 'left', 'right'],
		rows: rows.map((r, i) => [String(i + 1), r.name, r.unitName, r.formName, r.citation, formatVnd(amountOf(r)).replace(/\s*đ$/, '')])
	});
	// The renderer prints "(Kèm theo Quyết định số …)" under the appendix's title itself.
	const appendix: DocumentBlock[] = [];
	const groups: Array<[string, AwardRecipientRow[]]> = [
		['TẬP THỂ', collectives],
		['GIA ĐÌNH', families],
		['CÁ NHÂN', people]
	];
	const roman = ['I', 'II', 'III'];
	groups.filter(([, rows]) => rows.length).forEach(([heading, rows], i) => appendix.push({ kind: 'heading', level: 1, text: `${roman[i]}. ${heading}` }, table(rows)));
	return {
		kind: 'decision',
		governingBody: options.governingBody,
		issuer: campaign.orgName.toLocaleUpperCase('vi'),
		number: options.number,
		symbol: decision.symbol ?? `QĐ-${campaign.orgShortCode}`,
		place: campaign.place,
		date: options.date,
		year: campaign.year,
		summary: decision.summary,
		enactingAuthority: enactingAuthorityOf(title, campaign.orgName),
		citations: [...legalBases(day), ...(plan ? [plan] : []), `Theo đề nghị của ${proposer}.`],
		introduction: [],
		body: [
			{ kind: 'article', number: 1, text: article1 },
			{
				kind: 'article',
				number: 2,
				text: total
					? `Tiền thưởng kèm theo mỗi hình thức bằng hệ số nhân với mức lương cơ sở (${formatVnd(options.baseSalaryVnd ?? 0).replace(/\s*đ$/, '')} đồng); tổng số tiền thưởng là ${formatVnd(total).replace(/\s*đ$/, '')} đồng, chi từ Quỹ thi đua, khen thưởng của ${campaign.orgName}.`
					: 'Các hình thức khen thưởng tại Điều 1 không kèm theo tiền thưởng.'
			},
			{ kind: 'article', number: 3, text: `Quyết định có hiệu lực kể từ ngày ký. ${proposer}, các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.` }
		],
		recipients: ['Như Điều 3', 'Lãnh đạo đơn vị'],
		archive: `VT, ${campaign.orgShortCode}`,
		signature: signatureFromLines(signerLines(signer)),
		appendices: [{ title: 'DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG', blocks: appendix }]
	};
}

async function governingBodyOf(db: Db, campaign: CampaignDetail): Promise<string> {
	const parent = (await listOrgAncestors(db, { path: campaign.orgPath })).at(-2);
	return parent ? parent.name.toLocaleUpperCase('vi') : '';
}

export interface DecisionView {
	decision: AwardDecisionRow;
	campaign: { id: string; title: string; orgId: string; orgName: string; year: number };
	recipients: Array<AwardRecipientRow & { amount: number; warnings: EligibilityWarning[] }>;
	candidates: AwardCandidate[];
	forms: Array<{ code: string; name: string; scope: string }>;
	baseSalaryVnd: number | null;
	document: OfficialDocument;
	reference: string | null;
	can: { edit: boolean; issue: boolean; revoke: boolean };
}

/** A decision with its recipients, their amounts and warnings, the candidates not yet in it, and its document; for the campaign's overseers (NOT_FOUND otherwise). */
export async function getAwardDecision(db: Db, actor: Actor, id: string): Promise<DecisionView> {
	const { decision, campaign } = await loadDecision(db, actor, id);
	const recipients = await selectRecipients(db, [decision.id]);
	const forms = await formsOf(db, campaign.orgId);
	const salary = decision.baseSalaryVnd ?? (await baseSalaryOn(db, decision.documentDate ?? todayInVietnam()))?.amountVnd ?? null;
	const warnings = await eligibilityWarnings(db, campaign, recipients, forms);
	// One achievement is awarded once: a source already in any decision of the campaign is no candidate.
	const all = await selectRecipients(db, (await selectDecisionsOfCampaign(db, campaign.id)).map((x) => x.id));
	const taken = new Set(all.filter((r) => !r.revokedAt).map((r) => `${r.source}|${r.sourceId}|${r.authorIndex ?? ''}`));
	const candidates = decision.status === 'draft' ? (await Promise.all(AWARD_CANDIDATE_SOURCES.map((s) => s.candidates(db, campaign)))).flat().filter((c) => !taken.has(`${c.source}|${c.sourceId}|${c.authorIndex ?? ''}`)) : [];
	const draft = decision.status === 'draft';
	return {
		decision,
		campaign: { id: campaign.id, title: campaign.title, orgId: campaign.orgId, orgName: campaign.orgName, year: campaign.year },
		recipients: recipients.map((r) => ({ ...r, amount: r.amountVnd ?? (salary ? awardAmount(Number(r.coefficient), salary) : 0), warnings: warnings.get(r.id) ?? [] })),
		candidates,
		forms: forms.filter((f) => f.active).map((f) => ({ code: f.code, name: f.name, scope: f.scope })),
		baseSalaryVnd: salary,
		document: buildDecisionDocument(campaign, decision, recipients, {
			governingBody: await governingBodyOf(db, campaign),
			baseSalaryVnd: salary,
			number: decision.number ? String(decision.number) : null,
			date: decision.documentDate
		}),
		reference: decision.number && decision.symbol ? documentReference({ number: decision.number, symbol: decision.symbol }) : null,
		can: { edit: draft && canDraftAward(actor, campaign.orgPath), issue: draft && canIssueAward(actor, campaign.orgPath), revoke: !draft && canIssueAward(actor, campaign.orgPath) }
	};
}

/**
 * Issues a decision: numbers it through the documents domain (type QĐ, in the organisation's
 * register), fixes each recipient's amount from the base salary of the decision's date, and gives
 * each a certificate code. Refuses anyone but the head of the campaign's organisation, the signer's
 * role (FORBIDDEN), a decision already issued (INVALID_TRANSITION), one with no recipients
 * (VALIDATION, _: recognition_decision_no_recipients) and a date before any base salary on record
 * (VALIDATION, _: recognition_no_base_salary).
 */
export async function issueAwardDecision(db: Db, actor: Actor, id: string): Promise<AwardDecisionRow> {
	const { decision, campaign } = await loadDecision(db, actor, id);
	if (!canIssueAward(actor, campaign.orgPath)) throw new AppError('FORBIDDEN');
	if (decision.status !== 'draft') throw new AppError('INVALID_TRANSITION');
	const recipients = await selectRecipients(db, [decision.id]);
	if (!recipients.length) throw new AppError('VALIDATION', { fields: { _: 'recognition_decision_no_recipients' } });
	const day = todayInVietnam();
	const salary = await baseSalaryOn(db, day);
	if (!salary) throw new AppError('VALIDATION', { fields: { _: 'recognition_no_base_salary' } });
	const row = await db.transaction(async (tx) => {
		const doc = await issueDocument(
			tx,
			actor,
			{
				orgId: campaign.orgId,
				type: 'QĐ',
				summary: decision.summary,
				campaignId: campaign.id,
				signerName: campaign.signer.name,
				signerPosition: campaign.signer.position,
				recipients: [{ label: 'Như Điều 3' }, { label: 'Lãnh đạo đơn vị' }],
				archive: `VT, ${campaign.orgShortCode}`,
				documentDate: day
			},
			{ notify: false }
		);
		const issued = await updateDecisionRow(tx, decision.id, decision.version, {
			status: 'issued',
			documentId: doc.id,
			number: doc.number,
			symbol: doc.symbol,
			documentDate: doc.documentDate,
			signerName: doc.signerName,
			signerPosition: doc.signerPosition,
			baseSalaryVnd: salary.amountVnd,
			issuedAt: now(),
			issuedByLabel: actorLabel(actor)
		});
		if (!issued) throw new AppError('STALE');
		for (const r of recipients) await updateRecipientRow(tx, r.id, { amountVnd: awardAmount(Number(r.coefficient), salary.amountVnd), certificateCode: newAwardCertificateCode() });
		await recordAudit(tx, actor, {
			orgId: campaign.orgId,
			orgPath: campaign.orgPath,
			entity: 'award_decision',
			entityId: decision.id,
			action: 'issue',
			before: { status: 'draft' },
			after: { status: 'issued', reference: documentReference(doc), documentDate: doc.documentDate, baseSalaryVnd: salary.amountVnd, recipients: recipients.length }
		});
		return issued;
	});
	if (row.documentId) await notifyDocumentRecipients(db, row.documentId);
	return row;
}

/** The decision's document (numbered once issued) for the PDF and DOCX downloads; refuses as getAwardDecision does. */
export async function awardDecisionDocument(db: Db, actor: Actor, id: string): Promise<OfficialDocument> {
	return (await getAwardDecision(db, actor, id)).document;
}

/**
 * Revokes a recipient's award and certificate, with the reason (the 2022 Law, Ch. VII: false
 * declarations); verification then says so. Audited. Refuses anyone but the head of the campaign's
 * organisation (FORBIDDEN), a recipient of a draft or one already revoked (INVALID_TRANSITION) and an
 * empty reason (VALIDATION).
 */
export async function revokeAwardCertificate(db: Db, actor: Actor, recipientId: string, input: { reason: string }): Promise<AwardRecipientRow> {
	const recipient = await selectRecipient(db, recipientId);
	if (!recipient) throw new AppError('NOT_FOUND');
	const { decision, campaign } = await loadDecision(db, actor, recipient.decisionId);
	if (!canIssueAward(actor, campaign.orgPath)) throw new AppError('FORBIDDEN');
	if (decision.status !== 'issued' || !recipient.certificateCode || recipient.revokedAt) throw new AppError('INVALID_TRANSITION');
	const { reason } = parseInput(reasonInput, input);
	return db.transaction(async (tx) => {
		const row = await updateRecipientRow(tx, recipient.id, { revokedAt: now(), revokeReason: reason, revokedByLabel: actorLabel(actor) });
		await recordAudit(tx, actor, {
			orgId: campaign.orgId,
			orgPath: campaign.orgPath,
			entity: 'award_recipient',
			entityId: recipient.id,
			action: 'revoke',
			before: { revokedAt: null },
			after: { certificateCode: recipient.certificateCode, revokeReason: reason }
		});
		return row;
	});
}

/** What the public verification page shows of an award certificate. */
export interface AwardCertificateView {
	code: string;
	valid: boolean;
	recipientName: string;
	kind: RecipientKind;
	unitName: string;
	formName: string;
	citation: string;
	decisionReference: string;
	decisionDate: string;
	signerName: string;
	signerPosition: string;
	orgName: string;
	revokedAt: Date | null;
	revokeReason: string | null;
}

async function certificateViewOf(db: Db, r: AwardRecipientRow): Promise<AwardCertificateView> {
	const decision = (await selectDecision(db, r.decisionId))!;
	const campaign = await requireCampaign(db, decision.campaignId);
	return {
		code: r.certificateCode!,
		valid: !r.revokedAt,
		recipientName: r.name,
		kind: r.kind,
		unitName: r.unitName,
		formName: r.formName,
		citation: r.citation,
		decisionReference: documentReference({ number: decision.number!, symbol: decision.symbol! }),
		decisionDate: decision.documentDate!,
		signerName: decision.signerName ?? '',
		signerPosition: decision.signerPosition ?? '',
		orgName: campaign.orgName,
		revokedAt: r.revokedAt,
		revokeReason: r.revokeReason
	};
}

/** Anyone verifies an award certificate by its code (from the QR code): valid or revoked; NOT_FOUND for a code never given. */
export async function verifyAwardCertificate(db: Db, code: string): Promise<AwardCertificateView> {
	const normalised = code.trim().toUpperCase();
	const r = /^KT-[A-Z0-9]{10}$/.test(normalised) ? await selectRecipientByCertificate(db, normalised) : undefined;
	if (!r?.certificateCode) throw new AppError('NOT_FOUND');
	return certificateViewOf(db, r);
}

/** A recipient of an issued decision with its certificate's facts, for the PDF; for the campaign's overseers (NOT_FOUND otherwise). */
export async function awardCertificateOf(db: Db, actor: Actor, recipientId: string): Promise<AwardCertificateView & { year: number; place: string; signerLines: string[] }> {
	const r = await selectRecipient(db, recipientId);
	if (!r?.certificateCode) throw new AppError('NOT_FOUND');
	const { campaign } = await loadDecision(db, actor, r.decisionId);
	const decision = (await selectDecision(db, r.decisionId))!;
	return { ...(await certificateViewOf(db, r)), year: campaign.year, place: campaign.place, signerLines: decision.signerName ? signerLines(campaign.signer) : [] };
}

