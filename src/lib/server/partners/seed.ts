// Factories for tests, e2e and the demo: partners, sponsorships and apps made through the service,
// as a coordinator or a partner would.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import type { EduAppInput, PartnerInput, SponsorshipInput } from '$lib/features/partners/inputs';
import type { EduAppStatus } from '$lib/features/partners/types';
import { createPartner as createPartnerRecord, listPartners, proposeEduApp, recordSponsorship, reviewEduApp, type EduAppRow, type PartnerRow, type SponsorshipRow } from './service';

const seedActor = systemActor('seed');
let counter = 0;

export type PartnerOverrides = Partial<PartnerInput> & {
	/** The agency it partners. */
	orgId: string;
	/** Who adds it (default the system). */
	actor?: Actor;
};

/** A technology partner of `orgId` with one contact unless `contacts` is given. */
export async function createPartner(db: Db, overrides: PartnerOverrides): Promise<PartnerRow> {
	const { orgId, actor = seedActor, ...input } = overrides;
	const n = ++counter;
	return createPartnerRecord(db, actor, orgId, {
		name: `Công ty Công nghệ số ${n}`,
		kind: 'technology',
		description: 'Đồng hành tổ chức lớp tập huấn kỹ năng số.',
		contacts: [{ name: 'Nguyễn Văn An', position: 'Trưởng phòng Kinh doanh', email: `lienhe${n}@example.vn`, phone: '0912 345 678' }],
		...input
	});
}

/** A sponsorship: 20 000 000 đ of money, received on 28/09/2021 unless given otherwise (by the system unless `actor` is given). */
export async function createSponsorship(db: Db, overrides: Partial<SponsorshipInput> & { partnerId: string; campaignId: string; actor?: Actor }): Promise<SponsorshipRow> {
	const { actor = seedActor, ...input } = overrides;
	return recordSponsorship(db, actor, { kind: 'money', valueVnd: 20_000_000, description: 'Hỗ trợ kinh phí tổ chức Tuần lễ.', receivedOn: '2021-09-28', ...input });
}

/** An app proposed for `orgId`'s directory and, unless `status` says otherwise, left proposed. */
export async function createEduApp(db: Db, overrides: Partial<EduAppInput> & { orgId: string; actor?: Actor; status?: EduAppStatus }): Promise<EduAppRow> {
	const { orgId, actor = seedActor, status = 'proposed', ...input } = overrides;
	const n = ++counter;
	const app = await proposeEduApp(db, actor, orgId, {
		name: `Ứng dụng học tập ${n}`,
		ageMin: 6,
		ageMax: 10,
		platforms: ['android', 'ios'],
		url: `https://ung-dung-${n}.example.vn`,
		licence: 'free',
		description: 'Học toán và tiếng Việt qua trò chơi.',
		...input
	});
	if (status === 'proposed') return app;
	return reviewEduApp(db, seedActor, app.id, { decision: status, note: status === 'rejected' ? 'Ứng dụng thu phí.' : '' });
}

const VIETTEL = 'Viettel Sơn La';

/** Free apps for children, approved in the demo: the best known in Vietnamese schools, and the MIT and Khan Academy ones. */
const DEMO_APPS: EduAppInput[] = [
	{
		name: 'VioEdu',
		ageMin: 6,
		ageMax: 15,
		platforms: ['web', 'android', 'ios'],
		url: 'https://vioedu.vn',
		licence: 'freemium',
		description: 'Học và luyện tập Toán, Tiếng Việt, Tiếng Anh theo chương trình phổ thông, có bài giảng và trò chơi; phần nâng cao thu phí.'
	},
	{
		name: 'OLM.vn',
		ageMin: 6,
		ageMax: 18,
		platforms: ['web', 'android', 'ios'],
		url: 'https://olm.vn',
		licence: 'freemium',
		description: 'Học trực tuyến các môn từ lớp 1 đến lớp 12, bài tập tự luyện có chấm điểm; giáo viên giao bài cho lớp.'
	},
	{
		name: 'Khan Academy Kids',
		ageMin: 2,
		ageMax: 8,
		platforms: ['android', 'ios'],
		url: 'https://www.khanacademy.org/kids',
		licence: 'free',
		description: 'Truyện, trò chơi và bài học về chữ cái, số đếm, cảm xúc cho trẻ mầm non và đầu tiểu học; miễn phí, không quảng cáo (tiếng Anh).'
	},
	{
		name: 'ScratchJr',
		ageMin: 5,
		ageMax: 7,
		platforms: ['android', 'ios'],
		url: 'https://www.scratchjr.org',
		licence: 'open_source',
		description: 'Trẻ ghép các khối lệnh để làm nhân vật chuyển động, kể chuyện và làm trò chơi: làm quen với lập trình.'
	},
	{
		name: 'Scratch',
		ageMin: 8,
		ageMax: 16,
		platforms: ['web', 'windows', 'macos', 'android'],
		url: 'https://scratch.mit.edu',
		licence: 'open_source',
		description: 'Lập trình kéo thả để làm truyện tương tác, trò chơi và hoạt hình; có giao diện tiếng Việt.'
	}
];

/**
 * The demo's partners of the Office for its 2021 Week: Viettel Sơn La (telecom), which gave 50
 * tablets for the digital-skills classes, and Báo Sơn La (newspaper), which gave the prize money
 * of the contest, each with a contact; five approved free apps for children and one awaiting the
 * coordinator. Returns Viettel Sơn La, whose node the demo partner account is granted on.
 */
export async function seedDemoPartners(db: Db, demo: { officeOrgId: string; campaignId: string }): Promise<PartnerRow> {
	const actor = systemActor('demo');
	const viettel = await createPartnerRecord(db, actor, demo.officeOrgId, {
		name: VIETTEL,
		kind: 'telecom',
		website: 'https://viettel.vn',
		description: 'Đồng hành tổ chức các lớp tập huấn sử dụng Internet an toàn, hiệu quả cho cán bộ, công chức và học sinh.',
		contacts: [{ name: 'Lò Văn Thắng', position: 'Phó Giám đốc', email: 'thanglv@example.vn', phone: '0982 123 456' }]
	});
	const newspaper = await createPartnerRecord(db, actor, demo.officeOrgId, {
		name: 'Báo Sơn La',
		kind: 'newspaper',
		website: 'https://baosonla.vn',
		description: 'Phối hợp tuyên truyền Tuần lễ và tổ chức cuộc thi tìm hiểu về công dân số.',
		contacts: [{ name: 'Cầm Thị Hoa', position: 'Trưởng ban Điện tử', email: 'hoact@example.vn', phone: '0912 654 321' }]
	});
	await recordSponsorship(db, actor, {
		partnerId: viettel.id,
		campaignId: demo.campaignId,
		kind: 'in_kind',
		valueVnd: 150_000_000,
		description: '50 máy tính bảng cho các lớp tập huấn kỹ năng số (ước tính 3.000.000 đ/máy).',
		receivedOn: '2021-09-27'
	});
	await recordSponsorship(db, actor, {
		partnerId: newspaper.id,
		campaignId: demo.campaignId,
		kind: 'money',
		valueVnd: 20_000_000,
		description: 'Giải thưởng cuộc thi tìm hiểu về công dân số.',
		receivedOn: '2021-09-30'
	});
	for (const app of DEMO_APPS) {
		const row = await proposeEduApp(db, actor, demo.officeOrgId, app);
		await reviewEduApp(db, actor, row.id, { decision: 'approved', note: '' });
	}
	await proposeEduApp(db, actor, demo.officeOrgId, {
		name: 'GeoGebra',
		ageMin: 10,
		ageMax: 18,
		platforms: ['web', 'android', 'ios', 'windows', 'macos'],
		url: 'https://www.geogebra.org',
		licence: 'free',
		description: 'Vẽ hình, đồ thị và làm thí nghiệm toán học trực quan; có giao diện tiếng Việt.'
	});
	return viettel;
}

/** The demo's Viettel Sơn La partner of the Office, if the demo has it. */
export async function findDemoPartner(db: Db, officeOrgId: string): Promise<{ id: string; nodeId: string } | undefined> {
	return (await listPartners(db, systemActor('demo'), officeOrgId)).find((p) => p.name === VIETTEL && p.orgId === officeOrgId);
}
