import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import { anonymousActor, systemActor, type Actor, type Role } from '../../auth/actor';
import { freezeClock } from '../../core/clock';
import { createOrgNode } from '../../org/seed';
import type { OrgNodeRow } from '../../org/service';
import { listAuditEntries } from '../../audit/service';
import { documentReference } from '../../../features/documents/register';
import { cancelDocument, getNumberingPolicy, issueDocument, listRegister, setNumberingPolicy } from '../service';
import { createDocument } from '../seed';

const db = await createTestDb();

async function node(name: string, shortCode: string, parent?: OrgNodeRow): Promise<OrgNodeRow> {
	return createOrgNode(db, { name, shortCode, kind: parent ? 'agency' : 'province', parentId: parent?.id ?? null });
}

const province = await node('UBND tỉnh Sơn La', 'UBND');
const office = await node('Văn phòng UBND tỉnh', 'VPUB', province);
const unit = await node('Phòng Tổ chức – Hành chính – Quản trị', 'TCHCQT', office);
const otherProvince = await node('UBND tỉnh Điện Biên', 'UBNDDB');

const as = (role: Role, at: OrgNodeRow = office): Actor => ({ kind: 'user', userId: `u-${role}-${at.shortCode}`, email: `${role}@${at.shortCode.toLowerCase()}.vn`, grants: [{ role, orgId: at.id, orgPath: at.path }] });
const ALL_ROLES: Role[] = ['administrator', 'coordinator', 'unit_leader', 'staff', 'reviewer', 'partner', 'supervisor'];
const system = systemActor('test');

async function references(orgId: string, year = 2021): Promise<string[]> {
	return (await listRegister(db, system, { orgId, year })).map((e) => e.reference);
}

afterEach(() => freezeClock());

describe('numbering (Decree 30/2020, Art. 15)', () => {
	it('numbers an organisation’s documents 01, 02… in one sequence for all types, with a leading zero below 10', async () => {
		const org = await node('Sở Văn hóa', 'SVH', province);
		const docs = [];
		for (const type of ['KH', 'BC', 'TB', 'KH', 'QĐ', 'KH', 'KH', 'KH', 'KH', 'KH', 'KH'] as const) docs.push(await createDocument(db, { orgId: org.id, type }));
		expect(docs.map(documentReference)).toEqual([
			'01/KH-SVH',
			'02/BC-SVH',
			'03/TB-SVH',
			'04/KH-SVH',
			'05/QĐ-SVH',
			'06/KH-SVH',
			'07/KH-SVH',
			'08/KH-SVH',
			'09/KH-SVH',
			'10/KH-SVH',
			'11/KH-SVH'
		]);
		// Another organisation counts from 01 on its own.
		expect(documentReference(await createDocument(db, { orgId: unit.id }))).toBe('01/KH-TCHCQT');
	});

	it('starts again at 01 on 1 January: the year is the document’s date', async () => {
		const org = await node('Sở Tư pháp', 'STP', province);
		await createDocument(db, { orgId: org.id, documentDate: '2021-12-30' });
		const last = await createDocument(db, { orgId: org.id, documentDate: '31/12/2021' });
		const first = await createDocument(db, { orgId: org.id, documentDate: '2022-01-01' });
		expect([last.year, last.number, first.year, first.number]).toEqual([2021, 2, 2022, 1]);
		expect(await references(org.id, 2022)).toEqual(['01/KH-STP']);
	});

	it('keeps one sequence per type when the organisation chooses it', async () => {
		freezeClock(new Date('2021-03-01T03:00:00Z'));
		const org = await node('Sở Nội vụ', 'SNV', province);
		expect(await getNumberingPolicy(db, as('coordinator', org), org.id)).toEqual({ mode: 'single', canChange: false });
		expect(await setNumberingPolicy(db, as('unit_leader', org), { orgId: org.id, mode: 'per_type' })).toEqual({ mode: 'per_type' });
		expect((await getNumberingPolicy(db, as('unit_leader', org), org.id)).mode).toBe('per_type');
		const refs = [];
		for (const type of ['KH', 'BC', 'KH', 'BC', 'TB'] as const) refs.push(documentReference(await createDocument(db, { orgId: org.id, type, documentDate: '2021-03-01' })));
		expect(refs).toEqual(['01/KH-SNV', '01/BC-SNV', '02/KH-SNV', '02/BC-SNV', '01/TB-SNV']);
		const audit = await listAuditEntries(db, system, { entity: 'document_numbering_policy', entityId: org.id });
		expect(audit).toMatchObject([{ action: 'update', before: { mode: 'single' }, after: { mode: 'per_type' } }]);
	});

	it('refuses to change the numbering once the year has documents, so no number is given twice', async () => {
		freezeClock(new Date('2021-06-01T03:00:00Z'));
		const org = await node('Sở Y tế', 'SYT', province);
		await createDocument(db, { orgId: org.id, documentDate: '2021-05-01' });
		await expect(setNumberingPolicy(db, as('unit_leader', org), { orgId: org.id, mode: 'per_type' })).rejects.toMatchObject({ code: 'CONFLICT', fields: { mode: 'documents_numbering_locked' } });
		expect((await getNumberingPolicy(db, system, org.id)).mode).toBe('single');
		// From next year it may change.
		freezeClock(new Date('2022-01-02T03:00:00Z'));
		expect((await setNumberingPolicy(db, as('administrator', org), { orgId: org.id, mode: 'per_type' })).mode).toBe('per_type');
	});

	it('refuses the numbering choice to every role but unit leaders and administrators, and a bad mode', async () => {
		for (const role of ALL_ROLES.filter((r) => r !== 'unit_leader' && r !== 'administrator')) {
			await expect(setNumberingPolicy(db, as(role), { orgId: office.id, mode: 'per_type' }), role).rejects.toMatchObject({ code: 'FORBIDDEN' });
		}
		await expect(setNumberingPolicy(db, as('unit_leader', otherProvince), { orgId: office.id, mode: 'per_type' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(setNumberingPolicy(db, as('unit_leader'), { orgId: office.id, mode: 'yearly' as 'single' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { mode: 'field_invalid' } });
		await expect(getNumberingPolicy(db, as('staff'), office.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		expect((await getNumberingPolicy(db, system, office.id)).mode).toBe('single');
	});

	it('writes a công văn as <number>/<agency>-<drafting unit>, without "CV", and asks for the unit', async () => {
		const org = await node('Sở Xây dựng', 'SXD', province);
		const letter = await createDocument(db, { orgId: org.id, type: 'CV', unitCode: 'VP', summary: 'V/v hưởng ứng Tuần lễ học tập suốt đời' });
		expect(documentReference(letter)).toBe('01/SXD-VP');
		await expect(createDocument(db, { orgId: org.id, type: 'CV' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { unitCode: 'field_required' } });
	});

	it('keeps a number typed by hand without taking it from the sequence, and the sequence later steps over it', async () => {
		const org = await node('Sở Công Thương', 'SCT', province);
		const typed = await createDocument(db, { orgId: org.id, number: '3' });
		expect([documentReference(typed), typed.numberEnteredByHand]).toEqual(['03/KH-SCT', true]);
		const next = [];
		for (let i = 0; i < 3; i++) next.push(await createDocument(db, { orgId: org.id }));
		expect(next.map((d) => [d.number, d.numberEnteredByHand])).toEqual([
			[1, false],
			[2, false],
			[4, false]
		]);
	});

	it('refuses a typed number the year already holds (CONFLICT) and writes nothing', async () => {
		const org = await node('Sở Tài chính', 'STC', province);
		await createDocument(db, { orgId: org.id });
		await expect(createDocument(db, { orgId: org.id, number: '01' })).rejects.toMatchObject({ code: 'CONFLICT', fields: { number: 'field_taken' } });
		const twice = await Promise.allSettled([createDocument(db, { orgId: org.id, number: 7 }), createDocument(db, { orgId: org.id, number: 7 })]);
		expect(twice.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect(twice.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
		expect(await references(org.id)).toEqual(['01/KH-STC', '07/KH-STC']);
	});

	it('never gives a cancelled document’s number again; the register keeps it, cancelled', async () => {
		const org = await node('Sở Khoa học', 'SKH', province);
		const first = await createDocument(db, { orgId: org.id });
		const cancelled = await cancelDocument(db, as('unit_leader', org), first.id, { reason: '  Sai trích yếu. ' });
		expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Sai trích yếu.', number: 1 });
		const second = await createDocument(db, { orgId: org.id });
		expect(second.number).toBe(2);
		expect((await listRegister(db, system, { orgId: org.id, year: 2021 })).map((e) => [e.reference, e.status])).toEqual([
			['01/KH-SKH', 'cancelled'],
			['02/KH-SKH', 'issued']
		]);
		await expect(cancelDocument(db, as('unit_leader', org), first.id, { reason: 'Lần nữa' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
		await expect(cancelDocument(db, as('unit_leader', org), second.id, { reason: '  ' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { reason: 'field_required' } });
		await expect(cancelDocument(db, as('supervisor', province), second.id, { reason: 'Không' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(cancelDocument(db, as('staff', org), second.id, { reason: 'Không' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const audit = await listAuditEntries(db, system, { entity: 'document', entityId: first.id });
		expect(audit.map((e) => e.action).sort()).toEqual(['cancel', 'issue']);
	});

	it('gives 50 documents issued at once 50 distinct consecutive numbers 01..50', async () => {
		const org = await node('Sở Giáo dục và Đào tạo', 'SGDĐT', province);
		const leader = as('unit_leader', org);
		const docs = await Promise.all(Array.from({ length: 50 }, (_, i) => issueDocument(db, leader, { orgId: org.id, type: i % 2 ? 'BC' : 'KH', summary: `Văn bản ${i + 1}`, documentDate: '2021-10-01' })));
		expect(docs.map((d) => d.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
		expect(new Set(docs.map((d) => d.id)).size).toBe(50);
		// The next one follows on.
		expect((await createDocument(db, { orgId: org.id, documentDate: '2021-10-02' })).number).toBe(51);
	});
});

describe('who may issue a document', () => {
	it('lets the unit leaders and coordinators of the organisation or above issue, and audits each', async () => {
		const byLeader = await issueDocument(db, as('unit_leader'), { orgId: office.id, type: 'KH', summary: 'Kế hoạch A', documentDate: '2020-02-01' });
		const byCoordinator = await issueDocument(db, as('coordinator', province), { orgId: office.id, type: 'BC', summary: 'Báo cáo B', documentDate: '2020-02-02' });
		expect([byLeader.number, byCoordinator.number]).toEqual([1, 2]);
		expect(byLeader).toMatchObject({ issuedByLabel: 'unit_leader@vpub.vn', issuedByUserId: 'u-unit_leader-VPUB', sentOn: expect.any(String) });
		const [entry] = await listAuditEntries(db, system, { entity: 'document', entityId: byLeader.id });
		expect(entry).toMatchObject({ action: 'issue', actorLabel: 'unit_leader@vpub.vn', orgId: office.id, after: { reference: '01/KH-VPUB', year: 2020, summary: 'Kế hoạch A' } });
	});

	for (const role of ALL_ROLES.filter((r) => r !== 'unit_leader' && r !== 'coordinator')) {
		it(`refuses ${role} of the organisation (FORBIDDEN) and numbers nothing`, async () => {
			await expect(issueDocument(db, as(role), { orgId: office.id, type: 'KH', summary: 'Không được', documentDate: '2019-05-05' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
			expect(await references(office.id, 2019)).toEqual([]);
		});
	}

	it('refuses a leader of a unit below, of another province and an anonymous visitor (NOT_FOUND)', async () => {
		for (const actor of [as('unit_leader', unit), as('unit_leader', otherProvince), anonymousActor]) {
			await expect(issueDocument(db, actor, { orgId: office.id, type: 'KH', summary: 'Không được', documentDate: '2019-05-05' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
		await expect(issueDocument(db, as('unit_leader'), { orgId: 'no-such-org', type: 'KH', summary: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await references(office.id, 2019)).toEqual([]);
	});

	it('refuses bad input with each field named, and numbers nothing', async () => {
		const leader = as('unit_leader');
		const bad = async (input: Record<string, unknown>, fields: Record<string, string>) =>
			expect(issueDocument(db, leader, { orgId: office.id, type: 'KH', summary: 'Đúng', documentDate: '2019-05-05', ...input } as never)).rejects.toMatchObject({ code: 'VALIDATION', fields });
		await bad({ summary: '   ' }, { summary: 'field_required' });
		await bad({ summary: 'x'.repeat(501) }, { summary: 'field_too_long' });
		await bad({ type: 'CV-X' }, { type: 'field_invalid' });
		await bad({ type: undefined }, { type: 'field_invalid' });
		await bad({ documentDate: '31/02/2021' }, { documentDate: 'field_invalid_date' });
		await bad({ number: 'năm' }, { number: 'field_invalid_document_number' });
		await bad({ number: '0' }, { number: 'field_invalid_document_number' });
		await bad({ symbol: 'KH VPUB/1' }, { symbol: 'field_invalid_symbol' });
		await bad({ copies: -1 }, { copies: 'field_invalid' });
		await bad({ recipients: [{ label: 'Sở ngoài tỉnh', orgId: otherProvince.id }] }, { recipients: 'field_invalid' });
		await bad({ recipients: [{ label: 'Không có', orgId: 'no-such-org' }] }, { recipients: 'field_invalid' });
		await bad({ recipients: Array.from({ length: 101 }, (_, i) => `Nơi ${i}`) }, { recipients: 'field_too_long' });
		await expect(issueDocument(db, leader, { type: 'KH', summary: 'Không có cơ quan' } as never)).rejects.toMatchObject({ code: 'VALIDATION', fields: { orgId: 'field_required' } });
		// One who may not issue is refused before the input is looked at.
		await expect(issueDocument(db, as('staff'), { orgId: office.id, type: 'XX', summary: '' } as never)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		expect(await references(office.id, 2019)).toEqual([]);
	});
});
