import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, refusal, useTempFilesDir } from '../db/testing';
import { resetSettings } from '../core/env';
import { anonymousActor, systemActor } from '../auth/actor';
import * as org from '../org/seed';
import { linkPersonToUser } from '../org/service';
import { createCampaign } from '../campaigns/seed';
import { samplePdf } from '../tasks/seed';
import {
	createResource,
	getLearningReport,
	getMyLearning,
	getResource,
	getSelfCheck,
	listLearningPaths,
	listManagedPaths,
	listManagedResources,
	readResourceFile,
	recordLearning,
	saveLearningPath,
	saveSelfCheck,
	searchLibrary,
	updateResource,
	RESOURCE_MAX_BYTES
} from './service';
import { listMostActiveSelfLearners } from './export';
import { createResource as seedResource } from './seed';

const db = await createTestDb();
const files = useTempFilesDir('library-files');
const storedFiles = () => (existsSync(join(files, 'library')) ? readdirSync(join(files, 'library'), { recursive: true }).filter((f) => String(f).includes('-')).length : 0);

const province = await org.createOrgNode(db, { kind: 'province', name: 'UBND tỉnh Sơn La', shortCode: 'UBND' });
const office = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Văn phòng UBND tỉnh', shortCode: 'VPUB' });
const tttt = await org.createOrgNode(db, { parentId: office.id, name: 'Trung tâm Thông tin', shortCode: 'TTTT' });
const education = await org.createOrgNode(db, { parentId: province.id, kind: 'agency', name: 'Sở Giáo dục và Đào tạo', shortCode: 'SGDDT' });

const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id });
const staff = await org.createActor(db, { role: 'staff', orgId: office.id });
const otherStaff = await org.createActor(db, { role: 'staff', orgId: education.id });
const otherCoordinator = await org.createActor(db, { role: 'coordinator', orgId: education.id });
const learner = await org.createActor(db, [], { name: 'Hoàng Anh Tú' });
const tu = await org.createPerson(db, { unitId: tttt.id, familyName: 'Hoàng', middleName: 'Anh', givenName: 'Tú', learnerGroups: ['can_bo_cong_chuc_vien_chuc'] });
await linkPersonToUser(db, systemActor(), { personId: tu.id, userId: learner.userId! });
const visitor = await org.createActor(db, [], { name: 'Người dân' });

const running = await createCampaign(db, { orgId: office.id, year: 2021, status: 'running' });

const base = { kind: 'video' as const, title: 'Học tập suốt đời trong thời đại số', description: 'Bài giảng về tự học.', url: 'https://example.vn/video', status: 'published' as const };

describe('adding resources', () => {
	it('lets staff of the organisation add a resource, sanitising the description and folding its search text', async () => {
		const row = await createResource(db, staff, office.id, { ...base, themes: 'Chuyển đổi số; kỹ năng số', learnerGroups: ['nguoi_dan'], competenceAreas: ['safety'] });
		expect(row.status).toBe('published');
		expect(row.publishedAt).not.toBeNull();
		expect(row.themes).toEqual(['Chuyển đổi số', 'kỹ năng số']);
		expect(row.searchText).toContain('hoc tap suot doi');
		expect(row.searchWords).toContain('chuyen');
		expect(row.description).toBe('<p>Bài giảng về tự học.</p>');
	});

	it('refuses staff of another organisation, visitors and unknown organisations', async () => {
		expect((await refusal(createResource(db, otherStaff, office.id, base))).code).toBe('FORBIDDEN');
		expect((await refusal(createResource(db, anonymousActor, office.id, base))).code).toBe('FORBIDDEN');
		expect((await refusal(createResource(db, staff, 'nope', base))).code).toBe('NOT_FOUND');
	});

	it('refuses an empty title, an unknown kind or learner group, and a resource with neither link nor file', async () => {
		const e = await refusal(createResource(db, staff, office.id, { ...base, title: '  ' }));
		expect(e.fields).toMatchObject({ title: 'field_required' });
		expect((await refusal(createResource(db, staff, office.id, { ...base, kind: 'tape' as never }))).fields).toHaveProperty('kind');
		expect((await refusal(createResource(db, staff, office.id, { ...base, learnerGroups: ['aliens'] }))).code).toBe('VALIDATION');
		expect((await refusal(createResource(db, staff, office.id, { ...base, url: 'javascript:alert(1)' }))).fields).toMatchObject({ url: 'field_invalid_url' });
		expect((await refusal(createResource(db, staff, office.id, { ...base, url: '' }))).fields).toMatchObject({ url: 'library_url_or_file' });
	});

	it('stores an uploaded PDF and serves it back; refuses a file of the wrong kind or too large before storing anything', async () => {
		const before = storedFiles();
		const row = await createResource(db, staff, office.id, { ...base, kind: 'document', url: '' }, { name: '../Sổ tay.pdf', bytes: samplePdf() });
		expect(row.fileName).toBe('Sổ tay.pdf');
		expect(storedFiles()).toBe(before + 1);
		const file = await readResourceFile(db, anonymousActor, row.id);
		expect(file.contentType).toBe('application/pdf');
		const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
		expect((await refusal(createResource(db, staff, office.id, { ...base, url: '' }, { name: 'virus.pdf', bytes: exe }))).code).toBe('UNSUPPORTED_TYPE');
		const huge = new Uint8Array(RESOURCE_MAX_BYTES + 1);
		huge.set(samplePdf());
		expect((await refusal(createResource(db, staff, office.id, { ...base, url: '' }, { name: 'big.pdf', bytes: huge }))).code).toBe('TOO_LARGE');
		expect(storedFiles()).toBe(before + 1);
	});

	it('keeps drafts from the public and refuses an edit from an older version', async () => {
		const draft = await createResource(db, staff, office.id, { ...base, title: 'Bản nháp bí mật', status: 'draft' });
		expect((await refusal(getResource(db, anonymousActor, draft.id))).code).toBe('NOT_FOUND');
		expect((await refusal(getResource(db, otherStaff, draft.id))).code).toBe('NOT_FOUND');
		expect((await getResource(db, coordinator, draft.id)).canEdit).toBe(true);
		expect((await searchLibrary(db, { q: 'ban nhap bi mat' })).items).toHaveLength(0);
		expect((await refusal(updateResource(db, otherStaff, draft.id, base))).code).toBe('NOT_FOUND');
		const published = await updateResource(db, staff, draft.id, { ...base, title: 'Bản nháp bí mật', status: 'published' }, { expectedVersion: 1 });
		expect(published.publishedAt).not.toBeNull();
		expect((await refusal(updateResource(db, staff, draft.id, base, { expectedVersion: 1 }))).code).toBe('STALE');
		expect((await searchLibrary(db, { q: 'ban nhap' })).items.map((r) => r.id)).toContain(draft.id);
	});

	it('stores XSS payloads in descriptions harmlessly', async () => {
		const payloads = [
			'<script>alert(1)</script>',
			'<img src=x onerror=alert(1)>',
			'<a href="javascript:alert(1)">bấm</a>',
			'<svg onload=alert(1)>',
			'"><iframe src="https://evil.example"></iframe>',
			'<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
			'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'
		];
		for (const p of payloads) {
			const row = await createResource(db, staff, office.id, { ...base, description: p });
			const html = (await getResource(db, anonymousActor, row.id)).descriptionHtml.toLowerCase();
			expect(html).not.toMatch(/<script|<iframe|<svg|<img|<style|onerror|onload|onclick|javascript:/);
		}
	});
});

describe('searching the library', () => {
	it('finds resources by words typed without diacritics, in the title, description or themes', async () => {
		const a = await seedResource(db, { orgId: office.id, title: 'Kỹ năng số cho người cao tuổi', themes: 'bình dân học vụ số', learnerGroups: ['nguoi_cao_tuoi'], competenceAreas: ['communication_collaboration'], language: 'thai', kind: 'audio' });
		expect((await searchLibrary(db, { q: 'ky nang so' })).items.map((r) => r.id)).toContain(a.id);
		expect((await searchLibrary(db, { q: 'BINH DAN hoc vu' })).items.map((r) => r.id)).toContain(a.id);
		expect((await searchLibrary(db, { q: 'Kỹ năng' })).items.map((r) => r.id)).toContain(a.id);
		expect((await searchLibrary(db, { q: 'so ky nang' })).items.map((r) => r.id)).not.toContain(a.id);
		// As people type: the last word may be unfinished, but it starts a word, and the order holds.
		expect((await searchLibrary(db, { q: 'ky nang s' })).items.map((r) => r.id)).toContain(a.id);
		expect((await searchLibrary(db, { q: 'binh da' })).items.map((r) => r.id)).toContain(a.id);
		expect((await searchLibrary(db, { q: 'tuo' })).items.map((r) => r.id)).toContain(a.id);
		expect((await searchLibrary(db, { q: 'uoi' })).items.map((r) => r.id)).not.toContain(a.id);
		expect((await searchLibrary(db, { q: 'nang ky' })).items.map((r) => r.id)).not.toContain(a.id);
		expect((await searchLibrary(db, { q: 'c' })).items.map((r) => r.id)).not.toContain(a.id);
		expect((await searchLibrary(db, { q: 'ky nang', group: 'nguoi_cao_tuoi', kind: 'audio', language: 'thai', competence: 'communication_collaboration' })).items.map((r) => r.id)).toEqual([a.id]);
		expect((await searchLibrary(db, { q: 'ky nang', group: 'tre_em' })).items).toHaveLength(0);
		expect((await searchLibrary(db, { q: '100%_ ' })).items).toHaveLength(0);
	});

	it('pages the results and ignores bad filters', async () => {
		for (let i = 0; i < 21; i++) await seedResource(db, { orgId: education.id, title: `Phân trang ${i}` });
		const first = await searchLibrary(db, { q: 'phan trang' });
		expect(first.items).toHaveLength(20);
		expect(first.hasNext).toBe(true);
		const second = await searchLibrary(db, { q: 'phan trang', page: '2' as never, kind: 'bogus' as never });
		expect(second.items).toHaveLength(1);
		expect(second.hasNext).toBe(false);
	});

	it('lists for the back office only the resources of organisations the actor edits for', async () => {
		const mine = await listManagedResources(db, otherStaff, { q: 'phan trang' });
		expect(mine.items.every((r) => r.orgId === education.id)).toBe(true);
		expect((await listManagedResources(db, staff, { q: 'phan trang' })).items).toHaveLength(0);
		expect((await refusal(listManagedResources(db, learner))).code).toBe('FORBIDDEN');
		expect((await refusal(listManagedResources(db, anonymousActor))).code).toBe('UNAUTHENTICATED');
	});
});

describe('learning paths', () => {
	it('lets a coordinator curate a path for a learner group; the public sees only its published resources', async () => {
		const a = await seedResource(db, { orgId: office.id, title: 'Bước một' });
		const draft = await seedResource(db, { orgId: office.id, title: 'Bước nháp', status: 'draft' });
		const path = await saveLearningPath(db, coordinator, office.id, { learnerGroup: 'nguoi_dan', title: 'Lộ trình cho người dân', resourceIds: [draft.id, a.id] });
		const shown = (await listLearningPaths(db, { learnerGroup: 'nguoi_dan' })).find((p) => p.id === path.id);
		expect(shown?.resources.map((r) => r.id)).toEqual([a.id]);
		expect((await listManagedPaths(db, coordinator)).find((p) => p.id === path.id)?.resources.map((r) => r.id)).toEqual([draft.id, a.id]);
		await saveLearningPath(db, coordinator, office.id, { learnerGroup: 'nguoi_dan', title: 'Lộ trình mới', resourceIds: [a.id] }, path.id);
		expect((await listLearningPaths(db)).find((p) => p.id === path.id)?.title).toBe('Lộ trình mới');
	});

	it('refuses staff, coordinators of another organisation, unknown resources and groups', async () => {
		const a = await seedResource(db, { orgId: office.id });
		expect((await refusal(saveLearningPath(db, staff, office.id, { learnerGroup: 'nguoi_dan', title: 'X', resourceIds: [a.id] }))).code).toBe('FORBIDDEN');
		expect((await refusal(saveLearningPath(db, otherCoordinator, office.id, { learnerGroup: 'nguoi_dan', title: 'X' }))).code).toBe('FORBIDDEN');
		expect((await refusal(saveLearningPath(db, coordinator, office.id, { learnerGroup: 'nguoi_dan', title: 'X', resourceIds: ['nope'] }))).fields).toMatchObject({ resourceIds: 'field_invalid' });
		expect((await refusal(saveLearningPath(db, coordinator, office.id, { learnerGroup: 'martians' as never, title: 'X' }))).fields).toHaveProperty('learnerGroup');
		expect((await refusal(listManagedPaths(db, staff))).code).toBe('FORBIDDEN');
	});
});

describe('learning records', () => {
	it('records a completion with minutes against the running campaign; the log shows the hours', async () => {
		const r = await seedResource(db, { orgId: office.id, title: 'Tự học tiếng Anh' });
		await recordLearning(db, learner, r.id, { status: 'started', minutes: '20' as never });
		const done = await recordLearning(db, learner, r.id, { status: 'completed', minutes: 45, reflection: 'Rất bổ ích.' });
		expect(done.campaignId).toBe(running.id);
		expect(done.completedAt).not.toBeNull();
		const log = await getMyLearning(db, learner);
		expect(log.records).toHaveLength(1);
		expect(log.totalMinutes).toBe(45);
		expect(log.perCampaign).toEqual([{ campaignId: running.id, title: running.title, minutes: 45, completions: 1 }]);
	});

	it('refuses visitors, drafts, too many minutes and an unknown campaign', async () => {
		const r = await seedResource(db, { orgId: office.id });
		const draft = await seedResource(db, { orgId: office.id, status: 'draft' });
		expect((await refusal(recordLearning(db, anonymousActor, r.id, { status: 'completed', minutes: 10 }))).code).toBe('UNAUTHENTICATED');
		expect((await refusal(recordLearning(db, learner, draft.id, { status: 'completed', minutes: 10 }))).code).toBe('NOT_FOUND');
		expect((await refusal(recordLearning(db, learner, r.id, { status: 'completed', minutes: 2000 }))).fields).toMatchObject({ minutes: 'library_minutes_too_many' });
		expect((await refusal(recordLearning(db, learner, r.id, { status: 'completed', minutes: -5 }))).fields).toHaveProperty('minutes');
		expect((await refusal(recordLearning(db, learner, r.id, { status: 'done' as never, minutes: 5 }))).fields).toHaveProperty('status');
		expect((await refusal(recordLearning(db, learner, r.id, { status: 'completed', minutes: 5, campaignId: 'nope' }))).fields).toMatchObject({ campaignId: 'field_invalid' });
		expect((await refusal(getMyLearning(db, anonymousActor))).code).toBe('UNAUTHENTICATED');
	});

	it('saves one self-check per person per year and refuses a missing or unknown level', async () => {
		const levels = { law: 'meets', lifelong: 'strong', organise: 'developing', healthy: 'meets', language_it: 'not_yet', critical: 'meets', gender: 'meets', culture: 'meets', digital: 'developing' } as const;
		await saveSelfCheck(db, learner, { year: 2021, levels });
		await saveSelfCheck(db, learner, { year: 2021, levels: { ...levels, digital: 'meets' } });
		expect((await getSelfCheck(db, learner, 2021))?.digital).toBe('meets');
		expect(await getSelfCheck(db, visitor, 2021)).toBeUndefined();
		expect((await refusal(saveSelfCheck(db, learner, { year: 2021, levels: { ...levels, law: 'superb' as never } }))).fields).toHaveProperty(['levels.law']);
		const { digital: _omit, ...partial } = levels;
		expect((await refusal(saveSelfCheck(db, learner, { year: 2021, levels: partial as never }))).fields).toHaveProperty(['levels.digital']);
		expect((await refusal(saveSelfCheck(db, anonymousActor, { year: 2021, levels }))).code).toBe('UNAUTHENTICATED');
	});
});

describe("coordinators' view of learning", () => {
	it('sums hours and completions by unit and learner group, and lists the most active learners', async () => {
		const r = await seedResource(db, { orgId: tttt.id, title: 'Tài liệu của Trung tâm' });
		await recordLearning(db, learner, r.id, { status: 'completed', minutes: 30 });
		await recordLearning(db, visitor, r.id, { status: 'started', minutes: 10 });
		const report = await getLearningReport(db, coordinator, office.id, { campaignId: null });
		const unit = report.byUnit.find((u) => u.key === tttt.id);
		expect(unit).toMatchObject({ label: 'Trung tâm Thông tin', learners: 1, completions: 2 });
		expect(unit!.minutes).toBeGreaterThanOrEqual(75);
		expect(report.byUnit.find((u) => u.key === 'unlinked')).toMatchObject({ learners: 1, minutes: 10, completions: 0 });
		expect(report.byLearnerGroup.find((g) => g.key === 'can_bo_cong_chuc_vien_chuc')?.learners).toBe(1);
		expect(report.topLearners[0]).toMatchObject({ name: 'Hoàng Anh Tú', unitName: 'Trung tâm Thông tin' });
		expect((await listMostActiveSelfLearners(db, office.id, { limit: 1 })).map((l) => l.userId)).toEqual([learner.userId]);
	});

	it('refuses staff, learners and coordinators of another organisation', async () => {
		expect((await refusal(getLearningReport(db, staff, office.id))).code).toBe('FORBIDDEN');
		expect((await refusal(getLearningReport(db, learner, office.id))).code).toBe('FORBIDDEN');
		expect((await refusal(getLearningReport(db, otherCoordinator, office.id))).code).toBe('FORBIDDEN');
		expect((await refusal(getLearningReport(db, coordinator, 'nope'))).code).toBe('NOT_FOUND');
	});
});
