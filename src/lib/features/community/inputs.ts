// The community domain's input schemas, shared by the forms and the services. Error messages are
// message keys; paths are the forms' field names.
import { z } from 'zod';
import { line, paragraphs, optionalId } from '$lib/features/fields';
import { parseDate } from '$lib/vn/dates';

export const COMMUNITY_LIMITS = { name: 200, description: 5000, title: 200, body: 10000, reason: 500 } as const;

const required = (v: string) => v.length > 0;

/** A club as staff create it: its organisation, and the campaign it belongs to if any. */
export const clubInput = z.object({
	name: line(COMMUNITY_LIMITS.name, true),
	description: paragraphs(COMMUNITY_LIMITS.description).default(''),
	orgId: z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string().min(1, 'field_required').max(64, 'field_invalid')),
	campaignId: optionalId.default(null)
});
export type ClubInput = z.input<typeof clubInput>;

/** A new thread: its title and opening text (plain text, line breaks kept). */
export const threadInput = z.object({
	title: line(COMMUNITY_LIMITS.title, true),
	body: paragraphs(COMMUNITY_LIMITS.body).refine(required, 'field_required')
});
export type ThreadInput = z.input<typeof threadInput>;

/** A reply, which may quote another post of the thread. */
export const replyInput = z.object({
	body: paragraphs(COMMUNITY_LIMITS.body).refine(required, 'field_required'),
	quotedPostId: optionalId.default(null)
});
export type ReplyInput = z.input<typeof replyInput>;

/** A report of a post to the moderators. */
export const reportInput = z.object({ reason: line(COMMUNITY_LIMITS.reason, true) });
export type ReportInput = z.input<typeof reportInput>;

/** A suspension of a post's author: until a day (dd/mm/yyyy, the end of that day in Vietnam) and why. */
export const suspendInput = z.object({
	until: z.preprocess(
		(v) => (v === undefined || v === null ? '' : v),
		z.string({ error: 'field_invalid_date' }).transform((v, ctx): string => {
			const t = v.trim();
			if (!t) {
				ctx.addIssue({ code: 'custom', message: 'field_required' });
				return '';
			}
			const iso = parseDate(t);
			if (!iso) {
				ctx.addIssue({ code: 'custom', message: 'field_invalid_date' });
				return '';
			}
			return iso;
		})
	),
	reason: line(COMMUNITY_LIMITS.reason, true)
});
export type SuspendInput = z.input<typeof suspendInput>;
