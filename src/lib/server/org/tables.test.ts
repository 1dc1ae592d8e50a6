import { describe, expect, it } from 'vitest';
import { EMPLOYEE_CATEGORIES, ORG_KINDS, ORG_ROLES } from '$lib/features/org/types';
import { ROLES } from '../auth/actor';
import { employeeCategory, orgKind, role } from './tables';

describe('organisation enums', () => {
	it('are the same lists on the server and in the browser', () => {
		expect([...ORG_KINDS]).toEqual(orgKind.enumValues);
		expect([...EMPLOYEE_CATEGORIES]).toEqual(employeeCategory.enumValues);
		expect([...ORG_ROLES]).toEqual(role.enumValues);
		expect([...ROLES].sort()).toEqual([...role.enumValues].sort());
	});
});
