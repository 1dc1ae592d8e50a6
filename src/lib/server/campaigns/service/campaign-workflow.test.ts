import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import { anonymousActor, systemActor, type Actor, type Role } from '../../auth/actor';
import { freezeClock } from '../../core/clock';
import { createOrgNode } from '../../org/seed';
import type { OrgNodeRow } from '../../org/service';
import { listAuditEntries } from '../../audit/service';
import { CAMPAIGN_STATUSES, CAMPAIGN_TRANSITIONS, type CampaignTransition } from '../../../features/campaigns/types';
import { approveCampaign, closeCampaign, getCampaign, issueCampaign, returnCampaign, startCampaign, submitCampaign, type CampaignRow } from '../service';
import { createCampaign } from '../seed';

const db = await createTestDb();

async function node(name: string, shortCode: string, parent?: OrgNodeRow): Promise<OrgNodeRow> {
	return createOrgNode(db, { name, shortCode, kind: parent ? 'agency' : 'province', parentId: parent?.id ?? null });
}

const province = await node('UBND tỉnh Sơn La', 'UBND');
const office = await node('Văn phòng UBND tỉnh', 'VPUB', province);
const unit = await node('Trung tâm Thông tin', 'TTTT', office);

const as = (role: Role, at: OrgNodeRow = office): Actor => ({ kind: 'user', userId: `u-${role}`, email: `${role}@vpub.vn`, grants: [{ role, orgId: at.id, orgPath: at.path }] });
const coordinator = as('coordinator');
const leader = as('unit_leader');
const auditor = as('administrator', province);

const STEPS: Record<CampaignTransition, (db: Parameters<typeof submitCampaign>[0], actor: Actor, id: string) => Promise<CampaignRow>> = {
	submit: submitCampaign,
	approve: approveCampaign,
	return: (d, a, id) => returnCampaign(d, a, id, { reason: 'Bổ sung căn cứ.' }),
	issue: issueCampaign,
	start: startCampaign,
	close: closeCampaign
};
const ROLE_OF: Record<CampaignTransition, Role> = { submit: 'coordinator', approve: 'unit_leader', return: 'unit_leader', issue: 'unit_leader', start: 'coordinator', close: 'coordinator' };
const ALL_ROLES: Role[] = ['administrator', 'coordinator', 'unit_leader', 'staff', 'reviewer', 'partner', 'supervisor'];

async function auditOf(id: string) {
	return (await listAuditEntries(db, auditor, { entity: 'campaign', entityId: id })).reverse();
}

afterEach(() => freezeClock());

describe('the campaign workflow', () => {
	it('takes a plan from draft to closed, each step by its role, each in the audit log', async () => {
		// 00:30 on 1 October 2021 in Vietnam, still 30 September in UTC.
		freezeClock(new Date('2021-09-30T17:30:00Z'));
		const draft = await createCampaign(db, { orgId: unit.id, actor: coordinator, number: '05' });
		expect(draft.documentDate).toBeNull();
		const submitted = await submitCampaign(db, coordinator, draft.id);
		const approved = await approveCampaign(db, leader, draft.id);
		const issued = await issueCampaign(db, leader, draft.id);
		const running = await startCampaign(db, coordinator, draft.id);
		const closed = await closeCampaign(db, coordinator, draft.id);
		expect([submitted, approved, issued, running, closed].map((r) => [r.status, r.version])).toEqual([
			['submitted', 2],
			['approved', 3],
			['issued', 4],
			['running', 5],
			['closed', 6]
		]);
		expect(issued.documentDate).toBe('2021-10-01');
		expect(issued.number).toBe('05');

		const audit = await auditOf(draft.id);
		expect(audit.map((e) => [e.action, e.actorLabel, (e.before as { status?: string } | null)?.status ?? null, (e.after as { status: string }).status])).toEqual([
			['create', 'coordinator@vpub.vn', null, 'draft'],
			['submit', 'coordinator@vpub.vn', 'draft', 'submitted'],
			['approve', 'unit_leader@vpub.vn', 'submitted', 'approved'],
			['issue', 'unit_leader@vpub.vn', 'approved', 'issued'],
			['start', 'coordinator@vpub.vn', 'issued', 'running'],
			['close', 'coordinator@vpub.vn', 'running', 'closed']
		]);
		expect(audit[3].after).toMatchObject({ documentDate: '2021-10-01' });
		// Issued and later: public.
		expect((await getCampaign(db, anonymousActor, draft.id)).status).toBe('closed');
	});

	it('keeps the date a plan was given when it is issued', async () => {
		const approved = await createCampaign(db, { orgId: office.id, documentDate: '14/09/2021', status: 'approved' });
		expect((await issueCampaign(db, leader, approved.id)).documentDate).toBe('2021-09-14');
	});

	for (const step of Object.keys(STEPS) as CampaignTransition[]) {
		const from = CAMPAIGN_TRANSITIONS[step].from[0];
		for (const role of ALL_ROLES.filter((r) => r !== ROLE_OF[step])) {
			it(`refuses ${role} to ${step} (FORBIDDEN or NOT_FOUND) and writes nothing`, async () => {
				const c = await createCampaign(db, { orgId: office.id, status: from });
				const before = (await auditOf(c.id)).length;
				const hidden = !['issued', 'running', 'closed'].includes(from) && !['administrator', 'coordinator', 'unit_leader', 'supervisor'].includes(role);
				await expect(STEPS[step](db, as(role), c.id)).rejects.toMatchObject({ code: hidden ? 'NOT_FOUND' : 'FORBIDDEN' });
				expect((await getCampaign(db, systemActor(), c.id)).status).toBe(from);
				expect((await auditOf(c.id)).length).toBe(before);
			});
		}

		it(`refuses an anonymous visitor and a ${ROLE_OF[step]} of another node to ${step}`, async () => {
			const c = await createCampaign(db, { orgId: office.id, status: from });
			const beside = await node(`Sở ${step}`, `S${step.toUpperCase()}`, province);
			await expect(STEPS[step](db, anonymousActor, c.id)).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) });
			await expect(STEPS[step](db, as(ROLE_OF[step], beside), c.id)).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) });
			await expect(STEPS[step](db, as(ROLE_OF[step], unit), c.id)).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) });
		});

		const wrong = CAMPAIGN_STATUSES.filter((s) => !CAMPAIGN_TRANSITIONS[step].from.includes(s));
		it(`refuses to ${step} a campaign that is ${wrong.join(', ')} (INVALID_TRANSITION)`, async () => {
			for (const status of wrong) {
				const c = await createCampaign(db, { orgId: office.id, status });
				const audited = (await auditOf(c.id)).length;
				await expect(STEPS[step](db, as(ROLE_OF[step]), c.id), `${step} from ${status}`).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
				expect((await auditOf(c.id)).length).toBe(audited);
				expect((await getCampaign(db, systemActor(), c.id)).version).toBe(c.version);
			}
		});
	}

	it('acts once on a request sent twice: the second gets INVALID_TRANSITION and writes nothing', async () => {
		const c = await createCampaign(db, { orgId: office.id, status: 'submitted' });
		await approveCampaign(db, leader, c.id);
		const audited = (await auditOf(c.id)).length;
		await expect(approveCampaign(db, leader, c.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
		expect((await auditOf(c.id)).length).toBe(audited);
		expect((await getCampaign(db, leader, c.id)).version).toBe(3);
	});

	it('acts once on two identical requests at the same time', async () => {
		const c = await createCampaign(db, { orgId: office.id, status: 'approved' });
		const results = await Promise.allSettled([issueCampaign(db, leader, c.id), issueCampaign(db, leader, c.id)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'INVALID_TRANSITION' } });
		expect((await auditOf(c.id)).filter((e) => e.action === 'issue')).toHaveLength(1);
	});

	it('returns a submitted or approved plan to draft with its reason, kept until the next submission', async () => {
		for (const status of ['submitted', 'approved'] as const) {
			const c = await createCampaign(db, { orgId: office.id, status });
			const returned = await returnCampaign(db, leader, c.id, { reason: '  Bổ sung   căn cứ pháp lý. ' });
			expect(returned).toMatchObject({ status: 'draft', returnReason: 'Bổ sung căn cứ pháp lý.' });
			const entry = (await auditOf(c.id)).at(-1);
			expect(entry).toMatchObject({ action: 'return', before: { status }, after: { status: 'draft', returnReason: 'Bổ sung căn cứ pháp lý.' } });
			expect((await submitCampaign(db, coordinator, c.id)).returnReason).toBeNull();
		}
	});

	it('refuses a return without a reason and leaves the plan where it was', async () => {
		const c = await createCampaign(db, { orgId: office.id, status: 'submitted' });
		await expect(returnCampaign(db, leader, c.id, { reason: '   ' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { reason: 'field_required' } });
		expect((await getCampaign(db, leader, c.id)).status).toBe('submitted');
	});

	it('lets a leader of the province approve an office plan (roles hold below their node)', async () => {
		const c = await createCampaign(db, { orgId: office.id, status: 'submitted' });
		expect((await approveCampaign(db, as('unit_leader', province), c.id)).status).toBe('approved');
	});
});
