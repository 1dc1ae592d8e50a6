// The Sơn La Office's 2021 Week, built on an empty database: organisations, people, the plan,
// and one demo account per role (only while the app runs with DEMO=1).
import type { Db } from '../db/types';
import { systemActor, type Role } from '../auth/actor';
import { createAccountWithPassword, findUserByEmail } from '../auth/service';
import { grantRole, linkPersonToUser } from '../org/service';
import { seedDemoOrganisations } from './org-2021';
import { seedDemoCampaigns } from './plan-2021';
import { seedDemoTasks } from '../tasks/seed';
import { findDemoPartner, seedDemoPartners } from '../partners/seed';
import { seedDemoLocalities } from '../localities/seed';
import { seedDemoActivities } from '../activities/seed';
import { seedDemoLibrary } from '../library/seed';
import { seedDemoCommunity } from '../community/seed';
import { seedDemoNews } from '../news/seed';
import { seedDemoMaturity } from '../maturity/seed';
import { seedDemoCreative } from '../creative/seed';
import { seedDemoRecognition } from '../recognition/seed';
import { seedDemoQuizzes } from '../quizzes/seed';
import { freezeClock } from '../core/clock';
import { logger } from '../core/logger';

export const DEMO_PASSWORD = 'LearnWeek@2021';

/** One account per role; `person` names the demo person it belongs to, `unit` where the role is granted ('partner': Viettel Sơn La's own node). */
export const DEMO_ACCOUNTS: Array<{ email: string; name: string; role: Role | null; unit: 'province' | 'office' | 'supervisor' | string }> = [
	{ email: 'quantri@demo.learnweek.vn', name: 'Quản trị hệ thống', role: 'administrator', unit: 'province' },
	{ email: 'dieuphoi@demo.learnweek.vn', name: 'Điều phối (Phòng TC-HC-QT)', role: 'coordinator', unit: 'office' },
	{ email: 'lanhdao@demo.learnweek.vn', name: 'Lê Thị Hồng Anh', role: 'unit_leader', unit: 'office' },
	// Leaders of two units without demo tasks (task mail still goes to the Office's leader): the self-assessment story's accounts.
	{ email: 'lanhdao.hcc@demo.learnweek.vn', name: 'Lãnh đạo Trung tâm Phục vụ hành chính công', role: 'unit_leader', unit: 'TTPVHCC' },
	{ email: 'lanhdao.kt@demo.learnweek.vn', name: 'Lãnh đạo Phòng Kinh tế', role: 'unit_leader', unit: 'KT' },
	{ email: 'canbo@demo.learnweek.vn', name: 'Cán bộ Trung tâm Thông tin', role: 'staff', unit: 'TTTT' },
	{ email: 'giamkhao@demo.learnweek.vn', name: 'Thành viên hội đồng', role: 'reviewer', unit: 'office' },
	{ email: 'doitac@demo.learnweek.vn', name: 'Đối tác công nghệ', role: 'partner', unit: 'partner' },
	{ email: 'giamsat@demo.learnweek.vn', name: 'Sở Giáo dục và Đào tạo', role: 'supervisor', unit: 'province' },
	{ email: 'hocvien@demo.learnweek.vn', name: 'Người học', role: null, unit: '' }
];

/** Builds the 2021 demo on an empty database; on one that has it, only restores missing demo accounts. */
export async function seedDemo(db: Db): Promise<void> {
	const system = systemActor('demo');
	const existing = await findUserByEmail(db, DEMO_ACCOUNTS[0].email);
	const orgs = await seedDemoOrganisations(db);
	if (orgs.created) {
		const { officeCampaign } = await seedDemoCampaigns(db, { provinceOrgId: orgs.province.id, officeOrgId: orgs.office.id });
		await seedDemoTasks(db, { campaignId: officeCampaign.id, units: orgs.units, people: orgs.people });
		const viettel = await seedDemoPartners(db, { officeOrgId: orgs.office.id, campaignId: officeCampaign.id });
		const places = await seedDemoLocalities(db);
		await seedDemoActivities(db, {
			campaignId: officeCampaign.id,
			hostUnitId: orgs.units.TTTT.id,
			partnerId: viettel.id,
			placeCode: places.find((p) => p.name === 'Phường Tô Hiệu')?.code ?? null,
			setClock: freezeClock
		});
		await seedDemoLibrary(db, { officeOrgId: orgs.office.id });
		await seedDemoCommunity(db, { officeOrgId: orgs.office.id, campaignId: officeCampaign.id });
		await seedDemoNews(db, { campaignId: officeCampaign.id, unitId: orgs.units.TTTT.id, setClock: freezeClock });
		await seedDemoMaturity(db, { officeOrgId: orgs.office.id, campaignId: officeCampaign.id, units: orgs.units, setClock: freezeClock });
		await seedDemoCreative(db, { campaignId: officeCampaign.id, units: orgs.units, setClock: freezeClock });
		await seedDemoRecognition(db, { campaignId: officeCampaign.id, office: orgs.office, units: orgs.units, setClock: freezeClock });
		await seedDemoQuizzes(db, { officeOrgId: orgs.office.id, campaignId: officeCampaign.id, people: orgs.people, setClock: freezeClock });
	}
	if (existing) return;
	// A demo built before partners existed has none: its partner account stays on the Office.
	const partnerNode = (await findDemoPartner(db, orgs.office.id))?.nodeId;
	for (const account of DEMO_ACCOUNTS) {
		const user = await createAccountWithPassword(db, system, { name: account.name, email: account.email, password: DEMO_PASSWORD, isDemo: true });
		if (!account.role) continue;
		const node = account.unit === 'province' ? orgs.province : account.unit === 'office' || account.unit === 'partner' ? orgs.office : orgs.units[account.unit];
		await grantRole(db, system, { userId: user.id, orgId: (account.unit === 'partner' && partnerNode) || node.id, role: account.role });
		if (account.role === 'unit_leader' && account.unit === 'office') {
			const signer = orgs.people.find((p) => p.familyName === 'Lê' && p.givenName === 'Anh');
			if (signer) await linkPersonToUser(db, system, { personId: signer.id, userId: user.id });
		}
	}
	logger.info({ accounts: DEMO_ACCOUNTS.length }, 'demo accounts ready');
}
