// The JSON API of activities through its route handlers, on a real database: the shapes the
// OpenAPI document promises, no meeting link, a retried POST with an Idempotency-Key acting once,
// and refusals in the caller's language.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/testing';
import { freezeClock } from '../core/clock';
import { anonymousActor, type Actor } from '../auth/actor';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { activityJson, activityListJson, registrationJson } from '$lib/features/activities/api';
import { createActivity } from './seed';
import { GET as getActivity } from '../../../routes/api/v1/activities/[id]/+server';
import { GET as getProgramme } from '../../../routes/api/v1/campaigns/[id]/activities/+server';
import { POST as register } from '../../../routes/api/v1/activities/[id]/registrations/+server';

const db = await createTestDb();
afterEach(() => freezeClock());

const office = await org.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2026, status: 'issued' });
const MEETING = 'https://us02web.zoom.us/j/81234567890';
const activity = await createActivity(db, { campaignId: campaign.id, capacity: '1', meetingUrl: MEETING, startsAt: new Date(Date.now() + 7 * 86_400_000) });

type Handler = (event: never) => Promise<Response>;
function call(handler: Handler, options: { params: Record<string, string>; actor?: Actor; url?: string; body?: unknown; headers?: Record<string, string> }) {
	const url = new URL(options.url ?? 'http://localhost/api/v1');
	const request = new Request(url, options.body === undefined ? { headers: options.headers } : { method: 'POST', body: JSON.stringify(options.body), headers: { 'content-type': 'application/json', ...options.headers } });
	return handler({ locals: { db, actor: options.actor ?? anonymousActor }, params: options.params, request, url } as never);
}

describe('the activities API', () => {
	it('reads the programme and an activity in the documented shape, without the meeting link', async () => {
		const list = await call(getProgramme as Handler, { params: { id: campaign.id }, url: 'http://localhost/api/v1/campaigns/x/activities?mode=online' });
		expect(list.status).toBe(200);
		const body = activityListJson.parse(await list.json());
		expect(body.items.map((a) => a.id)).toEqual([activity.id]);
		const one = await call(getActivity as Handler, { params: { id: activity.id } });
		const text = await one.text();
		expect(activityJson.parse(JSON.parse(text))).toMatchObject({ id: activity.id, mode: 'online', platform: 'zoom', capacity: 1, placesLeft: 1 });
		expect(text).not.toContain('zoom.us');
		const filtered = await call(getProgramme as Handler, { params: { id: campaign.id }, url: 'http://localhost/api/v1/campaigns/x/activities?mode=in_person' });
		expect(activityListJson.parse(await filtered.json()).items).toEqual([]);
	});

	it('acts once on a retried registration with an Idempotency-Key, and refuses a duplicate in the caller’s language', async () => {
		const body = { name: 'Lò Thị Mai', email: 'mai.lo@example.vn', consents: ['statistics'] };
		const headers = { 'idempotency-key': 'b5c0f3a6-3d2e-4a8b-9f61-2c7d9e8a1b40' };
		const first = await call(register as Handler, { params: { id: activity.id }, body, headers });
		expect(first.status).toBe(201);
		const made = registrationJson.parse(await first.json());
		expect(made.status).toBe('registered');
		const again = await call(register as Handler, { params: { id: activity.id }, body, headers });
		expect(again.status).toBe(200);
		expect(registrationJson.parse(await again.json()).id).toBe(made.id);
		// Without the key, the same person again is a conflict, said in English when asked.
		const dup = await call(register as Handler, { params: { id: activity.id }, body, headers: { 'accept-language': 'en' } });
		expect(dup.status).toBe(409);
		expect(await dup.json()).toMatchObject({ code: 'CONFLICT', fields: { email: 'There is already a registration with these details.' } });
		const bad = await call(register as Handler, { params: { id: activity.id }, body: { name: '', email: 'x' } });
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ code: 'VALIDATION', fields: { name: 'Vui lòng nhập trường này.', email: 'Địa chỉ e-mail không hợp lệ.' } });
		const one = activityJson.parse(await (await call(getActivity as Handler, { params: { id: activity.id } })).json());
		expect(one).toMatchObject({ registered: 1, waitlisted: 0 });
	});
});
