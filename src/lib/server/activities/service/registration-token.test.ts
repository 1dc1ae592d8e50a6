import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../db/testing';
import { freezeClock } from '../../core/clock';
import { anonymousActor } from '../../auth/actor';
import { runOnce } from '../../idempotency/service';
import * as org from '../../org/seed';
import { createCampaign } from '../../campaigns/seed';
import { registerForActivity, registrationTokenFor } from '../service';
import { createActivity, registerGuest } from '../seed';

const db = await createTestDb();
afterEach(() => freezeClock());

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const learner = await org.createActor(db, [], { name: 'Lò Thị Mai', email: 'mai.lo@example.vn' });
const other = await org.createActor(db, [], { name: 'Cầm Văn Bình', email: 'binh.cam@example.vn' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2026, status: 'issued' });
const activity = await createActivity(db, { campaignId: campaign.id });

describe('registrationTokenFor', () => {
	it('gives a signed-in learner the token of their own registration, and nobody else', async () => {
		const reg = await registerForActivity(db, learner, activity.id, { learnerGroup: 'nguoi_dan', consents: [] });
		expect(await registrationTokenFor(db, learner, reg.id)).toBe(reg.token);
		await expect(registrationTokenFor(db, other, reg.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(registrationTokenFor(db, anonymousActor, reg.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it("gives a guest's token for ten minutes after the registration, then refuses", async () => {
		const made = new Date();
		freezeClock(made);
		const reg = await registerGuest(db, activity.id);
		freezeClock(new Date(made.getTime() + 9 * 60_000));
		expect(await registrationTokenFor(db, anonymousActor, reg.id)).toBe(reg.token);
		freezeClock(new Date(made.getTime() + 11 * 60_000));
		await expect(registrationTokenFor(db, anonymousActor, reg.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('refuses an unknown or empty id', async () => {
		await expect(registrationTokenFor(db, learner, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(registrationTokenFor(db, learner, '')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('registers once for a form sent twice with the same request key, and both answers lead to the same page', async () => {
		const key = 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
		const send = () =>
			runOnce(db, anonymousActor, { key, scope: `activity-register:${activity.id}` }, (tx) =>
				registerForActivity(tx, anonymousActor, activity.id, { name: 'Quàng Thị Hoa', email: 'hoa.quang@example.vn', phone: '', learnerGroup: '', consents: ['reminders'] })
			);
		const first = await send();
		const second = await send();
		expect(second).toEqual({ id: first.id, repeated: true });
		expect(await registrationTokenFor(db, anonymousActor, second.id)).toBe(await registrationTokenFor(db, anonymousActor, first.id));
	});
});
