import { fail, redirect } from '@sveltejs/kit';
import { AppError, isAppError } from '$lib/server/core/errors';
import { failForm, formValues, orPageError, throwPageError, translate, failAction as failFormAction } from '$lib/server/core/http';
import { settings } from '$lib/server/core/env';
import {
	addMaterialFile,
	addMaterialLink,
	cancelActivity,
	getActivityPage,
	getRoster,
	moveActivityOnline,
	publishActivity,
	registerOnBehalf,
	removeMaterial,
	setActivityRecording,
	setAttendance,
	setCompletion
} from '$lib/server/activities/service';
import { isPublicCampaignStatus } from '$lib/features/campaigns/types';
import { ATTENDANCE_MODES, MATERIAL_MAX_BYTES, type AttendanceMode } from '$lib/features/activities/types';
import type { GuestRegistrationInput } from '$lib/features/activities/inputs';
import { formatFileSize } from '$lib/features/tasks/format';
import { formatPhone } from '$lib/vn/phone';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, actor } = locals;
	const page = await orPageError(() => getActivityPage(db, actor, params.id));
	if (!page.canStaff) throwPageError(new AppError('FORBIDDEN'));
	const { entries } = await orPageError(() => getRoster(db, actor, params.id));
	const { activity: a, campaign } = page.ctx;
	const attended = (x: { at: Date; method: string } | null) => (x ? { at: x.at, method: x.method } : null);
	return {
		activity: {
			id: a.id,
			campaignId: a.campaignId,
			title: a.title,
			type: a.type,
			mode: a.mode,
			onlineOnly: a.onlineOnly,
			status: a.status,
			venue: a.venue,
			platform: a.platform,
			meetingUrl: a.meetingUrl,
			externalUrl: a.externalUrl,
			recordingUrl: a.recordingUrl,
			startsAt: a.startsAt,
			endsAt: a.endsAt,
			capacity: a.capacity
		},
		campaign: { id: campaign.id, title: campaign.title, isPublic: isPublicCampaignStatus(campaign.status) },
		hostName: page.hostName,
		partnerName: page.partnerName,
		partnerNames: page.partnerNames,
		placeName: page.placeName,
		distancing: page.distancing,
		materials: page.materials.map((x) => ({ id: x.id, title: x.title, url: x.url, fileName: x.fileName, size: x.size })),
		counts: {
			registered: page.registered,
			waitlisted: page.waitlisted,
			placesLeft: page.placesLeft,
			onsite: entries.filter((e) => e.onsite).length,
			online: entries.filter((e) => e.online).length,
			completed: entries.filter((e) => e.registration.completedAt).length
		},
		roster: entries.map(({ registration: r, onsite, online, consents }) => ({
			id: r.id,
			name: r.name,
			email: r.email,
			phone: r.phone ? formatPhone(r.phone) : null,
			learnerGroup: r.learnerGroup,
			status: r.status,
			ticketCode: r.ticketCode,
			assistedBy: r.assistedByLabel,
			completed: Boolean(r.completedAt),
			onsite: attended(onsite),
			online: attended(online),
			consents
		})),
		can: { manage: page.canManage, staff: page.canStaff },
		notice: url.searchParams.get('notice'),
		noticeRegistration: url.searchParams.get('registration'),
		maxSize: formatFileSize(MATERIAL_MAX_BYTES)
	};
};

function failAction(action: string, e: unknown, values: Record<string, unknown>, fields: string[] = []) {
	return failFormAction(action, e, values, (data, err) => {
		if (err.code === 'TOO_LARGE') data.errors.file = translate('activities_material_too_large', { size: formatFileSize(MATERIAL_MAX_BYTES) });
		if (err.code === 'UNSUPPORTED_TYPE') data.errors.file = translate('activities_material_type');
		// An error of a field this form does not show becomes its summary.
		const loose = Object.entries(data.errors).find(([k]) => !fields.includes(k.split('.')[0]));
		if (loose) data.message = loose[1];
	});
}

/** Runs an action's use case, then comes back to the page with a notice (and to the part of the page it concerns). */
async function act(event: RequestEvent, action: string, values: Record<string, unknown>, run: () => Promise<unknown>, done: { notice: string; hash?: string; fields?: string[]; query?: () => string }) {
	try {
		await run();
	} catch (e) {
		return failAction(action, e, values, done.fields);
	}
	redirect(303, `${localizeHref(`/activities/${event.params.id}/manage?notice=${done.notice}${done.query?.() ?? ''}`)}${done.hash ?? ''}`);
}

const formOf = async (request: Request) => formValues(await request.formData());

/** A step that mails every registrant (cancel, move online): its box says so and must be ticked. */
async function confirmedStep(event: RequestEvent, action: string, unticked: string, step: (db: App.Locals['db'], actor: App.Locals['actor'], id: string) => Promise<unknown>, notice: string) {
	const values = await formOf(event.request);
	const run = async () => {
		if (values.confirm !== 'on') throw new AppError('VALIDATION', { fields: { confirm: unticked } });
		await step(event.locals.db, event.locals.actor, event.params.id);
	};
	return act(event, action, values, run, { notice, fields: ['confirm'] });
}

export const actions: Actions = {
	publish: async (event) => act(event, 'publish', {}, () => publishActivity(event.locals.db, event.locals.actor, event.params.id), { notice: 'published' }),
	cancel: async (event) => confirmedStep(event, 'cancel', 'activities_cancel_activity_confirm_required', cancelActivity, 'cancelled'),
	moveOnline: async (event) => confirmedStep(event, 'moveOnline', 'activities_move_online_confirm_required', moveActivityOnline, 'moved_online'),
	recording: async (event) => {
		const values = await formOf(event.request);
		return act(event, 'recording', values, () => setActivityRecording(event.locals.db, event.locals.actor, event.params.id, { recordingUrl: values.recordingUrl }), {
			notice: 'recording',
			hash: '#after',
			fields: ['recordingUrl']
		});
	},
	materialLink: async (event) => {
		const values = await formOf(event.request);
		return act(event, 'materialLink', values, () => addMaterialLink(event.locals.db, event.locals.actor, event.params.id, { title: values.title, url: values.url }), {
			notice: 'material',
			hash: '#materials',
			fields: ['title', 'url']
		});
	},
	materialFile: async (event) => {
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch (e) {
			// The server's BODY_SIZE_LIMIT refused the upload before the form could be read.
			if ((e as { status?: number }).status !== 413) throw e;
			const size = formatFileSize(Number(process.env.BODY_SIZE_LIMIT) || settings().IMPORT_MAX_BYTES + 1024 * 1024);
			return fail(413, { action: 'materialFile', values: {}, errors: { file: translate('activities_material_too_large', { size }) }, message: translate('errors_too_large'), code: 'TOO_LARGE' });
		}
		const values = formValues(form);
		const file = form.get('file');
		return act(
			event,
			'materialFile',
			values,
			async () => {
				const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
				await addMaterialFile(event.locals.db, event.locals.actor, event.params.id, { name: file instanceof File ? file.name : '', bytes, title: String(values.fileTitle ?? '') });
			},
			{ notice: 'material', hash: '#materials', fields: ['file'] }
		);
	},
	removeMaterial: async (event) => {
		const values = await formOf(event.request);
		return act(event, 'removeMaterial', values, () => removeMaterial(event.locals.db, event.locals.actor, event.params.id, String(values.materialId ?? '')), {
			notice: 'material_removed',
			hash: '#materials'
		});
	},
	attendance: async (event) => {
		const values = await formOf(event.request);
		const registrationId = String(values.registrationId ?? '');
		return act(
			event,
			'attendance',
			values,
			async () => {
				const mode = String(values.mode ?? '');
				if (!(ATTENDANCE_MODES as readonly string[]).includes(mode)) throw new AppError('VALIDATION', { fields: { mode: 'field_invalid' } });
				await setAttendance(event.locals.db, event.locals.actor, event.params.id, { registrationId, mode: mode as AttendanceMode, present: values.present === 'true' });
			},
			{ notice: 'attendance', hash: `#r-${registrationId}` }
		);
	},
	completion: async (event) => {
		const values = await formOf(event.request);
		const registrationId = String(values.registrationId ?? '');
		return act(event, 'completion', values, () => setCompletion(event.locals.db, event.locals.actor, event.params.id, { registrationId, completed: values.completed === 'true' }), {
			notice: 'completion',
			hash: `#r-${registrationId}`
		});
	},
	assist: async (event) => {
		const values = await formOf(event.request);
		let id = '';
		const register = async () => {
			({ id } = await registerOnBehalf(event.locals.db, event.locals.actor, event.params.id, values as GuestRegistrationInput));
		};
		return act(event, 'assist', values, register, { notice: 'assisted', hash: '#assist', fields: ['name', 'email', 'phone', 'learnerGroup', 'consents'], query: () => `&registration=${encodeURIComponent(id)}` });
	}
};
