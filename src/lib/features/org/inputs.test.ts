import { describe, expect, it } from 'vitest';
import { createOrgNodeInput, createPersonInput, updatePersonInput } from './inputs';

describe('organisation inputs', () => {
	it('accepts the phone forms people type and stores E.164', () => {
		for (const phone of ['0912 345 678', '+84 912.345.678', '84912345678', '(091) 234-5678']) {
			expect(createPersonInput.parse({ unitId: 'u', familyName: 'Lò', givenName: 'Hùng', phone }).phone, phone).toBe('+84912345678');
		}
		expect(createOrgNodeInput.parse({ kind: 'agency', name: 'Sở', shortCode: 'sgdđt', phone: '0212 3852 302' })).toMatchObject({ shortCode: 'SGDĐT', phone: '+842123852302' });
	});

	it('names each field at fault with a message key', () => {
		const r = createPersonInput.safeParse({ unitId: '', familyName: '', givenName: 'x'.repeat(51), email: 'a@', phone: '123', learnerGroups: ['phu_nu', 'martians'] });
		expect(r.success).toBe(false);
		const issues = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
		expect(issues).toEqual({ unitId: 'field_required', familyName: 'field_required', givenName: 'field_too_long', email: 'field_invalid_email', phone: 'field_invalid_phone', 'learnerGroups.1': 'field_invalid' });
	});

	it('reads checkboxes as a list, and a blank field as "clear it" in an update', () => {
		expect(createPersonInput.parse({ unitId: 'u', familyName: 'A', givenName: 'B', learnerGroups: 'phu_nu' }).learnerGroups).toEqual(['phu_nu']);
		expect(updatePersonInput.parse({ phone: '', email: '', learnerGroups: '' })).toEqual({ phone: null, email: null, learnerGroups: [] });
		expect(updatePersonInput.parse({})).toEqual({});
	});

	it('stores names as NFC with single spaces', () => {
		const r = createPersonInput.parse({ unitId: 'u', familyName: ' Nguyễn '.normalize('NFD'), middleName: 'Thị   Minh', givenName: 'Khai' });
		expect(r).toMatchObject({ familyName: 'Nguyễn', middleName: 'Thị Minh' });
		expect(r.familyName).toBe('Nguyễn'.normalize('NFC'));
	});
});
