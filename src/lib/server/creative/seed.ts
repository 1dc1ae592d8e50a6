// Factories for tests, e2e and the demo: contests, entries, rounds and votes made through the
// service, and tiny but valid media files (WAV, MP3, MP4, PNG) made in memory.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import { createUser } from '../org/seed';
import { linkPersonToUser, listPeople, type OrgNodeRow } from '../org/service';
import { createAccountWithPassword } from '../auth/service';
import type { ContestInput, EntryInput } from '$lib/features/creative/inputs';
import { rubricText } from '$lib/features/creative/inputs';
import {
	addJuror,
	castVote,
	closeRound,
	createContest as createContestRecord,
	createRound,
	openRound,
	publishContest,
	rateEntry,
	submitEntry,
	type PostedFile
} from './service';
import type { CreativeContestRow, CreativeEntryRow } from './tables';
import { sampleExecutable, sampleMp3, sampleMp4, samplePng, sampleWav } from './service/sample-media';

const seedActor = systemActor('seed');

export { sampleWav, sampleMp3, sampleMp4, samplePng, sampleExecutable };

export type ContestOverrides = ContestInput & { campaignId: string; actor?: Actor; publish?: boolean };

/** A contest of the campaign taking readings, audio, video, photos and essays, open now, published unless `publish: false`. */
export async function createContest(db: Db, overrides: ContestOverrides): Promise<CreativeContestRow> {
	const { campaignId, actor = seedActor, publish = true, ...input } = overrides;
	const day = 86_400_000;
	const t = Date.now();
	const row = await createContestRecord(db, actor, campaignId, {
		title: 'Cuộc thi "Đọc sách cùng con"',
		rules: 'Mỗi gia đình gửi một bài đọc không quá 5 phút.',
		entryTypes: ['reading', 'audio', 'video', 'photo', 'essay'],
		maxSizeMb: '5',
		maxDurationMinutes: '5',
		submissionOpensAt: new Date(t - day).toISOString(),
		submissionClosesAt: new Date(t + 7 * day).toISOString(),
		voteOpensAt: new Date(t - day).toISOString(),
		voteClosesAt: new Date(t + 14 * day).toISOString(),
		voteMode: 'per_entry',
		votesPerAccount: '1',
		juryWeight: '70',
		...input
	});
	return publish ? publishContest(db, actor, row.id) : row;
}

let entryCounter = 0;
let voterCounter = 0;

/** A voter: an account with a password whose e-mail is verified (as demo accounts are), signed in. */
export async function createVoter(db: Db, name = 'Người bình chọn'): Promise<Actor> {
	const n = ++voterCounter;
	const user = await createAccountWithPassword(db, seedActor, { name, email: `binhchon${n}.${Date.now().toString(36)}@example.vn`, password: 'BinhChon@2021', isDemo: true });
	return { kind: 'user', userId: user.id, name: user.name, email: user.email, grants: [] };
}

/** An entry by `actor` (a signed-in entrant): a 3-second reading unless the overrides say otherwise, both consents given. */
export async function createEntry(db: Db, contestId: string, actor: Actor, overrides: EntryInput & { file?: PostedFile } = {}): Promise<CreativeEntryRow> {
	const { file, ...input } = overrides;
	const n = ++entryCounter;
	const type = (input.type as string | undefined) ?? 'reading';
	return submitEntry(
		db,
		actor,
		contestId,
		{ type, title: `Bài dự thi ${n}`, description: `Mô tả bài dự thi ${n}.`, consents: ['participate', 'publish'], essayText: type === 'essay' ? `Bài viết số ${n}.` : '', ...input },
		type === 'essay' ? undefined : (file ?? { name: `bai-${n}.wav`, bytes: sampleWav(3) })
	);
}

/** The default rubric of a reading contest: voice, expression, content and presentation. */
export const READING_RUBRIC = rubricText([
	{ id: 'c1', name: 'Giọng đọc, phát âm', weight: 40, maxScore: 10 },
	{ id: 'c2', name: 'Biểu cảm, truyền cảm', weight: 30, maxScore: 10 },
	{ id: 'c3', name: 'Nội dung, lựa chọn tác phẩm', weight: 20, maxScore: 10 },
	{ id: 'c4', name: 'Hình thức trình bày', weight: 10, maxScore: 10 }
]);

/**
 * The demo's creative contest (DEMO=1): the Office's 2021 reading contest "Đọc sách cùng con",
 * for the Plan's call to "tự đọc, ghi âm, ghi hình đóng góp, chia sẻ, dự thi" — families' readings
 * and a photo and an essay, a closed jury round, public votes and published results. Made as it
 * would have been in 2021: the clock is set back while it is made, then released.
 */
export async function seedDemoCreative(db: Db, demo: { campaignId: string; units: Record<string, OrgNodeRow>; setClock: (at?: Date) => void }): Promise<CreativeContestRow> {
	const system = systemActor('demo');
	const vn = (iso: string) => new Date(`${iso}+07:00`);
	try {
		demo.setClock(vn('2021-09-15T08:00'));
		const contest = await createContest(db, {
			campaignId: demo.campaignId,
			actor: system,
			title: 'Cuộc thi "Đọc sách cùng con" năm 2021',
			rules:
				'Hưởng ứng Tuần lễ học tập suốt đời năm 2021, Văn phòng UBND tỉnh phát động cuộc thi "Đọc sách cùng con" dành cho gia đình cán bộ, công chức, viên chức và người lao động.\nMỗi gia đình gửi một bài đọc (ghi âm hoặc ghi hình) một trích đoạn sách không quá 5 phút, kèm ảnh hoặc bài cảm nhận nếu có.\nBan giám khảo chấm theo tiêu chí giọng đọc, biểu cảm, nội dung và hình thức; điểm bình chọn của khán giả chiếm 30% tổng điểm.',
			entryTypes: ['reading', 'video', 'photo', 'essay'],
			maxSizeMb: '200',
			maxDurationMinutes: '5',
			submissionOpensAt: '2021-09-20T08:00',
			submissionClosesAt: '2021-10-03T17:00',
			voteOpensAt: '2021-10-04T08:00',
			voteClosesAt: '2021-10-08T17:00',
			voteMode: 'per_entry',
			votesPerAccount: '1',
			juryWeight: '70'
		});
		const people = (await listPeople(db, system, { unitId: demo.units.VPUB.id, page: 1 })).items;
		const email = (name: string) => `${name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z]+/g, '.')}@demo.learnweek.vn`;
		/** An entrant: an account of their own; their unit is named on the entry. */
		const account = async (name: string): Promise<Actor> => {
			const user = await createUser(db, { name, email: email(name), isDemo: true });
			return { kind: 'user', userId: user.id, name: user.name, email: user.email, grants: [] };
		};
		/** A juror: one of the unit's own people, given an account (the unit's entries are then not theirs to judge). */
		const staffJuror = async (unitCode: string, fallback: string): Promise<Actor> => {
			const person = people.find((p) => p.unitId === demo.units[unitCode].id && !p.userId);
			const name = person ? [person.familyName, person.middleName, person.givenName].filter(Boolean).join(' ') : fallback;
			const user = await createUser(db, { name, email: email(`giam khao ${name}`), isDemo: true });
			if (person) await linkPersonToUser(db, system, { personId: person.id, userId: user.id });
			return { kind: 'user', userId: user.id, name: user.name, email: user.email, grants: [] };
		};
		const entrants = [
			{ name: 'Lò Thị Mai', unit: 'TTTT', title: 'Con chim xanh biếc bay về', isMinor: false, hz: 392 },
			{ name: 'Cầm Văn Hùng', unit: 'KT', title: 'Dế Mèn phiêu lưu ký — chương I', isMinor: false, hz: 440 },
			{ name: 'Quàng Minh Khôi', unit: 'KGVX', title: 'Chuyện cổ tích "Sự tích cây vú sữa"', isMinor: true, hz: 494 },
			{ name: 'Tòng Thị Hương', unit: 'TH', title: 'Những tấm lòng cao cả — "Người thầy đầu tiên"', isMinor: false, hz: 523 },
			{ name: 'Lường Văn Chính', unit: 'NC', title: 'Tuổi thơ dữ dội — trích đoạn', isMinor: false, hz: 349 }
		];
		demo.setClock(vn('2021-09-28T20:00'));
		const entries: CreativeEntryRow[] = [];
		for (const [i, e] of entrants.entries()) {
			const who = await account(e.name);
			entries.push(
				await createEntry(db, contest.id, who, {
					type: 'reading',
					title: e.title,
					description: e.isMinor ? 'Bé đọc cùng mẹ vào buổi tối trước giờ đi ngủ.' : 'Cả nhà cùng đọc sách vào cuối tuần.',
					unitId: demo.units[e.unit].id,
					isMinor: e.isMinor,
					guardianName: e.isMinor ? 'Quàng Thị Lan' : '',
					guardianRelation: e.isMinor ? 'mother' : '',
					guardianConsents: e.isMinor ? ['participate', 'publish'] : [],
					file: { name: `doc-sach-${i + 1}.wav`, bytes: sampleWav(4 + i, e.hz) }
				})
			);
		}
		const photographer = await account('Bạc Thị Thu');
		entries.push(await createEntry(db, contest.id, photographer, { type: 'photo', title: 'Góc đọc sách của gia đình', description: 'Góc đọc sách nhỏ bên cửa sổ.', unitId: demo.units.KSTTHC.id, file: { name: 'goc-doc-sach.png', bytes: samplePng(320, 200, 40) } }));
		const writer = await account('Đinh Văn Páo');
		entries.push(
			await createEntry(db, contest.id, writer, {
				type: 'essay',
				title: 'Cảm nhận sau một tháng đọc sách cùng con',
				description: 'Bài viết cảm nhận.',
				unitId: demo.units.BTCD.id,
				essayText:
					'Mỗi tối, hai bố con dành ba mươi phút đọc sách. Ban đầu con chỉ thích xem tranh, nhưng dần dần con tự đọc được những câu ngắn.\nViệc đọc sách cùng con giúp gia đình gắn bó hơn và con ham học hỏi hơn.'
			})
		);

		demo.setClock(vn('2021-10-04T08:00'));
		const round = await createRound(db, system, contest.id, { title: 'Vòng chấm sơ khảo', rubric: READING_RUBRIC });
		const jurors = [await staffJuror('TTTT', 'Hoàng Anh Tú'), await staffJuror('KGVX', 'Vì Thị Ngọc'), await account('Nguyễn Đức Anh')];
		for (const j of jurors) await addJuror(db, system, round.id, { email: j.email });
		await openRound(db, system, round.id);
		for (const [j, juror] of jurors.entries()) {
			for (const [i, entry] of entries.entries()) {
				const scores = Object.fromEntries(['c1', 'c2', 'c3', 'c4'].map((c, k) => [`score_${c}`, String(5 + ((i * 3 + j * 2 + k) % 5))]));
				await rateEntry(db, juror, round.id, entry.id, { ...scores, comment: '' }).catch(() => undefined);
			}
		}
		demo.setClock(vn('2021-10-06T19:00'));
		for (let v = 0; v < 12; v++) {
			const voter = await createVoter(db, `Người bình chọn ${v + 1}`);
			await castVote(db, voter, entries[v % 5 === 0 ? 0 : (v * 7) % entries.length].id, {}).catch(() => undefined);
		}
		demo.setClock(vn('2021-10-09T09:00'));
		await closeRound(db, system, round.id);
		return contest;
	} finally {
		demo.setClock();
	}
}
