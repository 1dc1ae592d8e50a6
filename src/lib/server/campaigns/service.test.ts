import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../db/testing';
import { anonymousActor, systemActor, type Actor, type Role } from '../auth/actor';
import { createOrgNode } from '../org/seed';
import type { OrgNodeRow } from '../org/service';
import { listAuditEntries } from '../audit/service';
import { campaign } from './tables';
import {
	cloneCampaign,
	createCampaign as createCampaignWithService,
	getCampaign,
	listCampaigns,
	listChildCampaigns,
	listParentCandidates,
	listPublicCampaigns,
	updateCampaign,
	availableCampaignActions
} from './service';
import { createCampaign } from './seed';
import { campaignForm, campaignToFormValues } from '../../features/campaigns/inputs';

const db = await createTestDb();

async function node(name: string, shortCode: string, parent?: OrgNodeRow): Promise<OrgNodeRow> {
	return createOrgNode(db, { name, shortCode, kind: parent ? 'agency' : 'province', parentId: parent?.id ?? null });
}

const province = await node('UBND tỉnh Sơn La', 'UBND');
const office = await node('Văn phòng UBND tỉnh', 'VPUB', province);
const unit = await node('Phòng Tổ chức - Hành chính - Quản trị', 'TCHCQT', office);
const education = await node('Sở Giáo dục và Đào tạo', 'SGDĐT', province);
const otherProvince = await node('UBND tỉnh Điện Biên', 'UBNDDB');

const as = (role: Role, at: OrgNodeRow): Actor => ({ kind: 'user', userId: `u-${role}-${at.shortCode}`, email: `${role}@${at.shortCode}.vn`, grants: [{ role, orgId: at.id, orgPath: at.path }] });
const coordinator = as('coordinator', office);
const system = systemActor('test');

async function rawRow(id: string) {
	const [row] = await db.select().from(campaign).where(eq(campaign.id, id));
	return row;
}

async function auditOf(id: string) {
	return (await listAuditEntries(db, as('administrator', province), { entity: 'campaign', entityId: id })).reverse();
}

describe('creating a campaign', () => {
	it('gives a coordinator of the node a draft with clean content and an audit entry', async () => {
		const row = await createCampaignWithService(db, coordinator, {
			orgId: office.id,
			title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021',
			symbol: 'KH-VPUB',
			place: 'Sơn La',
			themes: '“Chuyển đổi số để xây dựng thành công một xã hội học tập mới”',
			startsOn: '01/10/2021',
			endsOn: '07/10/2021',
			sections: [
				{
					heading: 'Các hoạt động',
					bodyHtml:
						'<p onclick="x()">Tuyên <b>truyền</b><script>alert(1)</script></p><a href="javascript:alert(1)">xấu</a> <a href="https://uil.unesco.org" target="_blank">UIL</a><a href="/admin">nội bộ</a><a href="mailto:vp@sonla.gov.vn">thư</a><img src=x onerror=alert(1)><iframe src="https://x"></iframe><h3 style="color:red">Mục</h3>'
				},
				{ heading: 'Gõ không có trình soạn thảo', bodyHtml: 'Dòng một\ndòng hai\n\nĐoạn <hai> & ba' }
			]
		});
		expect(row).toMatchObject({ status: 'draft', version: 1, year: 2021, orgId: office.id, createdBy: coordinator.userId, number: null });
		expect(row.sections[0].bodyHtml).toBe('<p>Tuyên <strong>truyền</strong></p><a>xấu</a> <a href="https://uil.unesco.org">UIL</a><a>nội bộ</a><a href="mailto:vp@sonla.gov.vn">thư</a><h3>Mục</h3>');
		expect(row.sections[1].bodyHtml).toBe('<p>Dòng một<br />dòng hai</p><p>Đoạn &lt;hai&gt; &amp; ba</p>');
		const audit = await auditOf(row.id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ action: 'create', actorLabel: 'coordinator@VPUB.vn', orgPath: office.path });
	});

	it('lets an administrator of the province open a draft for the office', async () => {
		const row = await createCampaign(db, { orgId: office.id, actor: as('administrator', province) });
		expect(row.status).toBe('draft');
	});

	for (const [label, who] of [
		['a unit leader', as('unit_leader', office)],
		['a staff member', as('staff', office)],
		['a reviewer', as('reviewer', office)],
		['a partner', as('partner', office)],
		['a supervisor', as('supervisor', province)],
		['a coordinator of a unit below', as('coordinator', unit)],
		['a coordinator of another province', as('coordinator', otherProvince)],
		['an anonymous visitor', anonymousActor]
	] as Array<[string, Actor]>) {
		it(`refuses ${label}`, async () => {
			await expect(createCampaign(db, { orgId: office.id, actor: who })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		});
	}

	it('refuses an unknown node', async () => {
		await expect(createCampaign(db, { orgId: 'nope', actor: coordinator })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('refuses bad input naming each field, and writes nothing', async () => {
		const before = (await listCampaigns(db, system, { orgId: office.id })).length;
		await expect(createCampaign(db, { orgId: office.id, actor: coordinator, themes: [], startsOn: '07/10/2021', endsOn: '01/10/2021' })).rejects.toMatchObject({
			code: 'VALIDATION',
			fields: { themes: 'field_required', endsOn: 'field_date_order' }
		});
		expect((await listCampaigns(db, system, { orgId: office.id })).length).toBe(before);
	});
});

describe('editing a draft', () => {
	it('replaces the content, bumps the version and audits what changed', async () => {
		const draft = await createCampaign(db, { orgId: office.id });
		const values = { ...campaignToFormValues(draft), title: 'Tổ chức Tuần lễ năm 2021 (sửa)', themes: 'Chủ đề mới' };
		const row = await updateCampaign(db, coordinator, draft.id, campaignForm.parse(values), { expectedVersion: 1 });
		expect(row).toMatchObject({ version: 2, title: 'Tổ chức Tuần lễ năm 2021 (sửa)', themes: ['Chủ đề mới'], recipients: draft.recipients, signer: draft.signer });
		const update = (await auditOf(draft.id)).find((e) => e.action === 'update');
		expect(update?.before).toEqual({ title: draft.title, themes: draft.themes });
		expect(update?.after).toEqual({ title: row.title, themes: ['Chủ đề mới'] });
	});

	it('refuses an edit made from an older version (STALE) and keeps the newer one', async () => {
		const draft = await createCampaign(db, { orgId: office.id });
		await updateCampaign(db, coordinator, draft.id, { ...draft, title: 'Bản của người thứ nhất' }, { expectedVersion: 1 });
		await expect(updateCampaign(db, coordinator, draft.id, { ...draft, title: 'Bản của người thứ hai' }, { expectedVersion: 1 })).rejects.toMatchObject({ code: 'STALE' });
		expect((await rawRow(draft.id)).title).toBe('Bản của người thứ nhất');
	});

	it('refuses to edit a plan once submitted (INVALID_TRANSITION)', async () => {
		const submitted = await createCampaign(db, { orgId: office.id, status: 'submitted' });
		await expect(updateCampaign(db, coordinator, submitted.id, { ...submitted, title: 'x' }, { expectedVersion: submitted.version })).rejects.toMatchObject({
			code: 'INVALID_TRANSITION'
		});
	});

	it('refuses a unit leader (FORBIDDEN) and hides the draft from staff (NOT_FOUND)', async () => {
		const draft = await createCampaign(db, { orgId: office.id });
		await expect(updateCampaign(db, as('unit_leader', office), draft.id, { ...draft }, { expectedVersion: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(updateCampaign(db, as('staff', office), draft.id, { ...draft }, { expectedVersion: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(updateCampaign(db, as('administrator', province), draft.id, { ...draft }, { expectedVersion: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});

describe('reading campaigns', () => {
	it('hides drafts from the public and from staff, shows them to the back office of the node or above', async () => {
		const draft = await createCampaign(db, { orgId: unit.id });
		for (const who of [anonymousActor, as('staff', unit), as('reviewer', office), as('partner', office), as('coordinator', education), as('supervisor', otherProvince)]) {
			await expect(getCampaign(db, who, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
		for (const who of [as('administrator', province), as('coordinator', office), as('unit_leader', unit), as('supervisor', province)]) {
			expect((await getCampaign(db, who, draft.id)).id).toBe(draft.id);
		}
	});

	it('shows an issued plan to anyone', async () => {
		const issued = await createCampaign(db, { orgId: office.id, status: 'issued' });
		const seen = await getCampaign(db, anonymousActor, issued.id);
		expect(seen).toMatchObject({ id: issued.id, orgName: 'Văn phòng UBND tỉnh', status: 'issued' });
	});

	it('answers NOT_FOUND for an id that does not exist', async () => {
		await expect(getCampaign(db, system, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('lists public campaigns newest first with their node, never a draft', async () => {
		const p = await node('UBND tỉnh Lai Châu', 'UBNDLC');
		await createCampaign(db, { orgId: p.id, year: 2020, status: 'closed' });
		await createCampaign(db, { orgId: p.id, year: 2022, status: 'issued' });
		await createCampaign(db, { orgId: p.id, year: 2021, status: 'running' });
		await createCampaign(db, { orgId: p.id, year: 2023, status: 'approved' });
		await createCampaign(db, { orgId: p.id, year: 2024 });
		const list = (await listPublicCampaigns(db)).filter((c) => c.orgId === p.id);
		expect(list.map((c) => [c.year, c.status, c.orgName])).toEqual([
			[2022, 'issued', 'UBND tỉnh Lai Châu'],
			[2021, 'running', 'UBND tỉnh Lai Châu'],
			[2020, 'closed', 'UBND tỉnh Lai Châu']
		]);
		expect((await listPublicCampaigns(db)).every((c) => ['issued', 'running', 'closed'].includes(c.status))).toBe(true);
	});

	it('narrows the public list by year and by words without diacritics, never showing a draft', async () => {
		const p = await node('UBND tỉnh Cao Bằng', 'UBNDCB');
		const o = await node('Sở Văn hóa Cao Bằng', 'SVHCB', p);
		const a = await createCampaign(db, { orgId: p.id, year: 2021, title: 'Tuần lễ Cao Bằng năm 2021', themes: ['Đọc sách cùng con'], status: 'issued' });
		const b = await createCampaign(db, { orgId: o.id, year: 2022, title: 'Tuần lễ của Sở năm 2022', themes: ['Công dân số'], status: 'closed' });
		await createCampaign(db, { orgId: p.id, year: 2021, title: 'Dự thảo Cao Bằng năm 2021', themes: ['Đọc sách cùng con'] });
		const ids = async (options: { year?: number; q?: string }) => (await listPublicCampaigns(db, options)).filter((c) => [p.id, o.id].includes(c.orgId)).map((c) => c.id);
		expect(await ids({ q: 'DOC SACH' })).toEqual([a.id]);
		expect(await ids({ q: 'cong dan so' })).toEqual([b.id]);
		// Words of the node's name find its campaigns too.
		expect(await ids({ q: 'so van hoa' })).toEqual([b.id]);
		expect(await ids({ q: 'cao bang' })).toEqual([b.id, a.id]);
		expect(await ids({ year: 2021 })).toEqual([a.id]);
		expect(await ids({ year: 2021, q: 'cong dan' })).toEqual([]);
		expect(await ids({ q: '100%' })).toEqual([]);
	});

	it('lists for the back office only what lies under the actor’s nodes, searchable without diacritics', async () => {
		const p = await node('UBND tỉnh Yên Bái', 'UBNDYB');
		const o = await node('Văn phòng UBND tỉnh', 'VPUB', p);
		const u = await node('Trung tâm Thông tin', 'TTTT', o);
		const q = await node('UBND tỉnh Hà Giang', 'UBNDHG');
		const pPlan = await createCampaign(db, { orgId: p.id, title: 'Kế hoạch của tỉnh năm 2021', themes: ['Chuyển đổi số'] });
		const oPlan = await createCampaign(db, { orgId: o.id, title: 'Học tập suốt đời ở Văn phòng năm 2021', themes: ['Chuyển đổi số'], status: 'submitted' });
		const uPlan = await createCampaign(db, { orgId: u.id, title: 'Trung tâm học tập năm 2021', themes: ['Công dân số'] });
		await createCampaign(db, { orgId: q.id, title: 'Kế hoạch Điện Biên năm 2021', status: 'issued' });
		const ids = async (who: Actor, options = {}) => (await listCampaigns(db, who, options)).map((c) => c.id).sort();
		expect(await ids(as('coordinator', o))).toEqual([oPlan.id, uPlan.id].sort());
		expect(await ids(as('supervisor', p))).toEqual([pPlan.id, oPlan.id, uPlan.id].sort());
		expect(await ids(as('supervisor', p), { q: 'HOC TAP' })).toEqual([oPlan.id, uPlan.id].sort());
		expect(await ids(as('supervisor', p), { q: 'cong dan so' })).toEqual([uPlan.id]);
		expect(await ids(as('supervisor', p), { q: 'thong tin' })).toEqual([uPlan.id]);
		expect(await ids(as('supervisor', p), { q: '100%' })).toEqual([]);
		expect(await ids(as('supervisor', p), { status: 'submitted' })).toEqual([oPlan.id]);
		expect(await ids(as('supervisor', p), { orgId: o.id })).toEqual([oPlan.id, uPlan.id].sort());
		await expect(listCampaigns(db, as('staff', o))).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(listCampaigns(db, anonymousActor)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});

	it('offers the buttons the actor may press now', async () => {
		const submitted = await createCampaign(db, { orgId: office.id, status: 'submitted' });
		const resource = { orgPath: office.path, status: submitted.status };
		expect(availableCampaignActions(as('unit_leader', office), resource)).toEqual(['read', 'approve', 'return']);
		expect(availableCampaignActions(coordinator, resource)).toEqual(['read', 'clone']);
		expect(availableCampaignActions(coordinator, { ...resource, status: 'draft' })).toEqual(['read', 'update', 'submit', 'clone']);
		expect(availableCampaignActions(as('staff', office), resource)).toEqual([]);
		expect(availableCampaignActions(anonymousActor, { ...resource, status: 'running' })).toEqual(['read']);
	});
});

describe('parent and child campaigns', () => {
	it('links an office plan to the province plan it implements, and the province lists it with its status', async () => {
		const parent = await createCampaign(db, { orgId: province.id, number: '212', symbol: 'KH-UBND', status: 'issued' });
		const child = await createCampaign(db, {
			orgId: office.id,
			actor: coordinator,
			parentId: parent.id,
			legalBases: [{ kind: 'campaign', campaignId: parent.id }]
		});
		const unitChild = await createCampaign(db, { orgId: unit.id, parentId: parent.id, status: 'issued' });
		expect(child.parentId).toBe(parent.id);

		const asCoordinator = await listChildCampaigns(db, coordinator, parent.id);
		expect(asCoordinator.map((c) => [c.id, c.status, c.orgName])).toEqual([
			[child.id, 'draft', 'Văn phòng UBND tỉnh'],
			[unitChild.id, 'issued', 'Phòng Tổ chức - Hành chính - Quản trị']
		]);
		// The public sees the issued child only.
		expect((await listChildCampaigns(db, anonymousActor, parent.id)).map((c) => c.id)).toEqual([unitChild.id]);

		const detail = await getCampaign(db, coordinator, child.id);
		expect(detail.parent).toMatchObject({ id: parent.id, number: '212', symbol: 'KH-UBND', orgName: 'UBND tỉnh Sơn La' });
		expect(detail.linkedCampaigns[parent.id]).toMatchObject({ symbol: 'KH-UBND' });
		expect((await getCampaign(db, anonymousActor, parent.id)).children.map((c) => c.id)).toEqual([unitChild.id]);
	});

	it('refuses a parent on the same node, beside it or below it', async () => {
		const sameNode = await createCampaign(db, { orgId: office.id, status: 'issued' });
		const beside = await createCampaign(db, { orgId: education.id, status: 'issued' });
		const below = await createCampaign(db, { orgId: unit.id, status: 'issued' });
		for (const parentId of [sameNode.id, beside.id, below.id, 'nope']) {
			await expect(createCampaign(db, { orgId: office.id, actor: coordinator, parentId })).rejects.toMatchObject({ code: 'VALIDATION', fields: { parentId: 'campaigns_parent_invalid' } });
		}
	});

	it('refuses a parent the actor may not read (the province’s draft)', async () => {
		const provinceDraft = await createCampaign(db, { orgId: province.id });
		await expect(createCampaign(db, { orgId: office.id, actor: coordinator, parentId: provinceDraft.id })).rejects.toMatchObject({
			fields: { parentId: 'campaigns_parent_invalid' }
		});
		await expect(createCampaign(db, { orgId: office.id, actor: coordinator, legalBases: [{ kind: 'campaign', campaignId: provinceDraft.id }] })).rejects.toMatchObject({
			fields: { legalBases: 'campaigns_legal_basis_campaign_invalid' }
		});
		// The province's coordinator may read it, so may link to it.
		const ok = await createCampaign(db, { orgId: office.id, actor: as('coordinator', province), parentId: provinceDraft.id });
		expect(ok.parentId).toBe(provinceDraft.id);
	});

	it('offers as parents the readable plans of the nodes above', async () => {
		const p = await node('UBND tỉnh Hòa Bình', 'UBNDHB');
		const o = await node('Văn phòng UBND tỉnh', 'VPUB', p);
		const issued = await createCampaign(db, { orgId: p.id, status: 'issued' });
		await createCampaign(db, { orgId: p.id });
		await createCampaign(db, { orgId: o.id, status: 'issued' });
		expect((await listParentCandidates(db, as('coordinator', o), o.id)).map((c) => c.id)).toEqual([issued.id]);
	});
});

describe('cloning into next year', () => {
	it('makes a new draft of next year with dates and year mentions shifted, and leaves the original byte for byte', async () => {
		const parent = await createCampaign(db, { orgId: province.id, status: 'issued' });
		const source = await createCampaign(db, {
			orgId: office.id,
			parentId: parent.id,
			number: '05',
			documentDate: '2021-09-20',
			title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021',
			purposes: 'Tuần lễ năm 2021 nhằm… Đề án giai đoạn 2021-2030, ngày 30/7/2021.',
			themes: ['Học tập suốt đời NĂM 2021'],
			sections: [{ heading: 'Hoạt động năm 2021', bodyHtml: '<p>Trong năm 2021, năm 20210 và năm 2020.</p>' }],
			legalBases: [{ kind: 'document', number: '1373/QĐ-TTg', date: '2021-07-30', issuer: 'Thủ tướng Chính phủ', title: 'Đề án năm 2021' }],
			status: 'closed'
		});
		const before = JSON.stringify(await rawRow(source.id));
		const copy = await cloneCampaign(db, coordinator, source.id);
		expect(JSON.stringify(await rawRow(source.id))).toBe(before);

		expect(copy).toMatchObject({
			status: 'draft',
			version: 1,
			year: 2022,
			clonedFromId: source.id,
			parentId: parent.id,
			orgId: office.id,
			number: null,
			documentDate: null,
			startsOn: '2022-10-01',
			endsOn: '2022-10-07',
			title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2022',
			purposes: 'Tuần lễ năm 2022 nhằm… Đề án giai đoạn 2021-2030, ngày 30/7/2021.',
			themes: ['Học tập suốt đời NĂM 2022'],
			sections: [{ heading: 'Hoạt động năm 2022', bodyHtml: '<p>Trong năm 2022, năm 20210 và năm 2020.</p>' }],
			recipients: source.recipients,
			signer: source.signer,
			// A legal basis cites a document that exists as it was: it is not rewritten.
			legalBases: source.legalBases
		});
		expect((await auditOf(copy.id))[0]).toMatchObject({ action: 'clone', after: { clonedFromId: source.id, year: 2022 } });
		expect((await listCampaigns(db, coordinator, { q: 'nam 2022' })).map((c) => c.id)).toContain(copy.id);
	});

	it('clones into a given year, shifting 29 February to the 28th', async () => {
		const source = await createCampaign(db, { orgId: office.id, startsOn: '2024-02-29', endsOn: '2024-03-06', title: 'Tuần lễ năm 2024' });
		const copy = await cloneCampaign(db, coordinator, source.id, { year: 2027 });
		expect(copy).toMatchObject({ year: 2027, startsOn: '2027-02-28', endsOn: '2027-03-06', title: 'Tuần lễ năm 2027' });
	});

	it('refuses anyone but a coordinator, a year out of range, and a campaign the actor cannot read', async () => {
		const source = await createCampaign(db, { orgId: office.id, status: 'issued' });
		const draft = await createCampaign(db, { orgId: office.id });
		await expect(cloneCampaign(db, as('unit_leader', office), source.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(cloneCampaign(db, as('staff', office), source.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(cloneCampaign(db, anonymousActor, source.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(cloneCampaign(db, as('staff', office), draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(cloneCampaign(db, coordinator, source.id, { year: 1999 })).rejects.toMatchObject({ code: 'VALIDATION', fields: { year: 'field_invalid' } });
		await expect(cloneCampaign(db, as('coordinator', otherProvince), source.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});
