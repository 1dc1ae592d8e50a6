// Factories for tests, e2e and the demo: councils, calls, initiatives, nominations and decisions
// made through the service, as people would.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import { createAccountWithPassword, findUserByEmail } from '../auth/service';
import { grantRole, loadActorGrants, type OrgNodeRow } from '../org/service';
import type { CallInput, CouncilInput, InitiativeInput, NominationInput, ScoreInput } from '$lib/features/recognition/inputs';
import { DEFAULT_PASS_MARK, DEFAULT_WEIGHTS } from '$lib/features/recognition/types';
import {
	addAwardRecipient,
	addCouncilMember,
	closeCouncil,
	createAwardDecision,
	createCall as createCallThroughService,
	createCouncil as createCouncilThroughService,
	decideEntry,
	declareConflicts,
	issueAwardDecision,
	nominate,
	scoreEntry,
	sendToCouncil,
	submitInitiative as submitThroughService,
	type AwardDecisionRow,
	type CouncilRow,
	type InitiativeCallRow,
	type InitiativeRow,
	type NominationRow
} from './service';

const seedActor = systemActor('seed');

/** A council with the default rubric. */
export async function createCouncil(db: Db, overrides: Partial<CouncilInput> & { campaignId: string; actor?: Actor }): Promise<CouncilRow> {
	const { actor = seedActor, ...input } = overrides;
	return createCouncilThroughService(db, actor, { name: 'Hội đồng sáng kiến cơ sở', weights: DEFAULT_WEIGHTS, passMark: DEFAULT_PASS_MARK, ...input });
}

/** A call for initiatives open until the end of the campaign's year. */
export async function createCall(db: Db, overrides: Partial<CallInput> & { campaignId: string; actor?: Actor }): Promise<InitiativeCallRow> {
	const { actor = seedActor, ...input } = overrides;
	return createCallThroughService(db, actor, { title: 'Phát động sáng kiến về chuyển đổi số trong học tập suốt đời', deadline: '2100-12-31', ...input });
}

/** An initiative with one author (100%) from `unitId`, submitted by `actor`. */
export async function submitInitiative(db: Db, actor: Actor, overrides: Partial<InitiativeInput> & { callId: string; unitId: string }): Promise<InitiativeRow> {
	return submitThroughService(db, actor, {
		title: 'Ứng dụng sổ tay học tập số cho cán bộ, công chức',
		field: 'digital_transformation',
		authors: [{ name: 'Hoàng Anh Tú', unitId: overrides.unitId, share: 100, consent: true }],
		firstAppliedOn: '2021-06-01',
		situationBefore: 'Cán bộ ghi chép việc tự học trên giấy, khó tổng hợp.',
		solution: 'Sổ tay học tập số trên điện thoại, tự tính giờ học và nhắc lịch.',
		conditions: 'Điện thoại thông minh có kết nối Internet.',
		benefits: 'Giảm 80% thời gian tổng hợp báo cáo giờ học.',
		appliedWhere: 'Trung tâm Thông tin, Văn phòng UBND tỉnh.',
		...overrides
	});
}

/** A nomination of a person who consents to be shown. */
export async function createNomination(db: Db, overrides: Partial<NominationInput> & { campaignId: string; actor?: Actor }): Promise<NominationRow> {
	const { actor = seedActor, ...input } = overrides;
	return nominate(db, actor, { kind: 'person', name: 'Lò Thị Hoa', story: 'Tự học tiếng Anh và tin học mỗi ngày, chia sẻ tài liệu cho đồng nghiệp.', consentSelf: true, ...input });
}

/** Marks the same on every criterion. */
export function marks(n: number, comment = ''): ScoreInput {
	return { novelty: n, applicability: n, effectiveness: n, replicability: n, comment };
}

async function demoMember(db: Db, email: string, name: string, office: OrgNodeRow): Promise<Actor> {
	const user = (await findUserByEmail(db, email)) ?? (await createAccountWithPassword(db, seedActor, { name, email, password: 'LearnWeek@2021', isDemo: true }));
	await grantRole(db, seedActor, { userId: user.id, orgId: office.id, role: 'reviewer' });
	return { kind: 'user', userId: user.id, name: user.name, email: user.email, grants: await loadActorGrants(db, user.id) };
}

/** E-mails of the demo's council members besides the reviewer account (password as every demo account). */
export const DEMO_COUNCIL_EMAILS = ['hoidong1@demo.learnweek.vn', 'hoidong2@demo.learnweek.vn'];

/**
 * The demo's recognition (DEMO=1), written as it happened in 2021: a call for initiatives in the
 * Office's campaign, two initiatives, a council of three (one declared a conflict with the Trung tâm
 * Thông tin), one initiative recognised at cơ sở level, a role-model nomination recognised, and an
 * issued Quyết định khen thưởng with its certificates.
 */
export async function seedDemoRecognition(
	db: Db,
	demo: { campaignId: string; office: OrgNodeRow; units: Record<string, OrgNodeRow>; setClock: (at?: Date) => void }
): Promise<{ decision: AwardDecisionRow }> {
	const vn = (iso: string) => new Date(`${iso}+07:00`);
	const system = systemActor('demo');
	const { units } = demo;
	try {
		demo.setClock(vn('2021-09-15T09:00'));
		const chair = await demoMember(db, DEMO_COUNCIL_EMAILS[0], 'Nguyễn Đức Toàn', demo.office);
		const member = await demoMember(db, DEMO_COUNCIL_EMAILS[1], 'Hà Thị Thu Trang', demo.office);
		const council = await createCouncil(db, { campaignId: demo.campaignId, name: 'Hội đồng sáng kiến cơ sở năm 2021', actor: system });
		await addCouncilMember(db, system, council.id, { email: DEMO_COUNCIL_EMAILS[0], isChair: true });
		await addCouncilMember(db, system, council.id, { email: DEMO_COUNCIL_EMAILS[1] });
		await declareConflicts(db, member, council.id, { unitIds: [units.KGVX.id] });
		const call = await createCall(db, {
			campaignId: demo.campaignId,
			title: 'Phát động sáng kiến “Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người” năm 2021',
			description: 'Các phòng, ban, đơn vị đăng ký sáng kiến, giải pháp ứng dụng công nghệ số trong học tập suốt đời.',
			deadline: '2021-10-15',
			councilId: council.id,
			actor: system
		});
		demo.setClock(vn('2021-10-05T10:00'));
		const recognised = await submitInitiative(db, system, {
			callId: call.id,
			unitId: units.TTTT.id,
			title: 'Thư viện học liệu số dùng chung của Văn phòng UBND tỉnh',
			authors: [
				{ name: 'Hoàng Anh Tú', unitId: units.TTTT.id, share: 70, consent: true },
				{ name: 'Lò Thị Hoa', unitId: units.TTTT.id, share: 30, consent: false }
			],
			situationBefore: 'Tài liệu tập huấn nằm rải rác ở từng phòng, cán bộ khó tìm lại.',
			solution: 'Một thư viện học liệu số trên cổng thông tin nội bộ, tìm kiếm không dấu, gắn theo nhóm người học.',
			benefits: 'Hơn 300 lượt tải học liệu trong Tuần lễ; giảm in ấn tài liệu.',
			appliedWhere: 'Văn phòng UBND tỉnh và các phòng, đơn vị trực thuộc.'
		});
		const other = await submitInitiative(db, system, {
			callId: call.id,
			unitId: units.KGVX.id,
			title: 'Lịch học tập trực tuyến theo nhóm cho cán bộ trẻ',
			authors: [{ name: 'Tòng Văn Kiên', unitId: units.KGVX.id, share: 100, consent: true }],
			solution: 'Nhóm học trực tuyến mỗi tối thứ Năm, chia sẻ bài giảng và kiểm tra ngắn.',
			appliedWhere: 'Phòng Khoa giáo – Văn xã.'
		});
		for (const entry of [recognised, other]) await sendToCouncil(db, system, 'initiative', entry.id, { councilId: council.id });
		const nomination = await createNomination(db, {
			campaignId: demo.campaignId,
			name: 'Lò Thị Xuân',
			unitId: units.NK.id,
			story: 'Nhân viên phục vụ tự học tin học văn phòng buổi tối, nay hướng dẫn lại cho đồng nghiệp ở Nhà khách.',
			actor: system
		});
		await sendToCouncil(db, system, 'nomination', nomination.id, { councilId: council.id });
		demo.setClock(vn('2021-10-20T14:00'));
		await scoreEntry(db, chair, 'initiative', recognised.id, { novelty: 8, applicability: 9, effectiveness: 8, replicability: 7, comment: 'Dễ nhân rộng ra các sở, ngành.' });
		await scoreEntry(db, member, 'initiative', recognised.id, { novelty: 7, applicability: 8, effectiveness: 8, replicability: 8 });
		await scoreEntry(db, chair, 'initiative', other.id, marks(5));
		await scoreEntry(db, chair, 'nomination', nomination.id, marks(9));
		await scoreEntry(db, member, 'nomination', nomination.id, marks(8));
		await closeCouncil(db, chair, council.id);
		demo.setClock(vn('2021-10-25T09:00'));
		await decideEntry(db, system, 'initiative', recognised.id, { outcome: 'recognised', level: 'co_so', note: 'Công nhận sáng kiến cấp cơ sở.' });
		await decideEntry(db, system, 'nomination', nomination.id, { outcome: 'recognised', note: 'Tấm gương tiêu biểu.' });
		const decision = await createAwardDecision(db, system, {
			campaignId: demo.campaignId,
			summary: 'Về việc khen thưởng tập thể, cá nhân có thành tích trong Tuần lễ hưởng ứng học tập suốt đời năm 2021',
			reason: 'đã có thành tích xuất sắc trong tổ chức và hưởng ứng Tuần lễ hưởng ứng học tập suốt đời năm 2021',
			proposedBy: 'Trưởng phòng Tổ chức – Hành chính – Quản trị'
		});
		await addAwardRecipient(db, system, decision.id, { kind: 'collective', name: 'Trung tâm Thông tin', unitName: 'Văn phòng UBND tỉnh', source: 'manual', formCode: 'giay_khen', citation: 'Đơn vị tổ chức nhiều hoạt động học tập trên môi trường số' });
		await addAwardRecipient(db, system, decision.id, { kind: 'individual', name: 'Hoàng Anh Tú', unitName: units.TTTT.name, source: 'initiative', sourceId: recognised.id, authorIndex: 0, formCode: 'giay_khen', citation: 'Tác giả sáng kiến “Thư viện học liệu số dùng chung” được công nhận cấp cơ sở' });
		await addAwardRecipient(db, system, decision.id, { kind: 'individual', name: 'Lò Thị Hoa', unitName: units.TTTT.name, source: 'initiative', sourceId: recognised.id, authorIndex: 1, formCode: 'giay_chung_nhan', citation: 'Đồng tác giả sáng kiến “Thư viện học liệu số dùng chung”' });
		await addAwardRecipient(db, system, decision.id, { kind: 'individual', name: 'Lò Thị Xuân', unitName: units.NK.name, source: 'nomination', sourceId: nomination.id, formCode: 'giay_khen', citation: 'Tấm gương tiêu biểu trong tự học, học tập suốt đời' });
		demo.setClock(vn('2021-10-28T15:00'));
		return { decision: await issueAwardDecision(db, system, decision.id) };
	} finally {
		demo.setClock();
	}
}
