import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../db/testing';
import { anonymousActor, systemActor, type Actor } from '../auth/actor';
import { AppError } from '../core/errors';
import { freezeClock } from '../core/clock';
import { listAuditEntries } from '../audit/service';
import * as org from '../org/seed';
import { linkPersonToUser } from '../org/service';
import { createCampaign } from '../campaigns/seed';
import {
	addJuror,
	castVote,
	closeRound,
	createRound,
	disqualifyEntry,
	getContestResults,
	getJurorRound,
	getRoundProgress,
	listEntryConsents,
	openRound,
	publishResults,
	rateEntry,
	submitEntry,
	updateContest,
	getVoteLogSummary,
	readEntryMedia,
	getEntry
} from './service';
import { createContest, createEntry, createVoter, READING_RUBRIC, sampleExecutable, sampleMp3, sampleMp4, samplePng, sampleWav } from './seed';
import { detectMediaKind, mediaDuration, memoryReader } from './service/media';
import type { CreativeEntryRow } from './tables';

const db = await createTestDb();
const files = useTempFilesDir('creative-files');
const storedCount = () => (existsSync(join(files, 'creative')) ? readdirSync(join(files, 'creative'), { recursive: true }).filter((f) => String(f).includes('-')).length : 0);

async function refusal(p: Promise<unknown>): Promise<AppError> {
	try {
		await p;
	} catch (e) {
		if (e instanceof AppError) return e;
		throw e;
	}
	throw new Error('expected a refusal');
}

afterEach(() => freezeClock());

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const kt = await org.createOrgNode(db, { parentId: office.id, name: 'Phòng Kinh tế', shortCode: 'KT' });
const education = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id });
const supervisor = await org.createActor(db, { role: 'supervisor', orgId: province.id });
const staff = await org.createActor(db, { role: 'staff', orgId: office.id });
const otherCoordinator = await org.createActor(db, { role: 'coordinator', orgId: education.id });

/** A signed-in person working in `unitId` (their person record is linked to the account). */
async function personIn(unitId: string, name: string, roles: Array<{ role: 'reviewer'; orgId: string }> = []): Promise<Actor> {
	const actor = await org.createActor(db, roles, { name });
	const [familyName, ...rest] = name.split(' ');
	const person = await org.createPerson(db, { unitId, familyName, middleName: rest.slice(0, -1).join(' '), givenName: rest.at(-1)! });
	await linkPersonToUser(db, systemActor(), { personId: person.id, userId: actor.userId! });
	return actor;
}

const campaign = await createCampaign(db, { orgId: office.id, year: 2021, status: 'running' });

describe('media checks', () => {
	it('tells recordings and pictures apart by content and reads their duration', async () => {
		const wav = sampleWav(3);
		const mp3 = sampleMp3(10);
		const mp4 = sampleMp4(125.5, 100);
		expect(detectMediaKind(wav)).toBe('wav');
		expect(detectMediaKind(mp3)).toBe('mp3');
		expect(detectMediaKind(mp4)).toBe('mp4');
		expect(detectMediaKind(samplePng())).toBe('png');
		expect(detectMediaKind(sampleExecutable())).toBeNull();
		expect(await mediaDuration('wav', memoryReader(wav), wav.length)).toBeCloseTo(3, 2);
		expect(await mediaDuration('mp3', memoryReader(mp3), mp3.length)).toBeCloseTo(10, 0);
		expect(await mediaDuration('mp4', memoryReader(mp4), mp4.length)).toBeCloseTo(125.5, 3);
	});
});

describe('setting up a contest', () => {
	it('lets the coordinator of the campaign make and change one, audited; refuses staff, another organisation and bad input', async () => {
		const contest = await createContest(db, { campaignId: campaign.id, actor: coordinator, publish: false });
		expect(contest).toMatchObject({ status: 'draft', maxBytes: 5 * 1024 * 1024, maxDurationSeconds: 300, juryWeight: 70 });
		await updateContest(db, coordinator, contest.id, { ...baseInput(), juryWeight: '60' });
		expect((await listAuditEntries(db, systemActor(), { entity: 'creative_contest', entityId: contest.id })).map((e) => e.action).sort()).toEqual(['create', 'update']);
		expect((await refusal(createContest(db, { campaignId: campaign.id, actor: staff }))).code).toBe('FORBIDDEN');
		expect((await refusal(updateContest(db, otherCoordinator, contest.id, baseInput()))).code).toBe('NOT_FOUND');
		const bad = await refusal(createContest(db, { campaignId: campaign.id, actor: coordinator, entryTypes: [], submissionClosesAt: '2020-01-01T00:00', juryWeight: '50', voteOpensAt: '', voteClosesAt: '' }));
		expect(bad.fields).toMatchObject({ entryTypes: 'creative_entry_types_required', submissionClosesAt: 'creative_close_before_open', juryWeight: 'creative_jury_weight_without_vote' });
	});
});

function baseInput() {
	const day = 86_400_000;
	return {
		title: 'Cuộc thi đọc sách',
		entryTypes: ['reading', 'photo', 'essay'],
		maxSizeMb: '5',
		maxDurationMinutes: '5',
		submissionOpensAt: new Date(Date.now() - day).toISOString(),
		submissionClosesAt: new Date(Date.now() + day).toISOString(),
		voteOpensAt: new Date(Date.now() - day).toISOString(),
		voteClosesAt: new Date(Date.now() + 2 * day).toISOString(),
		voteMode: 'per_entry',
		votesPerAccount: '1',
		juryWeight: '70'
	};
}

describe('submitting entries', () => {
	it('records the consents of the author and of a minor’s guardian as events, and publishes only with both', async () => {
		const contest = await createContest(db, { campaignId: campaign.id });
		const child = await org.createActor(db, [], { name: 'Quàng Minh Khôi' });
		const entry = await createEntry(db, contest.id, child, { isMinor: true, guardianName: 'Quàng Thị Lan', guardianRelation: 'mother', guardianConsents: ['participate'], unitId: tttt.id });
		expect(entry).toMatchObject({ isMinor: true, guardianName: 'Quàng Thị Lan', guardianRelation: 'mother', publishable: false, contentType: 'audio/wav' });
		expect(entry.durationSeconds).toBeCloseTo(3, 2);
		const consents = await listEntryConsents(db, child, entry.id);
		expect(consents.map((c) => [c.party, c.purpose, c.granted, c.partyName]).sort()).toEqual(
			[
				['author', 'participate', true, 'Quàng Minh Khôi'],
				['author', 'publish', true, 'Quàng Minh Khôi'],
				['guardian', 'participate', true, 'Quàng Thị Lan'],
				['guardian', 'publish', false, 'Quàng Thị Lan']
			].sort()
		);
		// Not published without the guardian's agreement: a visitor does not find it.
		expect((await refusal(getEntry(db, anonymousActor, entry.id))).code).toBe('NOT_FOUND');
		expect((await refusal(listEntryConsents(db, staff, entry.id))).code).toBe('NOT_FOUND');
	});

	it('refuses a visitor, a missing consent, a minor without a guardian, a type the contest does not take and a closed window', async () => {
		const contest = await createContest(db, { campaignId: campaign.id, entryTypes: ['reading', 'essay'] });
		const entrant = await org.createActor(db, [], { name: 'Lò Thị Mai' });
		expect((await refusal(createEntry(db, contest.id, anonymousActor))).code).toBe('UNAUTHENTICATED');
		expect((await refusal(createEntry(db, contest.id, entrant, { consents: ['publish'] }))).fields).toMatchObject({ consents: 'creative_consent_required' });
		expect((await refusal(createEntry(db, contest.id, entrant, { isMinor: true }))).fields).toMatchObject({
			guardianName: 'creative_guardian_name_required',
			guardianRelation: 'creative_guardian_relation_required',
			guardianConsents: 'creative_guardian_consent_required'
		});
		expect((await refusal(createEntry(db, contest.id, entrant, { type: 'photo', file: { name: 'a.png', bytes: samplePng() } }))).fields).toMatchObject({ type: 'creative_type_not_taken' });
		freezeClock(new Date(Date.now() + 30 * 86_400_000));
		expect((await refusal(createEntry(db, contest.id, entrant))).fields).toMatchObject({ _: 'creative_submission_closed' });
	});

	it('refuses a renamed executable, a recording over the time limit and a file over the size limit before storing anything', async () => {
		const contest = await createContest(db, { campaignId: campaign.id, maxSizeMb: '1', maxDurationMinutes: '1' });
		const entrant = await org.createActor(db, [], { name: 'Cầm Văn Hùng' });
		const before = storedCount();
		expect((await refusal(createEntry(db, contest.id, entrant, { type: 'video', file: { name: 'bai-du-thi.mp4', bytes: sampleExecutable() } }))).code).toBe('UNSUPPORTED_TYPE');
		expect((await refusal(createEntry(db, contest.id, entrant, { file: { name: 'dai.wav', bytes: sampleWav(61) } }))).fields).toMatchObject({ file: 'creative_too_long' });
		expect((await refusal(createEntry(db, contest.id, entrant, { type: 'video', file: { name: 'lon.mp4', bytes: sampleMp4(30, 1024 * 1024) } }))).code).toBe('TOO_LARGE');
		expect(storedCount()).toBe(before);
		const essay = await createEntry(db, contest.id, entrant, { type: 'essay', essayText: '<script>alert(1)</script>\nĐọc sách mỗi ngày.' });
		expect(essay.fileKey).toBeNull();
		expect(essay.essayText).toBe('<script>alert(1)</script>\nĐọc sách mỗi ngày.');
	});
});

describe('jury rounds', async () => {
	const contest = await createContest(db, { campaignId: campaign.id, juryWeight: '60' });
	const authors = await Promise.all(['Lò Thị Mai', 'Cầm Văn Hùng', 'Tòng Thị Hương', 'Lường Văn Chính'].map((n) => org.createActor(db, [], { name: n })));
	const entries: CreativeEntryRow[] = [];
	for (const [i, a] of authors.entries()) entries.push(await createEntry(db, contest.id, a, { unitId: i < 2 ? tttt.id : kt.id, file: { name: `bai-${i}.wav`, bytes: sampleWav(2 + i) } }));
	const jurorTttt = await personIn(tttt.id, 'Hoàng Anh Tú', [{ role: 'reviewer', orgId: office.id }]);
	const jurorKt = await personIn(kt.id, 'Vì Thị Ngọc', [{ role: 'reviewer', orgId: office.id }]);
	const jurorOutside = await personIn(education.id, 'Nguyễn Đức Anh', [{ role: 'reviewer', orgId: office.id }]);
	const bystanderReviewer = await personIn(tttt.id, 'Bạc Thị Thu', [{ role: 'reviewer', orgId: office.id }]);
	const round = await createRound(db, coordinator, contest.id, { title: 'Vòng sơ khảo', rubric: READING_RUBRIC });

	it('refuses setting up rounds to anyone but the coordinator, and opening before submissions close', async () => {
		expect((await refusal(createRound(db, staff, contest.id, { title: 'X', rubric: READING_RUBRIC }))).code).toBe('FORBIDDEN');
		expect((await refusal(createRound(db, coordinator, contest.id, { title: 'X', rubric: 'Giọng đọc' }))).fields).toMatchObject({ rubric: 'creative_rubric_line_invalid' });
		expect((await refusal(addJuror(db, staff, round.id, { email: jurorTttt.email }))).code).toBe('FORBIDDEN');
		expect((await refusal(addJuror(db, coordinator, round.id, { email: 'nobody@example.vn' }))).fields).toMatchObject({ email: 'creative_juror_unknown' });
		for (const j of [jurorTttt, jurorKt, jurorOutside]) await addJuror(db, coordinator, round.id, { email: j.email });
		expect((await refusal(openRound(db, coordinator, round.id))).fields).toMatchObject({ _: 'creative_submission_still_open' });
	});

	it('shows a juror no entry of their own unit and nothing of the author; refuses a non-juror and an own-unit rating', async () => {
		freezeClock(new Date(Date.now() + 8 * 86_400_000));
		await openRound(db, coordinator, round.id);
		const view = await getJurorRound(db, jurorTttt, round.id);
		expect(view.entries.map((e) => e.id).sort()).toEqual([entries[2].id, entries[3].id].sort());
		expect(JSON.stringify(view)).not.toMatch(/Lò Thị Mai|Cầm Văn Hùng|Tòng Thị Hương|Lường Văn Chính|Trung tâm Thông tin|Phòng Kinh tế|authorUserId|unitId/);
		expect((await getJurorRound(db, jurorOutside, round.id)).entries).toHaveLength(4);
		expect((await refusal(getJurorRound(db, bystanderReviewer, round.id))).code).toBe('NOT_FOUND');
		expect((await refusal(getJurorRound(db, coordinator, round.id))).code).toBe('NOT_FOUND');
		expect((await refusal(rateEntry(db, jurorTttt, round.id, entries[0].id, scores(9, 9, 9, 9)))).code).toBe('NOT_FOUND');
		expect((await refusal(rateEntry(db, bystanderReviewer, round.id, entries[2].id, scores(9, 9, 9, 9)))).code).toBe('NOT_FOUND');
		expect((await refusal(rateEntry(db, jurorOutside, round.id, entries[0].id, scores(11, 9, 9, 9)))).fields).toMatchObject({ score_c1: 'creative_score_invalid' });
	});

	const given: Record<string, Record<string, [number, number, number, number]>> = {};
	it('seals the ratings: jurors see only their own, the coordinator sees counts, until the round closes', async () => {
		freezeClock(new Date(Date.now() + 8 * 86_400_000));
		const plan: Array<[Actor, number, [number, number, number, number]]> = [
			[jurorTttt, 2, [8, 7, 9, 6]],
			[jurorTttt, 3, [6, 6, 7, 8]],
			[jurorKt, 0, [9, 8, 8, 7]],
			[jurorKt, 1, [5, 6, 7, 5]],
			[jurorOutside, 0, [7, 9, 8, 8]],
			[jurorOutside, 1, [6, 5, 6, 6]],
			[jurorOutside, 2, [9, 9, 9, 9]],
			[jurorOutside, 3, [4, 5, 6, 7]]
		];
		for (const [juror, i, s] of plan) {
			await rateEntry(db, juror, round.id, entries[i].id, scores(...s));
			(given[entries[i].id] ??= {})[juror.userId!] = s;
		}
		const kt = await getJurorRound(db, jurorKt, round.id);
		expect(Object.keys(kt.mine).sort()).toEqual([entries[0].id, entries[1].id].sort());
		const progress = await getRoundProgress(db, coordinator, round.id);
		expect(progress.results).toBeNull();
		expect(progress.jurors.map((j) => [j.name, j.rated, j.toRate]).sort()).toEqual([
			['Hoàng Anh Tú', 2, 2],
			['Nguyễn Đức Anh', 4, 4],
			['Vì Thị Ngọc', 2, 2]
		]);
		expect(JSON.stringify(progress)).not.toMatch(/"score"|scores/);
		expect((await getRoundProgress(db, supervisor, round.id)).results).toBeNull();
		expect((await refusal(getRoundProgress(db, staff, round.id))).code).toBe('FORBIDDEN');
		expect((await refusal(getRoundProgress(db, jurorOutside, round.id))).code).toBe('FORBIDDEN');
		// The audit log holds a seal of each rating while the round is open, never the scores.
		const audit = await listAuditEntries(db, systemActor(), { entity: 'jury_rating' });
		expect(audit).toHaveLength(8);
		expect(JSON.stringify(audit)).not.toMatch(/scores/);
	});

	it('ranks after the close by weighted rubric and normalised public vote, as computed here', async () => {
		// Public votes while the vote is open: entry 3 gets 3, entry 0 gets 2, entry 1 gets 1.
		const voters = [];
		for (let i = 0; i < 3; i++) voters.push(await createVoter(db));
		for (const v of voters) await castVote(db, v, entries[3].id);
		for (const v of voters.slice(0, 2)) await castVote(db, v, entries[0].id);
		await castVote(db, voters[0], entries[1].id);
		freezeClock(new Date(Date.now() + 8 * 86_400_000));
		expect((await refusal(closeRound(db, staff, round.id))).code).toBe('FORBIDDEN');
		await closeRound(db, coordinator, round.id);
		expect((await refusal(rateEntry(db, jurorOutside, round.id, entries[0].id, scores(1, 1, 1, 1)))).fields).toMatchObject({ _: 'creative_round_not_open' });
		const weights = [40, 30, 20, 10];
		const rating = (s: number[]) => (100 * s.reduce((sum, x, k) => sum + (weights[k] * x) / 10, 0)) / 100;
		const votes: Record<string, number> = { [entries[0].id]: 2, [entries[1].id]: 1, [entries[2].id]: 0, [entries[3].id]: 3 };
		const expected = entries
			.map((e) => {
				const rs = Object.values(given[e.id] ?? {}).map(rating);
				const jury = rs.reduce((a, b) => a + b, 0) / rs.length;
				const pub = (100 * votes[e.id]) / 3;
				return { id: e.id, final: 0.6 * jury + 0.4 * pub, jury };
			})
			.sort((a, b) => b.final - a.final);
		const results = (await getContestResults(db, coordinator, contest.id))!;
		expect(results.ranking.map((r) => r.entryId)).toEqual(expected.map((e) => e.id));
		for (const [i, r] of results.ranking.entries()) {
			expect(r.finalScore).toBeCloseTo(expected[i].final, 6);
			expect(r.juryScore).toBeCloseTo(expected[i].jury, 6);
		}
		const progress = await getRoundProgress(db, coordinator, round.id);
		expect(progress.results?.find((r) => r.entry.id === entries[0].id)?.ratings.map((r) => r.juror).sort()).toEqual(['Nguyễn Đức Anh', 'Vì Thị Ngọc']);
		const closeAudit = await listAuditEntries(db, systemActor(), { entity: 'jury_round', entityId: round.id, action: 'close' });
		expect(JSON.stringify(closeAudit[0].after)).toContain('scores');
		// The public sees results only once published.
		expect(await getContestResults(db, anonymousActor, contest.id)).toBeNull();
		expect((await refusal(publishResults(db, coordinator, contest.id))).fields).toMatchObject({ _: 'creative_vote_still_open' });
	});

	it('takes the top N into a later round, leaves out a disqualified entry, and audits the disqualification', async () => {
		freezeClock(new Date(Date.now() + 8 * 86_400_000));
		expect((await refusal(disqualifyEntry(db, jurorOutside, entries[3].id, { reason: 'Sao chép' }))).code).toBe('FORBIDDEN');
		expect((await refusal(disqualifyEntry(db, staff, entries[3].id, { reason: 'Sao chép' }))).code).toBe('FORBIDDEN');
		expect((await refusal(disqualifyEntry(db, otherCoordinator, entries[3].id, { reason: 'Sao chép' }))).code).toBe('FORBIDDEN');
		expect((await refusal(disqualifyEntry(db, coordinator, entries[3].id, { reason: '' }))).fields).toMatchObject({ reason: 'field_required' });
		const results = (await getContestResults(db, coordinator, contest.id))!;
		const best = results.ranking.map((r) => r.entryId);
		await disqualifyEntry(db, coordinator, best[0], { reason: 'Bài đọc sao chép từ Internet' });
		const audit = await listAuditEntries(db, systemActor(), { entity: 'creative_entry', entityId: best[0], action: 'disqualify' });
		expect(audit[0].after).toMatchObject({ status: 'disqualified', reason: 'Bài đọc sao chép từ Internet' });
		expect((await refusal(createRound(db, coordinator, contest.id, { title: 'Chung khảo', rubric: READING_RUBRIC }))).fields).toMatchObject({ advanceCount: 'creative_advance_count_required' });
		const final = await createRound(db, coordinator, contest.id, { title: 'Chung khảo', rubric: READING_RUBRIC, advanceCount: '2' });
		await addJuror(db, coordinator, final.id, { email: jurorOutside.email });
		await openRound(db, coordinator, final.id);
		const byJury = [...results.ranking].filter((r) => r.entryId !== best[0]).sort((a, b) => b.juryScore - a.juryScore || a.entry.seq - b.entry.seq);
		expect((await getJurorRound(db, jurorOutside, final.id)).entries.map((e) => e.id).sort()).toEqual(byJury.slice(0, 2).map((r) => r.entryId).sort());
	});
});

function scores(c1: number, c2: number, c3: number, c4: number) {
	return { score_c1: String(c1), score_c2: String(c2), score_c3: String(c3), score_c4: String(c4), comment: 'Giọng đọc rõ ràng.' };
}

describe('public vote', async () => {
	const contest = await createContest(db, { campaignId: campaign.id });
	const author = await org.createActor(db, [], { name: 'Lò Văn Páo' });
	const entry = await createEntry(db, contest.id, author);
	const other = await createEntry(db, contest.id, author);

	it('counts one vote per account and entry: a second vote is refused, the same request sent twice counts once', async () => {
		const voter = await createVoter(db);
		const first = await castVote(db, voter, entry.id, { requestKey: 'vote-key-0000000000000001' });
		expect(first).toEqual({ repeated: false, votes: 1 });
		expect(await castVote(db, voter, entry.id, { requestKey: 'vote-key-0000000000000001' })).toEqual({ repeated: true, votes: 1 });
		expect((await refusal(castVote(db, voter, entry.id, { requestKey: 'vote-key-0000000000000002' }))).fields).toMatchObject({ _: 'creative_vote_already' });
		const both = await Promise.allSettled([castVote(db, voter, other.id), castVote(db, voter, other.id)]);
		expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(Object.fromEntries((await getVoteLogSummary(db, coordinator, contest.id)).map((r) => [r.outcome, r.n]))).toMatchObject({ counted: 2, repeated: 1, conflict: 2 });
		expect((await refusal(getVoteLogSummary(db, staff, contest.id))).code).toBe('FORBIDDEN');
	});

	it('refuses a visitor, an unverified account, and any vote once the vote has closed (server clock)', async () => {
		expect((await refusal(castVote(db, anonymousActor, entry.id))).code).toBe('UNAUTHENTICATED');
		const unverified = await org.createActor(db, [], { name: 'Chưa xác minh' });
		expect((await refusal(castVote(db, unverified, entry.id))).fields).toMatchObject({ _: 'creative_vote_unverified' });
		const late = await createVoter(db);
		freezeClock(new Date(Date.now() + 15 * 86_400_000));
		expect((await refusal(castVote(db, late, entry.id))).fields).toMatchObject({ _: 'creative_vote_closed' });
	});

	it('allows K votes per account in a contest that says so, and limits how fast one account votes', async () => {
		const k = await createContest(db, { campaignId: campaign.id, voteMode: 'per_contest', votesPerAccount: '2' });
		const es = [];
		for (let i = 0; i < 3; i++) es.push(await createEntry(db, k.id, author));
		const voter = await createVoter(db);
		await castVote(db, voter, es[0].id);
		await castVote(db, voter, es[1].id);
		expect((await refusal(castVote(db, voter, es[2].id))).fields).toMatchObject({ _: 'creative_vote_limit' });
		const spammer = await createVoter(db);
		for (let i = 0; i < 20; i++) await castVote(db, spammer, es[0].id).catch(() => undefined);
		expect((await refusal(castVote(db, spammer, es[1].id))).code).toBe('RATE_LIMITED');
	});

	it('serves an entry’s file to whoever may see the entry, and to nobody once it is disqualified except its managers', async () => {
		expect((await readEntryMedia(db, anonymousActor, entry.id)).contentType).toBe('audio/wav');
		await disqualifyEntry(db, coordinator, entry.id, { reason: 'Trùng lặp' });
		expect((await refusal(readEntryMedia(db, anonymousActor, entry.id))).code).toBe('NOT_FOUND');
		expect((await readEntryMedia(db, coordinator, entry.id)).size).toBeGreaterThan(0);
		expect((await refusal(submitEntry(db, author, 'no-such-contest', {}))).code).toBe('NOT_FOUND');
	});
});
