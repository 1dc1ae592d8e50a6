// The library's input schemas, shared by the forms and the services. Messages are message keys.
import { z } from 'zod';
import { line, list, optionalUrl } from '$lib/features/fields';
import { LEARNER_GROUPS } from '../org/types';
import { CAPACITY_LEVELS, CITIZEN_CAPACITIES, COMPETENCE_AREA_KEYS, LEARNING_STATUSES, RESOURCE_KINDS, RESOURCE_LANGUAGE_KEYS, RESOURCE_STATUSES } from './types';
import { splitThemes } from './format';

export const LIBRARY_LIMITS = { title: 300, description: 20000, licence: 200, source: 300, reflection: 4000, minutes: 100000, themes: 20, query: 200 } as const;

const str = (v: unknown): unknown => (v === undefined || v === null ? '' : v);
const blankToNull = (v: unknown): unknown => (v === '' || v === undefined || v === null ? null : v);

/** Themes typed as "a, b; c" or sent as a list. */
const themes = z.preprocess(
	(v) => (Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : ''),
	z
		.string()
		.transform(splitThemes)
		.pipe(z.array(z.string().max(80, 'field_too_long')).max(LIBRARY_LIMITS.themes, 'field_too_long'))
);

const minutes = (required: boolean) =>
	z.preprocess(
		blankToNull,
		required
			? z.coerce.number({ error: 'field_invalid' }).int('field_invalid').min(1, 'field_invalid').max(LIBRARY_LIMITS.minutes, 'field_invalid')
			: z.coerce.number({ error: 'field_invalid' }).int('field_invalid').min(1, 'field_invalid').max(LIBRARY_LIMITS.minutes, 'field_invalid').nullable()
	);

/** A resource as staff create or edit it; the uploaded file, if any, travels beside it. */
export const resourceInput = z.object({
	kind: z.enum(RESOURCE_KINDS, { error: 'field_required' }),
	title: line(LIBRARY_LIMITS.title, true),
	description: z.preprocess(str, z.string().max(LIBRARY_LIMITS.description, 'field_too_long')).default(''),
	learnerGroups: list(z.enum(LEARNER_GROUPS, { error: 'field_invalid' })).default([]),
	themes: themes.default([]),
	competenceAreas: list(z.enum(COMPETENCE_AREA_KEYS, { error: 'field_invalid' })).default([]),
	language: z.preprocess((v) => (v === '' || v === undefined ? 'vi' : v), z.enum(RESOURCE_LANGUAGE_KEYS, { error: 'field_invalid' })).default('vi'),
	durationMinutes: minutes(false).default(null),
	licence: line(LIBRARY_LIMITS.licence).default(''),
	source: line(LIBRARY_LIMITS.source).default(''),
	url: optionalUrl().default(null),
	status: z.enum(RESOURCE_STATUSES, { error: 'field_invalid' }).default('draft')
});
export type ResourceInput = z.input<typeof resourceInput>;
export type ResourceInputData = z.output<typeof resourceInput>;

/** The public search form (GET): words, filters and the page. */
export const librarySearchQuery = z.object({
	q: z.preprocess(str, z.string().max(LIBRARY_LIMITS.query, 'field_too_long')).default(''),
	kind: z.preprocess(blankToNull, z.enum(RESOURCE_KINDS).nullable()).catch(null).default(null),
	group: z.preprocess(blankToNull, z.enum(LEARNER_GROUPS).nullable()).catch(null).default(null),
	competence: z.preprocess(blankToNull, z.enum(COMPETENCE_AREA_KEYS).nullable()).catch(null).default(null),
	language: z.preprocess(blankToNull, z.enum(RESOURCE_LANGUAGE_KEYS).nullable()).catch(null).default(null),
	page: z.coerce.number().int().min(1).max(10000).catch(1).default(1)
});
export type LibrarySearchQuery = z.input<typeof librarySearchQuery>;

/** A learner's record of a resource: started or completed, minutes spent, a reflection. */
export const learningRecordInput = z.object({
	status: z.enum(LEARNING_STATUSES, { error: 'field_required' }),
	minutes: z.preprocess((v) => (v === '' || v === undefined || v === null ? 0 : v), z.coerce.number({ error: 'field_invalid' }).int('field_invalid').min(0, 'field_invalid').max(1440, 'library_minutes_too_many')),
	reflection: z.preprocess(str, z.string().transform((v) => v.normalize('NFC').trim()).pipe(z.string().max(LIBRARY_LIMITS.reflection, 'field_too_long'))).default(''),
	campaignId: z.preprocess(blankToNull, z.string().max(64).nullable()).default(null)
});
export type LearningRecordInput = z.input<typeof learningRecordInput>;

/** The yearly "Công dân học tập" self-check: one level per capacity. */
export const selfCheckInput = z.object({
	year: z.coerce.number({ error: 'field_invalid' }).int().min(2000, 'field_invalid').max(2100, 'field_invalid'),
	levels: z.object(Object.fromEntries(CITIZEN_CAPACITIES.map((c) => [c.key, z.enum(CAPACITY_LEVELS, { error: 'field_required' })])) as Record<(typeof CITIZEN_CAPACITIES)[number]['key'], z.ZodEnum<{ [K in (typeof CAPACITY_LEVELS)[number]]: K }>>)
});
export type SelfCheckInput = z.input<typeof selfCheckInput>;

/** A learning path for one learner group: a title, a note and the ordered resources. */
export const learningPathInput = z.object({
	learnerGroup: z.enum(LEARNER_GROUPS, { error: 'field_required' }),
	title: line(LIBRARY_LIMITS.title, true),
	description: z.preprocess(str, z.string().transform((v) => v.normalize('NFC').trim()).pipe(z.string().max(2000, 'field_too_long'))).default(''),
	resourceIds: list(z.string().min(1).max(64)).pipe(z.array(z.string()).max(100, 'field_too_long')).default([])
});
export type LearningPathInput = z.input<typeof learningPathInput>;
