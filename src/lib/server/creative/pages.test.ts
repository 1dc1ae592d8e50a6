// The juror's pages as the browser gets them: the data their load functions hand to the HTML
// holds no entry of the juror's own unit, no author or unit, and no other juror's scores.
import { describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../db/testing';
import { systemActor, type Actor } from '../auth/actor';
import { freezeClock } from '../core/clock';
import * as org from '../org/seed';
import { linkPersonToUser } from '../org/service';
import { createCampaign } from '../campaigns/seed';
import { load as loadRound } from '../../../routes/(app)/jury/[roundId]/+page.server';
import { load as loadEntry } from '../../../routes/(app)/jury/[roundId]/entries/[entryId]/+page.server';
import { load as loadProgress } from '../../../routes/(admin)/admin/creative-contests/[id]/rounds/+page.server';
import { addJuror, createRound, openRound, rateEntry } from './service';
import { createContest, createEntry, READING_RUBRIC } from './seed';

const db = await createTestDb();
useTempFilesDir('creative-pages');

const office = await org.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const kt = await org.createOrgNode(db, { parentId: office.id, name: 'Phòng Kinh tế', shortCode: 'KT' });
const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id });
const campaign = await createCampaign(db, { orgId: office.id, year: 2021, status: 'running' });

async function jurorIn(unitId: string, name: string): Promise<Actor> {
	const actor = await org.createActor(db, [{ role: 'reviewer', orgId: office.id }], { name });
	const [familyName, middleName, givenName] = name.split(' ');
	const person = await org.createPerson(db, { unitId, familyName, middleName, givenName });
	await linkPersonToUser(db, systemActor(), { personId: person.id, userId: actor.userId! });
	return actor;
}

// The load functions take a request event; they read only locals, params and url.
const event = (actor: Actor, params: Record<string, string>) => ({ locals: { db, actor, requestId: 'test' }, params, url: new URL('http://localhost/') }) as never;

describe('juror pages', () => {
	it('never carry an entry of the juror’s unit, an author, a unit or another juror’s score', async () => {
		const day = 86_400_000;
		const contest = await createContest(db, { campaignId: campaign.id });
		const mai = await org.createActor(db, [], { name: 'Lò Thị Mai' });
		const hung = await org.createActor(db, [], { name: 'Cầm Văn Hùng' });
		const own = await createEntry(db, contest.id, mai, { unitId: tttt.id, title: 'Sự tích cây vú sữa' });
		const other = await createEntry(db, contest.id, hung, { unitId: kt.id, title: 'Dế Mèn phiêu lưu ký' });
		const tu = await jurorIn(tttt.id, 'Hoàng Anh Tú');
		const ngoc = await jurorIn(kt.id, 'Vì Thị Ngọc');
		const round = await createRound(db, coordinator, contest.id, { title: 'Vòng sơ khảo', rubric: READING_RUBRIC });
		for (const j of [tu, ngoc]) await addJuror(db, coordinator, round.id, { email: j.email });
		freezeClock(new Date(Date.now() + 8 * day));
		try {
			await openRound(db, coordinator, round.id);
			await rateEntry(db, ngoc, round.id, own.id, { score_c1: '10', score_c2: '10', score_c3: '10', score_c4: '10' });

			const page = (await loadRound(event(tu, { roundId: round.id }))) as { entries: Array<{ id: string }> };
			expect(page.entries.map((e) => e.id)).toEqual([other.id]);
			const text = JSON.stringify(page);
			for (const hidden of ['Lò Thị Mai', 'Cầm Văn Hùng', 'Trung tâm Thông tin', 'Phòng Kinh tế', 'Sự tích cây vú sữa', own.id]) expect(text).not.toContain(hidden);

			const entryPage = JSON.stringify(await loadEntry(event(tu, { roundId: round.id, entryId: other.id })));
			expect(entryPage).not.toContain('Cầm Văn Hùng');
			expect(entryPage).not.toContain('Phòng Kinh tế');
			expect(entryPage).toContain('"mine":null');
			await expect(loadEntry(event(tu, { roundId: round.id, entryId: own.id }))).rejects.toMatchObject({ status: 404 });

			// The coordinator's page while open: counts, never the ten points Ngọc gave.
			const progress = JSON.stringify(await loadProgress(event(coordinator, { id: contest.id })));
			expect(progress).toContain('"rated":1');
			expect(progress).not.toMatch(/"score"|"scores"|"results":\[/);
		} finally {
			freezeClock();
		}
	});
});
