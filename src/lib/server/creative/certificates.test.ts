import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, useTempFilesDir } from '../db/testing';
import { anonymousActor, type Actor } from '../auth/actor';
import { freezeClock } from '../core/clock';
import * as org from '../org/seed';
import { createCampaign } from '../campaigns/seed';
import { addJuror, checkCreativeCertificate, closeRound, createRound, disqualifyEntry, entryCertificatePdf, findEntryCertificate, openRound, publishResults, rateEntry } from './service';
import { createContest, createEntry, READING_RUBRIC } from './seed';
import type { CreativeEntryRow } from './tables';

const db = await createTestDb();
useTempFilesDir('creative-certificates');
const work = mkdtempSync(join(tmpdir(), 'lw-creative-cert-'));
afterAll(() => {
	rmSync(work, { recursive: true, force: true });
	freezeClock();
});

const office = await org.createOrgNode(db, { kind: 'agency', name: 'Văn phòng UBND tỉnh Sơn La', shortCode: 'VPUB' });
const coordinator = await org.createActor(db, { role: 'coordinator', orgId: office.id });
const staff = await org.createActor(db, { role: 'staff', orgId: office.id });
const campaign = await createCampaign(db, { orgId: office.id, year: 2021, status: 'running' });

function pdfText(pdf: Buffer, name: string): string {
	const path = join(work, `${name}.pdf`);
	writeFileSync(path, pdf);
	return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('contest certificates', () => {
	it('gives prizes to the first three and taking part to the rest when results are published, verified by ST- code, revoked on disqualification', async () => {
		const day = 86_400_000;
		const contest = await createContest(db, { campaignId: campaign.id, title: 'Cuộc thi "Đọc sách cùng con"', juryWeight: '100', voteOpensAt: '', voteClosesAt: '' });
		const names = ['Lò Thị Mai', 'Cầm Văn Hùng', 'Tòng Thị Hương', 'Lường Văn Chính', 'Quàng Minh Khôi'];
		const authors: Actor[] = [];
		const entries: CreativeEntryRow[] = [];
		for (const [i, name] of names.entries()) {
			authors.push(await org.createActor(db, [], { name }));
			entries.push(await createEntry(db, contest.id, authors[i], { title: `Bài đọc số ${i + 1}` }));
		}
		const juror = await org.createActor(db, [], { name: 'Hoàng Anh Tú' });
		const round = await createRound(db, coordinator, contest.id, { title: 'Vòng chấm', rubric: READING_RUBRIC });
		await addJuror(db, coordinator, round.id, { email: juror.email });
		freezeClock(new Date(Date.now() + 8 * day));
		await openRound(db, coordinator, round.id);
		// Entry i scores 10 − i on every criterion: the ranking is the entries' order.
		for (const [i, e] of entries.entries()) await rateEntry(db, juror, round.id, e.id, Object.fromEntries(['c1', 'c2', 'c3', 'c4'].map((c) => [`score_${c}`, String(10 - i)])));
		await closeRound(db, coordinator, round.id);
		expect(await findEntryCertificate(db, authors[0], entries[0].id)).toBeNull();
		expect((await publishResults(db, staff, contest.id).catch((e) => e)).code).toBe('FORBIDDEN');
		await publishResults(db, coordinator, contest.id);

		const certs = await Promise.all(entries.map((e, i) => findEntryCertificate(db, authors[i], e.id)));
		expect(certs.map((c) => [c?.kind, c?.rank])).toEqual([
			['prize', 1],
			['prize', 2],
			['prize', 3],
			['participation', null],
			['participation', null]
		]);
		expect(certs.every((c) => /^ST-[2-9A-HJKMNP-Z]{10}$/.test(c!.code))).toBe(true);
		// Nobody but the author and the coordinators has the certificate.
		expect(await findEntryCertificate(db, authors[1], entries[0].id)).toBeNull();
		expect((await entryCertificatePdf(db, anonymousActor, entries[0].id, 'vi').catch((e) => e)).code).toBe('NOT_FOUND');

		const first = pdfText((await entryCertificatePdf(db, authors[0], entries[0].id, 'vi')).pdf, 'first');
		expect(first).toContain('GIẤY CHỨNG NHẬN');
		expect(first).toContain('Lò Thị Mai');
		expect(first).toContain('Giải Nhất — Cuộc thi "Đọc sách cùng con"');
		expect(first).toContain(certs[0]!.code);
		expect(first).toContain(`/certificates/${certs[0]!.code}`);
		const fourth = pdfText((await entryCertificatePdf(db, coordinator, entries[3].id, 'en')).pdf, 'fourth');
		expect(fourth).toContain('took part in');
		expect(fourth).toContain('Lường Văn Chính');

		const check = await checkCreativeCertificate(db, certs[1]!.code.toLowerCase(), 'vi');
		expect(check).toMatchObject({ valid: true, recipientName: 'Cầm Văn Hùng', subject: 'Giải Nhì — Cuộc thi "Đọc sách cùng con"', issuer: 'Văn phòng UBND tỉnh Sơn La' });
		await disqualifyEntry(db, coordinator, entries[1].id, { reason: 'Bài đọc không phải của thí sinh' });
		expect(await checkCreativeCertificate(db, certs[1]!.code, 'vi')).toMatchObject({ valid: false, revokedReason: 'Bài đọc không phải của thí sinh' });
		expect((await entryCertificatePdf(db, authors[1], entries[1].id, 'vi').catch((e) => e)).fields).toMatchObject({ _: 'creative_certificate_revoked' });
		expect((await checkCreativeCertificate(db, 'ST-2222222222', 'vi').catch((e) => e)).code).toBe('NOT_FOUND');
	});
});
