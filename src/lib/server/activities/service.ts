// The activities domain (M6, M9, M12, M14): the week's programme of hybrid activities,
// registration with waitlists, attendance on site and online, training-class completion with
// certificates, international-forum notes, and calendar feeds. Other domains and routes enter
// here; the use cases live in service/<use-case>.ts.
export {
	createActivity,
	updateActivity,
	publishActivity,
	cancelActivity,
	moveActivityOnline,
	setActivityRecording,
	addMaterialLink,
	addMaterialFile,
	removeMaterial,
	assertNoDistancing
} from './service/manage-activity';
export { registerForActivity, registerOnBehalf, cancelRegistration, cancelRegistrationByToken, getRegistrationByToken, getRegistrationById, registrationClosedReason } from './service/register';
export { registrationTokenFor } from './service/registration-token';
export {
	checkInByTicket,
	checkInWithActivityCode,
	checkInWithActivityCodeByToken,
	currentActivityCode,
	joinByToken,
	JOIN_OPENS_BEFORE_MS,
	setAttendance,
	recordForumParticipation,
	type CheckInResult,
	type JoinOutcome
} from './service/attendance';
export { setCompletion, verifyCertificate, checkCertificate, certificatePdfByToken, certificatePdfForStaff, certificateVerifyUrl, type CertificateView } from './service/completion';
export {
	getProgramme,
	listCampaignActivities,
	getActivityPage,
	getRoster,
	listMyRegistrations,
	listMyWorkActivities,
	readMaterialFile,
	type ProgrammeFilters,
	type ProgrammeDay,
	type ActivityCard,
	type ActivityPage,
	type RosterEntry
} from './service/read-activities';
export { listActivityFormChoices, type ActivityFormChoices } from './service/form-choices';
export { campaignCalendar, personalCalendar, personalFeedUrl } from './service/calendar-feeds';
export { CALENDAR_CONTENT_TYPE } from './service/calendar';
export { qrSvg } from '../core/qr';
export { activityJobHandlers, registrationUrl, REGISTRATION_MAIL_JOB } from './service/registration-mail';
export type { ActivityRow, RegistrationRow, AttendanceRow, ActivityMaterialRow } from './tables';
// Read models other domains measure from (maturity's automatic criteria).
export { listCampaignActivityFacts, type ActivityFact } from './export';
