// Input schemas of the organisation domain, shared by forms, the JSON API and the services.
// Messages are message keys (field_*), turned into text in the user's language by the route.
import { z } from 'zod';
import { cleanText } from '$lib/vn/text';
import { normalizePhone } from '$lib/vn/phone';
import { EMPLOYEE_CATEGORIES, IMPORT_KINDS, LEARNER_GROUPS, ORG_KINDS, ORG_ROLES } from './types';

/** A blank form field means "no value": null, so an update can clear it. */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** Checkboxes arrive as nothing, one string or several; a hidden '' lets a form clear the list. */
const toList = (v: unknown) => {
	if (v === undefined || v === null) return v;
	const list = Array.isArray(v) ? v : [v];
	return list.filter((x) => !(typeof x === 'string' && x.trim() === ''));
};

const requiredText = (max: number) =>
	z
		.string({ error: 'field_required' })
		.transform(cleanText)
		.pipe(z.string().min(1, 'field_required').max(max, 'field_too_long'));

const optionalText = (max: number) =>
	z.preprocess(blankToNull, z.string().transform(cleanText).pipe(z.string().max(max, 'field_too_long')).nullable().optional());

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: (iss) => (iss.input === undefined || iss.input === '' ? 'field_required' : 'field_invalid') });

/** An e-mail address, trimmed and lower-cased. */
export const emailField = z.preprocess(
	blankToNull,
	z.string().trim().toLowerCase().max(254, 'field_too_long').pipe(z.email('field_invalid_email')).nullable().optional()
);

/** A Vietnamese phone number in any usual form, stored as E.164 (+84…). */
export const phoneField = z.preprocess(
	blankToNull,
	z
		.string()
		.transform((v, ctx) => {
			const e164 = normalizePhone(v);
			if (!e164) {
				ctx.addIssue({ code: 'custom', message: 'field_invalid_phone' });
				return z.NEVER;
			}
			return e164;
		})
		.nullable()
		.optional()
);

/** A website; "sonla.gov.vn" is taken as https://sonla.gov.vn. */
export const websiteField = z.preprocess(
	blankToNull,
	z
		.string()
		.trim()
		.max(300, 'field_too_long')
		.transform((v) => (/^https?:\/\//i.test(v) ? v : `https://${v}`))
		.pipe(z.url({ protocol: /^https?$/, error: 'field_invalid_url' }))
		.nullable()
		.optional()
);

/**
 * Short codes appear in document symbols ("…/KH-VPUB") and "Lưu: VT, TCHCQT": upper case,
 * letters (Đ included), digits and & . _ - only.
 */
export const shortCodeField = z
	.string({ error: 'field_required' })
	.transform((v) => cleanText(v).toLocaleUpperCase('vi'))
	.pipe(
		z
			.string()
			.min(1, 'field_required')
			.max(20, 'field_too_long')
			.regex(/^[\p{L}\p{N}][\p{L}\p{N}&._-]*$/u, 'field_invalid_short_code')
	);

const idField = z.string({ error: 'field_required' }).trim().min(1, 'field_required').max(100, 'field_invalid');

const orgNodeFields = z.object({
	kind: enumOf(ORG_KINDS),
	name: requiredText(200),
	shortCode: shortCodeField,
	address: optionalText(300),
	email: emailField,
	phone: phoneField,
	website: websiteField,
	sortOrder: z.preprocess(blankToNull, z.coerce.number({ error: 'field_invalid' }).int('field_invalid').min(0, 'field_invalid').max(100_000, 'field_invalid').nullable().optional())
});

/** A new node of the organisation tree; no parent (null) makes a root, which only the system may create. */
export const createOrgNodeInput = orgNodeFields.extend({
	parentId: z.preprocess(blankToNull, idField.nullable().optional())
});
export type CreateOrgNodeInput = z.input<typeof createOrgNodeInput>;

/** Changes to a node; a `parentId` different from the current one moves the node and its subtree. */
export const updateOrgNodeInput = orgNodeFields.partial().extend({
	parentId: z.preprocess(blankToNull, idField.nullable().optional())
});
export type UpdateOrgNodeInput = z.input<typeof updateOrgNodeInput>;

const personFields = z.object({
	unitId: idField,
	/** Họ */
	familyName: requiredText(50),
	/** Tên đệm: zero or more words ("Thị Hồng", "A", "") */
	middleName: z.preprocess((v) => (v === null ? '' : v), z.string().transform(cleanText).pipe(z.string().max(80, 'field_too_long')).optional()),
	/** Tên */
	givenName: requiredText(50),
	/** Chức vụ */
	position: optionalText(150),
	category: enumOf(EMPLOYEE_CATEGORIES),
	learnerGroups: z.preprocess(toList, z.array(enumOf(LEARNER_GROUPS)).max(LEARNER_GROUPS.length, 'field_invalid').optional()),
	email: emailField,
	phone: phoneField
});

/** A new person of a unit; category defaults to 'other' and learner groups to none. */
export const createPersonInput = personFields.extend({ category: enumOf(EMPLOYEE_CATEGORIES).optional() });
export type CreatePersonInput = z.input<typeof createPersonInput>;

/** Changes to a person; fields left out stay as they are. */
export const updatePersonInput = personFields.partial();
export type UpdatePersonInput = z.input<typeof updatePersonInput>;

/** The people list's filters (query string or API parameters). */
export const listPeopleQuery = z.object({
	unitId: z.preprocess(blankToNull, idField.nullable().optional()),
	q: z.preprocess(blankToNull, z.string().max(200, 'field_too_long').nullable().optional()),
	page: z.preprocess(blankToNull, z.coerce.number().int().min(1).max(100_000).nullable().optional())
});
export type ListPeopleQuery = z.input<typeof listPeopleQuery>;

/** A role granted to an account on a node. */
export const grantRoleInput = z.object({
	userId: idField,
	orgId: idField,
	role: enumOf(ORG_ROLES)
});
export type GrantRoleInput = z.input<typeof grantRoleInput>;

/** The form fields beside the uploaded file of an import. */
export const importUploadInput = z.object({
	orgId: idField,
	kind: enumOf(IMPORT_KINDS)
});
export type ImportUploadInput = z.input<typeof importUploadInput>;
