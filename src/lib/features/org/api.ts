// What the JSON API answers about organisations and people: the Zod schemas the OpenAPI document
// is generated from, and the functions that shape a record into exactly that (ISO dates, E.164
// phones, no internal columns such as paths or search text).
import { z } from 'zod';
import { fullName } from '$lib/vn/names';
import { EMPLOYEE_CATEGORIES, LEARNER_GROUPS, ORG_KINDS, type EmployeeCategory, type LearnerGroup, type OrgKind } from './types';

const isoDate = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date and time' });

export const organisationJson = z.object({
	id: z.string(),
	parentId: z.string().nullable().meta({ description: 'null for the top of an organisation' }),
	kind: z.enum(ORG_KINDS),
	name: z.string(),
	shortCode: z.string().meta({ description: 'Used in document symbols, e.g. VPUB, TCHCQT' }),
	address: z.string().nullable(),
	email: z.string().nullable(),
	phone: z.string().nullable().meta({ description: 'E.164, e.g. +842123852187' }),
	website: z.string().nullable(),
	sortOrder: z.number().int(),
	createdAt: isoDate,
	updatedAt: isoDate
});
export type OrganisationJson = z.infer<typeof organisationJson>;

/** A node as listed in the tree: its depth below the top of what the caller sees. */
export const organisationTreeItemJson = organisationJson.extend({
	depth: z.number().int().min(0),
	canManage: z.boolean().meta({ description: 'Whether the caller may edit this node' })
});

export const organisationListJson = z.object({ items: z.array(organisationTreeItemJson) });

export const personJson = z.object({
	id: z.string(),
	unitId: z.string(),
	unitName: z.string(),
	unitShortCode: z.string(),
	familyName: z.string().meta({ description: 'Họ' }),
	middleName: z.string().meta({ description: 'Tên đệm (may be empty)' }),
	givenName: z.string().meta({ description: 'Tên' }),
	fullName: z.string().meta({ description: 'In Vietnamese order: họ, tên đệm, tên' }),
	position: z.string().nullable().meta({ description: 'Chức vụ' }),
	category: z.enum(EMPLOYEE_CATEGORIES),
	learnerGroups: z.array(z.enum(LEARNER_GROUPS)),
	email: z.string().nullable(),
	phone: z.string().nullable().meta({ description: 'E.164, e.g. +84912345678' }),
	createdAt: isoDate,
	updatedAt: isoDate
});
export type PersonJson = z.infer<typeof personJson>;

export const peoplePageJson = z.object({
	items: z.array(personJson),
	total: z.number().int(),
	page: z.number().int(),
	pageSize: z.number().int()
});

interface NodeLike {
	id: string;
	parentId: string | null;
	kind: OrgKind;
	name: string;
	shortCode: string;
	address: string | null;
	email: string | null;
	phone: string | null;
	website: string | null;
	sortOrder: number;
	createdAt: Date;
	updatedAt: Date;
}

interface PersonLike {
	id: string;
	unitId: string;
	unitName: string;
	unitShortCode: string;
	familyName: string;
	middleName: string;
	givenName: string;
	position: string | null;
	category: EmployeeCategory;
	learnerGroups: string[];
	email: string | null;
	phone: string | null;
	createdAt: Date;
	updatedAt: Date;
}

/** A node as the API shows it. */
export function toOrganisationJson(n: NodeLike): OrganisationJson {
	return {
		id: n.id,
		parentId: n.parentId,
		kind: n.kind,
		name: n.name,
		shortCode: n.shortCode,
		address: n.address,
		email: n.email,
		phone: n.phone,
		website: n.website,
		sortOrder: n.sortOrder,
		createdAt: n.createdAt.toISOString(),
		updatedAt: n.updatedAt.toISOString()
	};
}

/** A node of the tree listing as the API shows it. */
export function toOrganisationTreeItemJson(n: NodeLike & { depth: number; canManage: boolean }): z.infer<typeof organisationTreeItemJson> {
	return { ...toOrganisationJson(n), depth: n.depth, canManage: n.canManage };
}

/** A person (with their unit) as the API shows them. */
export function toPersonJson(p: PersonLike): PersonJson {
	return {
		id: p.id,
		unitId: p.unitId,
		unitName: p.unitName,
		unitShortCode: p.unitShortCode,
		familyName: p.familyName,
		middleName: p.middleName,
		givenName: p.givenName,
		fullName: fullName(p),
		position: p.position,
		category: p.category,
		learnerGroups: p.learnerGroups as LearnerGroup[],
		email: p.email,
		phone: p.phone,
		createdAt: p.createdAt.toISOString(),
		updatedAt: p.updatedAt.toISOString()
	};
}
