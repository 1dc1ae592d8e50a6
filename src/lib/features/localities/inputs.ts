// The localities domain's input schemas, shared by the forms and the service. Error messages are
// message keys; paths are the forms' field names.
import { z } from 'zod';
import { parseDate } from '$lib/vn/dates';
import { line, optionalId } from '$lib/features/fields';
import { ADMIN_UNIT_CODE_DIGITS, ADMIN_UNIT_KINDS, ADMIN_UNIT_LEVEL, isAdminUnitKind, type AdminUnitKind } from './types';

export const LOCALITY_LIMITS = { name: 200, note: 500 } as const;

const blankToEmpty = (v: unknown): unknown => (v === undefined || v === null ? '' : v);

/** A day from <input type="date"> (yyyy-mm-dd) or typed dd/mm/yyyy; blank is null, or field_required when `required`. */
function day(required: boolean) {
	return z.preprocess(
		blankToEmpty,
		z.string({ error: 'field_invalid_date' }).transform((v, ctx): string | null => {
			if (!v.trim()) {
				if (required) ctx.addIssue({ code: 'custom', message: 'field_required' });
				return null;
			}
			const iso = parseDate(v);
			if (iso) return iso;
			ctx.addIssue({ code: 'custom', message: 'field_invalid_date' });
			return null;
		})
	);
}

/** A day that must be given: '' only ever stands beside a field_required issue. */
const requiredDay = day(true).transform((v) => v ?? '');

/** The message key for a code that does not fit its kind, or null when it fits (ADMIN_UNIT_CODE_DIGITS). */
export function adminUnitCodeError(code: string, kind: AdminUnitKind): string | null {
	const digits = ADMIN_UNIT_CODE_DIGITS[ADMIN_UNIT_LEVEL[kind]];
	return new RegExp(`^\\d{${digits}}$`).test(code) ? null : `localities_code_digits_${digits}`;
}

/**
 * An administrative unit as an administrator records it. The code's length follows the kind's tier;
 * a province-level unit has no parent and every other unit has one (whether it exists and sits
 * above is the service's check).
 */
export const adminUnitInput = z
	.object({
		code: z.preprocess(blankToEmpty, z.string({ error: 'field_invalid' }).trim().min(1, 'field_required').max(5, 'localities_code_invalid')),
		name: line(LOCALITY_LIMITS.name, true),
		kind: z.enum(ADMIN_UNIT_KINDS, { error: (issue) => (issue.input === undefined || issue.input === '' ? 'field_required' : 'field_invalid') }),
		parentCode: z.preprocess(blankToEmpty, z.string({ error: 'field_invalid' }).trim().max(5, 'field_invalid')).transform((v) => v || null),
		validFrom: day(false).default(null),
		validTo: day(false).default(null)
	})
	.superRefine(
		(u, ctx) => {
			// Runs even when other fields failed: a field that failed holds what was sent.
			if (!isAdminUnitKind(u.kind)) return;
			const codeError = typeof u.code === 'string' && u.code ? adminUnitCodeError(u.code, u.kind) : null;
			if (codeError) ctx.addIssue({ code: 'custom', path: ['code'], message: codeError });
			const province = ADMIN_UNIT_LEVEL[u.kind] === 'province';
			if (province && u.parentCode) ctx.addIssue({ code: 'custom', path: ['parentCode'], message: 'localities_parent_not_allowed' });
			if (!province && !u.parentCode) ctx.addIssue({ code: 'custom', path: ['parentCode'], message: 'field_required' });
			if (u.validFrom && u.validTo && u.validTo < u.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'localities_ends_before_starts' });
		},
		// Also when other fields fail, so the form marks every field at fault at once.
		{ when: () => true }
	);

/** What a form or the API sends for a unit, as typed; the schema decides what it means. */
export interface AdminUnitInput {
	code?: string;
	name?: string;
	kind?: string;
	parentCode?: string | null;
	validFrom?: string | null;
	validTo?: string | null;
}
export type AdminUnitInputData = z.output<typeof adminUnitInput>;

/**
 * A social-distancing order: the unit, its first and last days (inclusive, Vietnam calendar), the
 * legal basis, and optionally the organisation recording it (one where the actor holds the role).
 */
export const distancingInput = z
	.object({
		adminUnitCode: z.preprocess(blankToEmpty, z.string({ error: 'field_invalid' }).trim().min(1, 'field_required').max(5, 'field_invalid')),
		startsOn: requiredDay,
		endsOn: requiredDay,
		note: line(LOCALITY_LIMITS.note).default(''),
		orgId: optionalId.default(null)
	})
	.superRefine(
		(d, ctx) => {
			if (d.startsOn && d.endsOn && d.endsOn < d.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'localities_ends_before_starts' });
		},
		{ when: () => true }
	);

/** What a form or the API sends for an order, as typed; the schema decides what it means. */
export interface DistancingInput {
	adminUnitCode?: string;
	startsOn?: string;
	endsOn?: string;
	note?: string;
	orgId?: string | null;
}
export type DistancingInputData = z.output<typeof distancingInput>;
