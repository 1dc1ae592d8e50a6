import { describe, expect, it } from 'vitest';
import { campaignJson, campaignListJson, campaignTransitionBody, toCampaignJson, toCampaignSummaryJson } from './api';

const summary = {
	id: 'c-office',
	orgId: 'o-office',
	orgName: 'Văn phòng UBND tỉnh',
	orgShortCode: 'VPUB',
	parentId: 'c-province',
	year: 2021,
	title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021',
	number: '5',
	symbol: 'KH-VPUB',
	place: 'Sơn La',
	documentDate: '2021-09-14',
	themes: ['Chuyển đổi số để xây dựng thành công một xã hội học tập mới'],
	startsOn: '2021-10-01',
	endsOn: '2021-10-07',
	status: 'issued' as const,
	version: 4
};

// A campaign as the service reads it: with the columns the API must never show.
const detail = {
	...summary,
	orgPath: '/o-province/o-office/',
	searchText: 'to chuc tuan le',
	createdBy: 'u-coordinator',
	clonedFromId: null,
	introduction: 'Văn phòng UBND tỉnh xây dựng kế hoạch như sau:',
	purposes: 'Đẩy mạnh phong trào học tập.',
	requirements: 'Thiết thực, hiệu quả.',
	legalBases: [{ kind: 'campaign' as const, campaignId: 'c-province' }, { kind: 'document' as const, number: '1373/QĐ-TTg', date: '2021-07-30', issuer: 'Thủ tướng Chính phủ', title: 'Đề án xây dựng xã hội học tập' }],
	sections: [{ heading: 'Các hoạt động', bodyHtml: '<ul><li>Tuyên truyền.</li></ul>' }],
	duties: [{ unit: 'Các phòng, ban, đơn vị', text: 'tổ chức thực hiện.' }],
	recipients: ['Lưu: VT'],
	signer: { name: 'Lê Thị Hồng Anh', position: 'PHÓ CHÁNH VĂN PHÒNG', authority: 'KT' as const, authorityTitle: 'CHÁNH VĂN PHÒNG' },
	returnReason: null,
	createdAt: new Date('2021-09-10T02:00:00Z'),
	updatedAt: new Date('2021-09-14T03:00:00Z'),
	parent: { ...summary, id: 'c-province', orgId: 'o-province', orgName: 'UBND tỉnh Sơn La', parentId: null, number: '212', symbol: 'KH-UBND' },
	children: [],
	linkedCampaigns: { 'c-province': { ...summary, id: 'c-province', orgName: 'UBND tỉnh Sơn La', parentId: null, number: '212', symbol: 'KH-UBND' } }
};

describe('the campaigns API shapes', () => {
	it('answers a campaign as its schema says, with the printed reference and ISO dates', () => {
		const out = toCampaignJson(detail);
		expect(campaignJson.parse(out)).toEqual(out);
		expect(out).toMatchObject({ reference: 'Số: 05/KH-VPUB', createdAt: '2021-09-10T02:00:00.000Z', parent: { reference: 'Số: 212/KH-UBND' } });
		expect(out.linkedCampaigns['c-province'].orgName).toBe('UBND tỉnh Sơn La');
	});

	it('never shows the internal columns: search text, who created it, the node path', () => {
		const out = toCampaignJson(detail) as Record<string, unknown>;
		for (const key of ['searchText', 'createdBy', 'orgPath']) expect(out).not.toHaveProperty(key);
		expect(toCampaignSummaryJson(detail)).not.toHaveProperty('orgPath');
		expect(campaignListJson.parse({ items: [toCampaignSummaryJson(detail)] }).items[0]).not.toHaveProperty('searchText');
	});

	it('refuses a transition that is not a workflow step', () => {
		expect(campaignTransitionBody.safeParse({ action: 'publish' }).success).toBe(false);
		expect(campaignTransitionBody.parse({ action: 'return', reason: 'Bổ sung căn cứ.' })).toEqual({ action: 'return', reason: 'Bổ sung căn cứ.' });
	});
});
