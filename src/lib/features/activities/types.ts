// Client-safe shapes of the activities domain (M6, M9, M12, M14): the server's service and the pages share them.

/** What an activity is (DOMAIN-VN §1.1 "Typical activities"). */
export const ACTIVITY_TYPES = [
	'opening_ceremony',
	'seminar',
	'training_class',
	'club_meeting',
	'reading_event',
	'exhibition',
	'contest_launch',
	'international_forum',
	'publicity',
	'other'
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Trực tiếp, trực tuyến, kết hợp. */
export const ACTIVITY_MODES = ['in_person', 'online', 'hybrid'] as const;
export type ActivityMode = (typeof ACTIVITY_MODES)[number];

/** Online meeting platforms (M9). `other` accepts any https link. */
export const ONLINE_PLATFORMS = ['zoom', 'google_meet', 'teams', 'k12online', 'youtube_live', 'other'] as const;
export type OnlinePlatform = (typeof ONLINE_PLATFORMS)[number];

/** Nháp, đã công bố, đã huỷ. */
export const ACTIVITY_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Đã đăng ký, danh sách chờ, đã huỷ. */
export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Tại chỗ or trực tuyến: the report counts them apart. */
export const ATTENDANCE_MODES = ['onsite', 'online'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/** How an attendance was recorded. */
export const ATTENDANCE_METHODS = ['ticket_scan', 'ticket_code', 'activity_code', 'join_link', 'self_report', 'manual'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

/**
 * The purposes a registrant may consent to, each its own unticked box (DOMAIN-VN §6.8: one consent
 * per purpose, never pre-ticked). Registration itself needs none of them: the name and contact are
 * processed to run the registration, which the notice says.
 */
export const CONSENT_PURPOSES = ['statistics', 'reminders', 'photos'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** The version of the privacy notice shown beside the consent boxes; kept with each consent event. */
export const CONSENT_NOTICE_VERSION = '2026-11';

/** Activity material files: documents, slides and pictures, told from their content. */
export const MATERIAL_KINDS = ['pdf', 'png', 'jpeg', 'webp', 'ooxml'] as const;
export const MATERIAL_MAX_BYTES = 5 * 1024 * 1024;

/** Ticket codes: 8 characters of an alphabet without look-alikes (0/O, 1/I/L), read aloud or typed at the door. */
export const TICKET_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TICKET_CODE_LENGTH = 8;

/** A rotating activity code changes every this many seconds; the previous one is still accepted. */
export const ACTIVITY_CODE_PERIOD_SECONDS = 60;
export const ACTIVITY_CODE_LENGTH = 6;
