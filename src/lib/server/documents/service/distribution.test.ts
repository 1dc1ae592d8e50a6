import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import { anonymousActor, systemActor, type Actor, type Role } from '../../auth/actor';
import { createActor, createOrgNode } from '../../org/seed';
import type { OrgNodeRow } from '../../org/service';
import { listOutbox } from '../../notifications/service';
import { documentReference } from '../../../features/documents/register';
import { getDocument, listInbox, listRegister, matchRecipientOrgs, openDocument } from '../service';
import { createDocument } from '../seed';

const db = await createTestDb();
const system = systemActor('test');

async function node(name: string, shortCode: string, parent?: OrgNodeRow, kind: 'province' | 'agency' | 'department' = parent ? 'department' : 'province'): Promise<OrgNodeRow> {
	return createOrgNode(db, { name, shortCode, kind, parentId: parent?.id ?? null });
}

const province = await node('UBND tỉnh Sơn La', 'UBND');
const office = await node('Văn phòng UBND tỉnh', 'VPUB', province, 'agency');
const admin = await node('Phòng Tổ chức – Hành chính – Quản trị', 'TCHCQT', office);
const info = await node('Trung tâm Thông tin', 'TTTT', office);
const education = await node('Sở Giáo dục và Đào tạo', 'SGDĐT', province, 'agency');
const elsewhere = await node('UBND tỉnh Lai Châu', 'UBNDLC');
// Two nodes of the same name: a line naming it cannot tell which, and stays a label.
await node('Tổ Công nghệ', 'TCN', admin);
await node('Tổ Công nghệ', 'TCN', info);

const person = (role: Role, at: OrgNodeRow, email: string) => createActor(db, { role, orgId: at.id }, { email, name: email.split('@')[0] });
const leaderInfo = await person('unit_leader', info, 'lanhdao.tttt@sonla.vn');
const coordinatorInfo = await person('coordinator', info, 'dieuphoi.tttt@sonla.vn');
const adminInfo = await person('administrator', info, 'quantri.tttt@sonla.vn');
const staffInfo = await person('staff', info, 'canbo.tttt@sonla.vn');
const leaderBoth = await createActor(db, [{ role: 'unit_leader', orgId: info.id }, { role: 'unit_leader', orgId: admin.id }], { email: 'hai.noi@sonla.vn' });
const officeAdmin = await person('administrator', office, 'quantri.vpub@sonla.vn');
const educationStaff = await person('staff', education, 'canbo.sgd@sonla.vn');
const supervisor = await person('supervisor', province, 'giamsat@sonla.vn');
const outsider = await person('unit_leader', elsewhere, 'lanhdao@laichau.vn');
const officeLeader: Actor = await person('unit_leader', office, 'lanhdao.vpub@sonla.vn');

async function mailsAbout(reference: string) {
	return (await listOutbox(db, system, 1000)).filter((m) => m.subject.includes(reference));
}

describe('recipients named in "Nơi nhận"', () => {
	it('matches lines to organisations of the issuer’s tree by name or code, expands "Các phòng, ban, đơn vị", and keeps the rest as written', async () => {
		const matched = await matchRecipientOrgs(db, office.id, [
			'- Sở Giáo dục và Đào tạo (Báo cáo);',
			'LĐVP UBND tỉnh;',
			'Các phòng, ban, đơn vị;',
			'Phòng Tổ chức - Hành chính - Quản trị',
			'tttt',
			'Tổ Công nghệ',
			'UBND tỉnh Lai Châu',
			'Lưu: VT, TCHCQT.'
		]);
		expect(matched.archive).toBe('VT, TCHCQT');
		expect(matched.recipients).toEqual([
			{ label: 'Sở Giáo dục và Đào tạo (Báo cáo)', orgId: education.id },
			{ label: 'LĐVP UBND tỉnh' },
			{ label: 'Các phòng, ban, đơn vị', orgId: admin.id },
			{ label: 'Các phòng, ban, đơn vị', orgId: info.id },
			{ label: 'Phòng Tổ chức - Hành chính - Quản trị', orgId: admin.id },
			{ label: 'tttt', orgId: info.id },
			{ label: 'Tổ Công nghệ' },
			// Another province's tree is not searched: a document does not cross organisations.
			{ label: 'UBND tỉnh Lai Châu' }
		]);
	});
});

describe('distribution', () => {
	it('puts the document in each named organisation’s inbox and mails its administrators, coordinators and unit leaders, once each', async () => {
		const doc = await createDocument(db, {
			orgId: office.id,
			actor: officeLeader,
			summary: 'Hưởng ứng Tuần lễ học tập suốt đời năm 2021',
			recipients: [{ label: 'Trung tâm Thông tin', orgId: info.id }, { label: 'Phòng TCHCQT', orgId: admin.id }, { label: 'LĐVP UBND tỉnh' }]
		});
		const reference = documentReference(doc);
		const mails = await mailsAbout(reference);
		expect(mails.map((m) => m.to).sort()).toEqual(['dieuphoi.tttt@sonla.vn', 'hai.noi@sonla.vn', 'lanhdao.tttt@sonla.vn', 'quantri.tttt@sonla.vn']);
		const mail = mails.find((m) => m.to === 'lanhdao.tttt@sonla.vn')!;
		expect(mail.subject).toBe(`Văn bản đến: số ${reference} — Hưởng ứng Tuần lễ học tập suốt đời năm 2021`);
		expect(mail.text).toContain('Văn phòng UBND tỉnh đã gửi đến Trung tâm Thông tin văn bản số 01/KH-VPUB ngày 14/09/2021');
		expect(mail.text).toContain('Kế hoạch: Hưởng ứng Tuần lễ học tập suốt đời năm 2021');
		expect(mail.text).toMatch(new RegExp(`https?://[^\\s]+/inbox/${doc.id}`));

		for (const actor of [leaderInfo, coordinatorInfo, adminInfo, staffInfo, leaderBoth, supervisor]) {
			expect((await listInbox(db, actor)).map((i) => i.documentId), actor.email).toContain(doc.id);
		}
		expect((await listInbox(db, leaderBoth)).filter((i) => i.documentId === doc.id).map((i) => i.orgName).sort()).toEqual(['Phòng Tổ chức – Hành chính – Quản trị', 'Trung tâm Thông tin']);
		for (const actor of [educationStaff, outsider]) {
			expect((await listInbox(db, actor)).map((i) => i.documentId), actor.email).not.toContain(doc.id);
			await expect(getDocument(db, actor, doc.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		}
		// The office's administrator reads it in the register; the office is not a recipient.
		expect((await listInbox(db, officeAdmin)).map((i) => i.documentId)).toContain(doc.id);
		expect((await getDocument(db, officeAdmin, doc.id)).canSeeRegister).toBe(true);
	});

	it('mails no one when the recipients are only labels, and refuses the inbox to anonymous visitors', async () => {
		const doc = await createDocument(db, { orgId: office.id, actor: officeLeader, recipients: ['Bộ Giáo dục và Đào tạo'] });
		expect(await mailsAbout(documentReference(doc))).toEqual([]);
		await expect(listInbox(db, anonymousActor)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});

	it('lists unread documents first; opening one records the receipt for that organisation only', async () => {
		const unit = await node('Phòng Kinh tế', 'KT', office);
		const reader = await person('staff', unit, 'canbo.kt@sonla.vn');
		const older = await createDocument(db, { orgId: office.id, actor: officeLeader, summary: 'Văn bản cũ', documentDate: '2021-09-01', recipients: [{ label: 'Phòng Kinh tế', orgId: unit.id }, { label: 'Trung tâm Thông tin', orgId: info.id }] });
		const newer = await createDocument(db, { orgId: office.id, actor: officeLeader, summary: 'Văn bản mới', documentDate: '2021-09-20', recipients: [{ label: 'Phòng Kinh tế', orgId: unit.id }] });
		expect((await listInbox(db, reader)).map((i) => [i.summary, i.readAt])).toEqual([
			['Văn bản mới', null],
			['Văn bản cũ', null]
		]);

		const opened = await openDocument(db, reader, newer.id);
		expect(opened.receipts).toEqual([{ orgId: unit.id, orgName: 'Phòng Kinh tế', label: 'Phòng Kinh tế', readAt: expect.any(Date), readByLabel: 'canbo.kt@sonla.vn' }]);
		const inbox = await listInbox(db, reader);
		expect(inbox.map((i) => [i.summary, i.readAt === null])).toEqual([
			['Văn bản cũ', true],
			['Văn bản mới', false]
		]);

		// Opening the older one marks it read for the Phòng Kinh tế, not for the Trung tâm Thông tin.
		const first = (await openDocument(db, reader, older.id)).receipts.find((r) => r.orgId === unit.id)!.readAt;
		// A recipient sees only its own receipt; the issuer sees them all.
		expect((await openDocument(db, reader, older.id)).receipts.map((r) => r.orgId)).toEqual([unit.id]);
		const register = (await listRegister(db, officeLeader, { orgId: office.id, year: 2021 })).find((e) => e.id === older.id)!;
		expect(register.receipts.map((r) => [r.orgName, r.readAt !== null])).toEqual([
			['Phòng Kinh tế', true],
			['Trung tâm Thông tin', false]
		]);
		// A second opening keeps the first receipt.
		expect(register.receipts[0].readAt).toEqual(first);
		// The issuer opening it records nothing.
		await openDocument(db, officeLeader, older.id);
		expect((await getDocument(db, officeLeader, older.id)).receipts.find((r) => r.orgId === info.id)!.readAt).toBeNull();
	});
});
