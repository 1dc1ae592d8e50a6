// The maturity JSON API through its route handlers, on a real database: the leaderboard hidden
// until published then in the documented shape, and a unit's assessment refused to another unit's
// leader, to visitors and to another organisation, in the caller's language.
import { describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../db/testing';
import { anonymousActor, type Actor } from '../auth/actor';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { assessmentJson, leaderboardJson } from '$lib/features/maturity/api';
import { publishRound, submitAssessment } from './service';
import { createFramework, createRound, fillAssessment, listRoundAssessments, reviewAll } from './seed';
import { GET as getLeaderboard } from '../../../routes/api/v1/maturity/rounds/[id]/leaderboard/+server';
import { GET as getAssessment } from '../../../routes/api/v1/maturity/assessments/[id]/+server';

const db = await createTestDb();
useTempFilesDir('maturity-api');

const office = await org.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const unitA = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const unitB = await org.createOrgNode(db, { parentId: office.id, name: 'Phòng Tổng hợp', shortCode: 'TH' });
const campaign = await createCampaign(db, { orgId: office.id, year: 2026, status: 'issued' });
const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id });
const leaderA = await org.createActor(db, { role: 'unit_leader', orgId: unitA.id });
const leaderB = await org.createActor(db, { role: 'unit_leader', orgId: unitB.id });
const elsewhere = await org.createActor(db, { role: 'coordinator', orgId: (await org.createOrgNode(db, { kind: 'agency', name: 'Sở Tài chính', shortCode: 'STC' })).id });
const fw = await createFramework(db, { orgId: office.id, template: 'moet_4725' });
const round = await createRound(db, { campaignId: campaign.id, frameworkId: fw.id, unitIds: [unitA.id, unitB.id] });
const ids = await listRoundAssessments(db, coordinator, round.id);

type Handler = (event: never) => Promise<Response>;
function call(handler: Handler, params: Record<string, string>, actor: Actor = anonymousActor, headers: Record<string, string> = {}) {
	const url = new URL('http://localhost/api/v1');
	return handler({ locals: { db, actor }, params, request: new Request(url, { headers }), url } as never);
}

describe('the maturity API', () => {
	it('answers 404 for a leaderboard before publication, and the documented shape after', async () => {
		const before = await call(getLeaderboard as Handler, { id: round.id }, anonymousActor, { 'accept-language': 'en' });
		expect(before.status).toBe(404);
		expect(await before.json()).toMatchObject({ code: 'NOT_FOUND' });
		const a = ids.get(unitA.id)!;
		await fillAssessment(db, a, { share: 0.8, actor: leaderA });
		await submitAssessment(db, leaderA, a);
		await reviewAll(db, a, { actor: coordinator });
		await publishRound(db, coordinator, round.id);
		const after = await call(getLeaderboard as Handler, { id: round.id });
		expect(after.status).toBe(200);
		const body = leaderboardJson.parse(await after.json());
		expect(body.rows.map((r) => [r.rank, r.unitName])).toEqual([[1, 'Trung tâm Thông tin']]);
		expect(body.rows[0].result.groups.map((g) => g.key)).toEqual(['day_hoc', 'quan_tri']);
	});

	it('gives a unit’s assessment to its leader and the coordinator, and 404 or 401 to anyone else', async () => {
		const b = ids.get(unitB.id)!;
		const own = await call(getAssessment as Handler, { id: b }, leaderB);
		expect(own.status).toBe(200);
		expect(assessmentJson.parse(await own.json())).toMatchObject({ id: b, status: 'draft', unit: { name: 'Phòng Tổng hợp' } });
		expect((await call(getAssessment as Handler, { id: b }, coordinator)).status).toBe(200);
		for (const actor of [leaderA, elsewhere]) {
			const res = await call(getAssessment as Handler, { id: b }, actor, { 'accept-language': 'en' });
			expect(res.status).toBe(404);
			expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
		}
		const vi = await call(getAssessment as Handler, { id: b }, leaderA);
		expect((await vi.json()).message).not.toMatch(/not found/i);
		expect((await call(getAssessment as Handler, { id: b })).status).toBe(401);
	});
});
