// Factories for tests, e2e and the demo: activities and registrations made through the service,
// as a person would.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import { dateTimeInputValue } from '$lib/vn/dates';
import type { ActivityInput, GuestRegistrationInput } from '$lib/features/activities/inputs';
import { createActivity as createActivityDraft, publishActivity, registerForActivity, checkInByTicket, joinByToken, setCompletion, type ActivityRow, type RegistrationRow } from './service';

export type ActivityOverrides = Partial<Omit<ActivityInput, 'startsAt' | 'endsAt'>> & {
	campaignId: string;
	startsAt?: Date;
	endsAt?: Date;
	/** Publish it (default true). */
	publish?: boolean;
	actor?: Actor;
};

/** A seminar in person at a place, two hours from `startsAt` (default: one week from now). */
export async function createActivity(db: Db, overrides: ActivityOverrides): Promise<ActivityRow> {
	const { campaignId, publish = true, actor = systemActor('seed'), startsAt = new Date(Date.now() + 7 * 86_400_000), endsAt, ...input } = overrides;
	const row = await createActivityDraft(db, actor, campaignId, {
		title: 'Tọa đàm "Chuyển đổi số và học tập suốt đời"',
		description: 'Trao đổi kinh nghiệm học tập trên môi trường số.',
		type: 'seminar',
		mode: 'online',
		platform: 'zoom',
		meetingUrl: 'https://us02web.zoom.us/j/81234567890',
		capacity: null,
		targetGroups: ['can_bo_cong_chuc_vien_chuc'],
		...input,
		startsAt: dateTimeInputValue(startsAt),
		endsAt: dateTimeInputValue(endsAt ?? new Date(startsAt.getTime() + 2 * 3_600_000))
	});
	return publish ? publishActivity(db, actor, row.id) : row;
}

let guestCounter = 0;

/** Registers a guest with a fresh e-mail (or the given details). */
export async function registerGuest(db: Db, activityId: string, overrides: Partial<GuestRegistrationInput> = {}): Promise<RegistrationRow> {
	guestCounter++;
	return registerForActivity(db, { kind: 'anonymous', grants: [] }, activityId, { name: `Người học ${guestCounter}`, email: `hocvien${guestCounter}.${Date.now()}@example.vn`, ...overrides });
}

const DEMO_GROUPS = ['can_bo_cong_chuc_vien_chuc', 'nguoi_dan', 'hoc_sinh_sinh_vien', 'phu_nu', 'nguoi_lao_dong', 'nguoi_cao_tuoi'] as const;
const FAMILY = ['Nguyễn', 'Lò', 'Cầm', 'Quàng', 'Tòng', 'Lường', 'Đinh', 'Hoàng', 'Vì', 'Bạc'];
const GIVEN = ['Văn Hùng', 'Thị Mai', 'Văn Páo', 'Thị Lan', 'Minh Tuấn', 'Thị Hương', 'Văn Chính', 'Thị Thu', 'Đức Anh', 'Thị Ngọc'];

/**
 * The demo's programme (DEMO=1): the 2021 Week as it happened — an opening ceremony, a seminar, a
 * partner's training class, a UNESCO forum and a reading day, with registrations from several
 * learner groups, check-ins on site, online joins and completions, so the report has figures —
 * and two activities in the coming days that a visitor can register for. The 2021 part is written
 * as it would have been at the time: the clock is set back while it is made, then released.
 */
export async function seedDemoActivities(
	db: Db,
	demo: { campaignId: string; hostUnitId: string; partnerId: string | null; placeCode: string | null; setClock: (at?: Date) => void }
): Promise<ActivityRow[]> {
	const system = systemActor('demo');
	const vn = (iso: string) => new Date(`${iso}+07:00`);
	const place = demo.placeCode ? { adminUnitCode: demo.placeCode, venue: 'Hội trường Văn phòng UBND tỉnh, số 8 đường Tô Hiệu' } : {};
	const specs: Array<ActivityOverrides & { guests: number; onsite: number; online: number }> = [
		{ campaignId: demo.campaignId, title: 'Lễ phát động Tuần lễ hưởng ứng học tập suốt đời năm 2021', type: 'opening_ceremony', mode: 'hybrid', platform: 'zoom', meetingUrl: 'https://zoom.us/j/2021100108', ...place, startsAt: vn('2021-10-01T08:00'), endsAt: vn('2021-10-01T09:30'), capacity: '80', targetGroups: ['can_bo_cong_chuc_vien_chuc'], guests: 24, onsite: 14, online: 8 },
		{ campaignId: demo.campaignId, title: 'Tọa đàm "Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người"', type: 'seminar', mode: 'online', platform: 'google_meet', meetingUrl: 'https://meet.google.com/lwk-sonl-2021', startsAt: vn('2021-10-02T14:00'), endsAt: vn('2021-10-02T16:00'), targetGroups: ['can_bo_cong_chuc_vien_chuc', 'nguoi_lao_dong'], guests: 18, onsite: 0, online: 15 },
		{ campaignId: demo.campaignId, title: 'Lớp tập huấn "Sử dụng Internet an toàn, hiệu quả"', type: 'training_class', mode: 'in_person', partnerId: demo.partnerId ?? undefined, ...place, startsAt: vn('2021-10-04T08:00'), endsAt: vn('2021-10-04T11:00'), capacity: '30', targetGroups: ['nguoi_dan', 'phu_nu', 'nguoi_cao_tuoi'], guests: 16, onsite: 13, online: 0 },
		{ campaignId: demo.campaignId, title: 'Diễn đàn quốc tế về học tập suốt đời (UNESCO UIL)', type: 'international_forum', mode: 'online', platform: 'youtube_live', meetingUrl: 'https://www.youtube.com/live/uil-lifelong-learning', externalUrl: 'https://www.uil.unesco.org/en', startsAt: vn('2021-10-05T15:00'), endsAt: vn('2021-10-05T17:00'), targetGroups: ['can_bo_cong_chuc_vien_chuc'], guests: 6, onsite: 0, online: 5 },
		{ campaignId: demo.campaignId, title: 'Ngày hội đọc sách và giới thiệu tủ sách điện tử', type: 'reading_event', mode: 'in_person', ...place, startsAt: vn('2021-10-06T08:00'), endsAt: vn('2021-10-06T11:00'), targetGroups: ['hoc_sinh_sinh_vien', 'nguoi_dan'], guests: 20, onsite: 17, online: 0 }
	];
	const made: ActivityRow[] = [];
	let n = 0;
	try {
		for (const spec of specs) {
			const { guests, onsite, online, ...overrides } = spec;
			demo.setClock(vn('2021-09-20T09:00'));
			const a = await createActivity(db, { ...overrides, hostUnitId: demo.hostUnitId, actor: system });
			made.push(a);
			const regs: RegistrationRow[] = [];
			for (let i = 0; i < guests; i++, n++) {
				// Phone only: the demo sends no mail to made-up people.
				const phone = `+849${String(12000000 + n).padStart(8, '0')}`;
				regs.push(await registerForActivity(db, { kind: 'anonymous', grants: [] }, a.id, { name: `${FAMILY[n % FAMILY.length]} ${GIVEN[(n * 3) % GIVEN.length]}`, phone, email: '', learnerGroup: DEMO_GROUPS[n % DEMO_GROUPS.length], consents: ['statistics'] }));
			}
			demo.setClock(new Date(a.startsAt.getTime() + 10 * 60_000));
			for (const r of regs.slice(0, onsite)) await checkInByTicket(db, system, a.id, { code: r.ticketCode });
			for (const r of regs.slice(onsite, onsite + online)) await joinByToken(db, r.token);
			if (a.type === 'training_class') for (const r of regs.slice(0, onsite - 1)) await setCompletion(db, system, a.id, { registrationId: r.id, completed: true });
		}
	} finally {
		demo.setClock();
	}
	const soon = (days: number, hour: number) => {
		const d = new Date(Date.now() + days * 86_400_000);
		return vn(`${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`);
	};
	made.push(
		await createActivity(db, { campaignId: demo.campaignId, actor: system, hostUnitId: demo.hostUnitId, title: 'Lớp tập huấn kỹ năng số cơ bản cho người dân', type: 'training_class', mode: 'in_person', partnerId: demo.partnerId ?? undefined, ...place, startsAt: soon(7, 8), endsAt: soon(7, 11), capacity: '30', targetGroups: ['nguoi_dan', 'nguoi_cao_tuoi'] }),
		await createActivity(db, { campaignId: demo.campaignId, actor: system, hostUnitId: demo.hostUnitId, title: 'Tọa đàm trực tuyến "Học tập suốt đời trong kỷ nguyên số"', type: 'seminar', mode: 'online', platform: 'zoom', meetingUrl: 'https://zoom.us/j/5550001111', startsAt: soon(3, 14), endsAt: soon(3, 16), capacity: '100', targetGroups: ['can_bo_cong_chuc_vien_chuc', 'giao_vien'] })
	);
	return made;
}
