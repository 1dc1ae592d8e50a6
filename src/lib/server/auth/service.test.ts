import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { anonymousActor, systemActor } from './actor';
import { createActor, createOrgNode } from '../org/seed';
import { listOutbox } from '../notifications/service';
import { listAuditEntries } from '../audit/service';
import {
	actorFromApiToken,
	createAccountWithPassword,
	createApiToken,
	inviteStaff,
	listApiTokens,
	removeDemoAccounts,
	requestPasswordReset,
	resetPassword,
	revokeApiToken,
	signIn,
	signUpLearner,
	findUserByEmail,
	verifyEmail,
	resendEmailVerification,
	actorForUser
} from './service';
import { freezeClock } from '../core/clock';
import type { OrgNodeRow } from '../org/tables';

const db = await createTestDb();
const system = systemActor('test');
let office: OrgNodeRow;
let other: OrgNodeRow;

beforeAll(async () => {
	office = await createOrgNode(db, { name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB', kind: 'agency' });
	other = await createOrgNode(db, { name: 'Sở Y tế', shortCode: 'SYT', kind: 'agency' });
});

const tokenIn = (text: string) => /token=([\w-]+)/.exec(text)?.[1] ?? '';

describe('learner accounts', () => {
	it('signs a learner up and in, with the e-mail in any case', async () => {
		await signUpLearner(db, { name: 'Lò Thị Mai', email: 'Mai.Lo@Example.vn', password: 'hoc-tap-suot-doi' });
		const session = await signIn(db, { email: 'MAI.LO@example.vn', password: 'hoc-tap-suot-doi' });
		expect(session.token).toBeTruthy();
	});

	it('refuses a second account for the same e-mail', async () => {
		await expect(signUpLearner(db, { name: 'X', email: 'mai.lo@example.vn', password: 'another-pass' })).rejects.toMatchObject({
			code: 'CONFLICT',
			fields: { email: 'auth_email_taken' }
		});
	});

	it('refuses a wrong password without saying whether the e-mail exists', async () => {
		await expect(signIn(db, { email: 'mai.lo@example.vn', password: 'wrong-password' })).rejects.toMatchObject({ fields: { password: 'auth_invalid_credentials' } });
		await expect(signIn(db, { email: 'nobody@example.vn', password: 'wrong-password' })).rejects.toMatchObject({ fields: { password: 'auth_invalid_credentials' } });
	});

	it('limits sign-in attempts per e-mail, even with the right password after the limit', async () => {
		await signUpLearner(db, { name: 'Giàng A Páo', email: 'pao@example.vn', password: 'dung-mat-khau' });
		for (let i = 0; i < 5; i++) await expect(signIn(db, { email: 'pao@example.vn', password: 'sai-mat-khau' })).rejects.toMatchObject({ code: 'VALIDATION' });
		await expect(signIn(db, { email: 'pao@example.vn', password: 'dung-mat-khau' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
	});
});

describe('confirming an e-mail address', () => {
	it('mails a link on sign-up that confirms the address once', async () => {
		await signUpLearner(db, { name: 'Vì Thị Hoa', email: 'hoa.vi@example.vn', password: 'hoc-tap-suot-doi', locale: 'en' });
		const mail = (await listOutbox(db, system)).find((m) => m.to === 'hoa.vi@example.vn')!;
		expect(mail.subject).toBe('Confirm your LearnWeek e-mail address');
		expect(mail.text).toMatch(/\/en\/verify-email\?token=/);
		expect((await findUserByEmail(db, 'hoa.vi@example.vn'))?.emailVerified).toBe(false);
		const token = tokenIn(mail.text);
		expect((await verifyEmail(db, token)).emailVerified).toBe(true);
		expect((await findUserByEmail(db, 'hoa.vi@example.vn'))?.emailVerified).toBe(true);
		await expect(verifyEmail(db, token)).rejects.toMatchObject({ code: 'VALIDATION', fields: { token: 'auth_verify_invalid' } });
		await expect(verifyEmail(db, 'not-a-token-that-exists')).rejects.toMatchObject({ fields: { token: 'auth_verify_invalid' } });
		await expect(verifyEmail(db, "'; drop table users; --")).rejects.toMatchObject({ fields: { token: 'auth_verify_invalid' } });
		// Confirmed already: asking again mails nothing.
		const user = (await findUserByEmail(db, 'hoa.vi@example.vn'))!;
		const before = (await listOutbox(db, system)).length;
		expect(await resendEmailVerification(db, await actorForUser(db, user), 'vi')).toEqual({ sent: false });
		expect((await listOutbox(db, system)).length).toBe(before);
	});

	it('sends a new link on request, refuses visitors and an expired link', async () => {
		const user = await signUpLearner(db, { name: 'Hà Văn Sơn', email: 'son.ha@example.vn', password: 'hoc-tap-suot-doi' });
		expect(await resendEmailVerification(db, await actorForUser(db, user), 'vi')).toEqual({ sent: true });
		const mails = (await listOutbox(db, system)).filter((m) => m.to === 'son.ha@example.vn');
		expect(mails.map((m) => m.subject)).toEqual(['Xác nhận địa chỉ thư LearnWeek', 'Xác nhận địa chỉ thư LearnWeek']);
		await expect(resendEmailVerification(db, anonymousActor, 'vi')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		try {
			freezeClock(new Date(Date.now() + 8 * 24 * 3600 * 1000));
			await expect(verifyEmail(db, tokenIn(mails[1].text))).rejects.toMatchObject({ fields: { token: 'auth_verify_invalid' } });
		} finally {
			freezeClock();
		}
		expect((await findUserByEmail(db, 'son.ha@example.vn'))?.emailVerified).toBe(false);
	});
});

describe('password reset', () => {
	it('mails a link that sets a new password once', async () => {
		await signUpLearner(db, { name: 'Cầm Văn Tâm', email: 'tam@example.vn', password: 'mat-khau-cu' });
		await requestPasswordReset(db, { email: 'tam@example.vn', locale: 'vi' });
		const mail = (await listOutbox(db, system)).find((m) => m.to === 'tam@example.vn' && m.subject === 'Đặt lại mật khẩu LearnWeek')!;
		const token = tokenIn(mail.text);
		expect((await findUserByEmail(db, 'tam@example.vn'))?.emailVerified).toBe(false);
		await resetPassword(db, { token, password: 'mat-khau-moi' });
		// The link came by mail: the address is confirmed too.
		expect((await findUserByEmail(db, 'tam@example.vn'))?.emailVerified).toBe(true);
		await expect(signIn(db, { email: 'tam@example.vn', password: 'mat-khau-moi' })).resolves.toBeTruthy();
		await expect(resetPassword(db, { token, password: 'lan-thu-hai' })).rejects.toMatchObject({ fields: { token: 'auth_invalid_token' } });
	});

	it('sends nothing for an e-mail without an account, and answers the same', async () => {
		const before = (await listOutbox(db, system)).length;
		await expect(requestPasswordReset(db, { email: 'khong-co@example.vn', locale: 'en' })).resolves.toBeUndefined();
		expect((await listOutbox(db, system)).length).toBe(before);
	});

	it('refuses a short password', async () => {
		await expect(resetPassword(db, { token: 'whatever-token', password: 'short' })).rejects.toMatchObject({ fields: { password: 'field_password_short' } });
	});
});

describe('staff invitations', () => {
	it('lets an administrator invite staff with a role, by mail in their language, and audits it', async () => {
		const admin = await createActor(db, { role: 'administrator', orgId: office.id });
		const { user } = await inviteStaff(db, admin, { name: 'Quàng Văn Hải', email: 'hai@sonla.gov.vn', orgId: office.id, role: 'coordinator', locale: 'en' });
		const mail = (await listOutbox(db, system)).find((m) => m.to === 'hai@sonla.gov.vn')!;
		expect(mail.subject).toBe('Invitation to LearnWeek — Văn phòng UBND tỉnh');
		expect(mail.text).toContain('Coordinator');
		await resetPassword(db, { token: tokenIn(mail.text), password: 'mat-khau-cua-hai' });
		const session = await signIn(db, { email: 'hai@sonla.gov.vn', password: 'mat-khau-cua-hai' });
		expect(session.userId).toBe(user.id);
		const audit = await listAuditEntries(db, admin, { entity: 'user', entityId: user.id });
		expect(audit[0]).toMatchObject({ action: 'invite' });
	});

	it('refuses a coordinator, and an administrator of another organisation', async () => {
		const coordinator = await createActor(db, { role: 'coordinator', orgId: office.id });
		await expect(inviteStaff(db, coordinator, { name: 'A', email: 'a1@x.vn', orgId: office.id, role: 'staff', locale: 'vi' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const otherAdmin = await createActor(db, { role: 'administrator', orgId: other.id });
		await expect(inviteStaff(db, otherAdmin, { name: 'A', email: 'a2@x.vn', orgId: office.id, role: 'staff', locale: 'vi' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await findUserByEmail(db, 'a2@x.vn')).toBeUndefined();
	});
});

describe('API tokens', () => {
	it('acts with the roles of the user who made it, until revoked', async () => {
		const coordinator = await createActor(db, { role: 'coordinator', orgId: office.id });
		const { token, row } = await createApiToken(db, coordinator, { name: 'Cổng thông tin tỉnh' });
		expect(token).toMatch(/^lw_/);
		expect(row).not.toHaveProperty('token');
		const actor = await actorFromApiToken(db, token);
		expect(actor.grants).toEqual([expect.objectContaining({ role: 'coordinator', orgId: office.id })]);
		await revokeApiToken(db, coordinator, row.id);
		await expect(actorFromApiToken(db, token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
	});

	it("refuses someone else's token and unknown tokens", async () => {
		const a = await createActor(db, { role: 'staff', orgId: office.id });
		const b = await createActor(db, { role: 'staff', orgId: office.id });
		const { row } = await createApiToken(db, a, { name: 'A' });
		await expect(revokeApiToken(db, b, row.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await listApiTokens(db, b)).toEqual([]);
		await expect(actorFromApiToken(db, 'lw_not-a-real-token')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
		await expect(createApiToken(db, a, { name: '   ' })).rejects.toMatchObject({ fields: { name: 'field_required' } });
	});
});

describe('demo accounts', () => {
	it('are created only by the system and removed when the demo is off', async () => {
		const admin = await createActor(db, { role: 'administrator', orgId: office.id });
		await expect(createAccountWithPassword(db, admin, { name: 'D', email: 'd@demo.vn', password: 'demo-password' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await createAccountWithPassword(db, system, { name: 'D', email: 'd@demo.vn', password: 'demo-password', isDemo: true });
		expect(await removeDemoAccounts(db)).toBe(1);
		expect(await findUserByEmail(db, 'd@demo.vn')).toBeUndefined();
	});
});
