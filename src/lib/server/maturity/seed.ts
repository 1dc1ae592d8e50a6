// Factories for tests, e2e and the demo: frameworks, rounds and assessments made through the
// service, as coordinators and unit leaders would.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import { createCampaign } from '../campaigns/seed';
import type { TemplateKey } from '$lib/features/maturity/types';
import { acceptRemainingCriteria, addEvidence, copyTemplate, createRound as createRoundRecord, criteriaOf, getRound, openAssessment, publishRound, returnAssessment, reviewCriterion, saveAnswer, submitAssessment, verifyAssessment, type MaturityFrameworkRow, type MaturityRoundRow } from './service';
import { fullValue } from './service/scoring';

const seedActor = systemActor('seed');

/** A small PDF for evidence. */
export function samplePdf(text = 'Minh chứng'): Uint8Array {
	return new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A copy of a shipped template on `orgId` (by the system unless `actor` is given). */
export async function createFramework(db: Db, overrides: { orgId: string; template?: TemplateKey; name?: string; actor?: Actor }): Promise<MaturityFrameworkRow> {
	return copyTemplate(db, overrides.actor ?? seedActor, { orgId: overrides.orgId, template: overrides.template ?? 'dti_agency', name: overrides.name ?? '' });
}

/** A round of `campaignId` on `frameworkId` enrolling `unitIds`, due 31/12/2099 unless `deadline` (dd/mm/yyyy) is given. */
export async function createRound(db: Db, overrides: { campaignId: string; frameworkId: string; unitIds: string[]; deadline?: string; title?: string; actor?: Actor }): Promise<MaturityRoundRow> {
	return createRoundRecord(db, overrides.actor ?? seedActor, {
		campaignId: overrides.campaignId,
		frameworkId: overrides.frameworkId,
		unitIds: overrides.unitIds,
		deadline: overrides.deadline ?? '31/12/2099',
		title: overrides.title ?? 'Đánh giá mức độ chuyển đổi số'
	});
}

/**
 * Answers every typed criterion of an assessment at `share` of its full value (0–1; `values` names
 * exact values by criterion), with the evidence each asks for: the document's number, date and
 * trích yếu, a link, and a PDF where only a file will do.
 */
export async function fillAssessment(db: Db, assessmentId: string, options: { share?: number; values?: Record<string, number>; actor?: Actor } = {}): Promise<void> {
	const actor = options.actor ?? seedActor;
	const view = await openAssessment(db, actor, assessmentId);
	const share = options.share ?? 1;
	for (const c of criteriaOf(view.ctx.definition)) {
		if (c.automatic || !view.editableKeys.includes(c.key)) continue;
		const full = fullValue(c);
		const value =
			options.values?.[c.key] ??
			(c.type === 'yes_no' ? (share >= 0.5 ? 1 : 0) : c.type === 'scale' || c.type === 'number' ? Math.round(full * share) : Math.round(full * share * 100) / 100);
		await saveAnswer(db, actor, assessmentId, {
			criterionKey: c.key,
			value: String(value),
			comment: 'Đơn vị tự đánh giá.',
			docNumber: '15/KH-VPUB',
			docDate: '15/03/2021',
			docSummary: 'Kế hoạch chuyển đổi số năm 2021',
			link: 'https://vpubnd.sonla.gov.vn/chuyen-doi-so'
		});
		if (!c.evidence.includes('document') && !c.evidence.includes('link') && c.evidence.includes('file')) {
			await addEvidence(db, actor, assessmentId, c.key, { name: `minh-chung-${c.key}.pdf`, bytes: samplePdf(c.name) });
		}
	}
}

/** Walks an assessment through review: every criterion accepted (or `returnKey` returned), then verified (or returned). */
export async function reviewAll(db: Db, assessmentId: string, options: { actor?: Actor; returnKey?: string; adjust?: Record<string, { value: number; reason: string }> } = {}): Promise<void> {
	const actor = options.actor ?? seedActor;
	for (const [key, a] of Object.entries(options.adjust ?? {})) await reviewCriterion(db, actor, assessmentId, { criterionKey: key, decision: 'adjusted', value: String(a.value), reason: a.reason });
	if (options.returnKey) {
		await reviewCriterion(db, actor, assessmentId, { criterionKey: options.returnKey, decision: 'returned', reason: 'Bổ sung minh chứng.' });
		await returnAssessment(db, actor, assessmentId);
		return;
	}
	await acceptRemainingCriteria(db, actor, assessmentId);
	await verifyAssessment(db, actor, assessmentId);
}

/**
 * The demo's emulation on digital transformation (DEMO=1): the Office's copy of the DTI-shaped
 * template; a 2020 Week with its round published (the previous edition), and the 2021 round with
 * four units verified and published (progress since 2020 shown), one returned for more evidence and
 * one still a draft. The 2020 and 2021 parts are written with the clock set to their time.
 */
export async function seedDemoMaturity(
	db: Db,
	demo: { officeOrgId: string; campaignId: string; units: Record<string, { id: string }>; setClock: (at?: Date) => void }
): Promise<{ round2020: MaturityRoundRow; round2021: MaturityRoundRow }> {
	const actor = systemActor('demo');
	const unit = (code: string) => demo.units[code].id;
	try {
		demo.setClock(new Date('2020-10-20T09:00:00+07:00'));
		const framework = await createFramework(db, { orgId: demo.officeOrgId, actor, name: 'Bộ chỉ số chuyển đổi số các phòng, ban, đơn vị thuộc Văn phòng' });
		const campaign2020 = await createCampaign(db, { orgId: demo.officeOrgId, year: 2020, status: 'closed', actor, symbol: 'KH-VPUB', title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2020' });
		const first = [['TTTT', 0.55], ['TTPVHCC', 0.7], ['TH', 0.6], ['KT', 0.55]] as const;
		const round2020 = await createRound(db, { campaignId: campaign2020.id, frameworkId: framework.id, unitIds: first.map(([c]) => unit(c)), deadline: '31/10/2020', title: 'Đánh giá mức độ chuyển đổi số năm 2020', actor });
		const a2020 = await listRoundAssessments(db, actor, round2020.id);
		for (const [code, share] of first) {
			const id = a2020.get(unit(code))!;
			await fillAssessment(db, id, { share, actor });
			await submitAssessment(db, actor, id);
			await reviewAll(db, id, { actor });
		}
		demo.setClock(new Date('2020-11-05T09:00:00+07:00'));
		await publishRound(db, actor, round2020.id);

		demo.setClock(new Date('2021-10-15T09:00:00+07:00'));
		const second = [['TTTT', 0.9], ['TTPVHCC', 0.75], ['TH', 0.7], ['KT', 0.6], ['KGVX', 0.8], ['NC', 0]] as const;
		const round2021 = await createRound(db, { campaignId: demo.campaignId, frameworkId: framework.id, unitIds: second.map(([c]) => unit(c)), deadline: '31/10/2021', title: 'Đánh giá mức độ chuyển đổi số năm 2021', actor });
		const a2021 = await listRoundAssessments(db, actor, round2021.id);
		for (const [code, share] of second) {
			const id = a2021.get(unit(code))!;
			if (code === 'NC') {
				await openAssessment(db, actor, id);
				continue;
			}
			await fillAssessment(db, id, { share, actor });
			await submitAssessment(db, actor, id);
			if (code === 'KGVX') await reviewAll(db, id, { actor, returnKey: 'tc_kh' });
			else await reviewAll(db, id, { actor, adjust: code === 'KT' ? { hd_van_ban: { value: 30, reason: 'Tỷ lệ theo số liệu hệ thống quản lý văn bản là 30%.' } } : undefined });
		}
		demo.setClock(new Date('2021-11-10T09:00:00+07:00'));
		await publishRound(db, actor, round2021.id);
		return { round2020, round2021 };
	} finally {
		demo.setClock();
	}
}

/** Unit id → assessment id of a round. */
export async function listRoundAssessments(db: Db, actor: Actor, roundId: string): Promise<Map<string, string>> {
	return new Map((await getRound(db, actor, roundId)).assessments.map((a) => [a.unitId, a.id]));
}
