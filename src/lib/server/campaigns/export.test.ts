import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { anonymousActor, type Actor } from '../auth/actor';
import { createOrgNode } from '../org/seed';
import { campaignDocument, countChildCampaigns, exportCampaignList } from './export';
import { createCampaign } from './seed';

const db = await createTestDb();
const province = await createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB', parentId: province.id });
const neighbour = await createOrgNode(db, { kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDĐT', parentId: province.id });
const coordinator: Actor = { kind: 'user', userId: 'c', grants: [{ role: 'coordinator', orgId: office.id, orgPath: office.path }] };

describe('campaign exports', () => {
	it('lists the campaigns the actor may see as spreadsheet rows', async () => {
		await createCampaign(db, { orgId: office.id, number: '5', status: 'issued' });
		await createCampaign(db, { orgId: neighbour.id, status: 'issued' });
		expect(await exportCampaignList(db, coordinator)).toEqual([
			{ reference: '05/KH-VPUB', title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021', organisation: 'Văn phòng UBND tỉnh', year: 2021, startsOn: '01/10/2021', endsOn: '07/10/2021', status: 'issued' }
		]);
		await expect(exportCampaignList(db, anonymousActor)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});

	it('lays the plan out as its document, and hides a draft’s from the public', async () => {
		const draft = await createCampaign(db, {
			orgId: office.id,
			legalBases: [{ kind: 'document', number: '1373/QĐ-TTg', date: '2021-07-30', issuer: 'Thủ tướng Chính phủ', title: 'Đề án xây dựng xã hội học tập' }],
			recipients: ['Sở Giáo dục và Đào tạo (Báo cáo);', 'Lưu: VT, TCHCQT']
		});
		await expect(campaignDocument(db, anonymousActor, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const doc = await campaignDocument(db, coordinator, draft.id);
		expect(doc).toMatchObject({
			governingBody: 'UBND TỈNH SƠN LA',
			issuer: 'VĂN PHÒNG UBND TỈNH',
			reference: 'Số: …/KH-VPUB',
			placeAndDate: 'Sơn La, ngày … tháng … năm 2021',
			citations: ['Căn cứ Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ về Đề án xây dựng xã hội học tập.'],
			recipients: ['- Sở Giáo dục và Đào tạo (Báo cáo);', '- Lưu: VT, TCHCQT.'],
			signature: ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Nguyễn Văn An']
		});
		expect(doc.outline.map((p) => p.heading)).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. TỔ CHỨC THỰC HIỆN']);
		expect(doc.outline[2].items[0].paragraphs).toEqual(['1. Các phòng, ban, đơn vị tổ chức thực hiện Kế hoạch.']);
	});
});

describe('report figures', () => {
	it('counts the plans implementing a campaign by status, and nothing else', async () => {
		const provincial = await createCampaign(db, { orgId: province.id, symbol: 'KH-UBND', status: 'issued' });
		await createCampaign(db, { orgId: office.id, parentId: provincial.id, status: 'running' });
		await createCampaign(db, { orgId: neighbour.id, parentId: provincial.id, status: 'running' });
		await createCampaign(db, { orgId: neighbour.id, parentId: provincial.id });
		await createCampaign(db, { orgId: office.id });
		expect(await countChildCampaigns(db, provincial.id)).toEqual(
			new Map([
				['running', 2],
				['draft', 1]
			])
		);
		expect(await countChildCampaigns(db, (await createCampaign(db, { orgId: office.id })).id)).toEqual(new Map());
	});
});
