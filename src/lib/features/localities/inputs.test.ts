import { describe, expect, it } from 'vitest';
import { adminUnitCodeError, adminUnitInput, distancingInput } from './inputs';
import { adminUnitTree, distancingStatus } from './format';

describe('administrative unit codes', () => {
	it('asks 2 digits of a province, 3 of a pre-2025 district, 5 of a commune, ward or special zone', () => {
		expect(adminUnitCodeError('14', 'tinh')).toBeNull();
		expect(adminUnitCodeError('79', 'thanh_pho_tw')).toBeNull();
		expect(adminUnitCodeError('116', 'thanh_pho')).toBeNull();
		expect(adminUnitCodeError('03646', 'phuong')).toBeNull();
		expect(adminUnitCodeError('26881', 'dac_khu')).toBeNull();
		expect(adminUnitCodeError('014', 'tinh')).toBe('localities_code_digits_2');
		expect(adminUnitCodeError('3646', 'xa')).toBe('localities_code_digits_5');
		expect(adminUnitCodeError('０３６４６', 'xa')).toBe('localities_code_digits_5');
	});

	it('reads a form: blank parent is none, dates from <input type="date"> or dd/mm/yyyy', () => {
		const r = adminUnitInput.safeParse({ code: ' 03646 ', name: '  Phường  Tô Hiệu ', kind: 'phuong', parentCode: '14', validFrom: '01/07/2025', validTo: '' });
		expect(r.success && r.data).toEqual({ code: '03646', name: 'Phường Tô Hiệu', kind: 'phuong', parentCode: '14', validFrom: '2025-07-01', validTo: null });
		const p = adminUnitInput.safeParse({ code: '14', name: 'Tỉnh Sơn La', kind: 'tinh', parentCode: '' });
		expect(p.success && p.data.parentCode).toBeNull();
	});
});

describe('distancing input', () => {
	it('takes a one-day order, and refuses a last day before the first', () => {
		expect(distancingInput.safeParse({ adminUnitCode: '14', startsOn: '2021-10-01', endsOn: '2021-10-01' }).success).toBe(true);
		const r = distancingInput.safeParse({ adminUnitCode: '14', startsOn: '2021-10-02', endsOn: '2021-10-01' });
		expect(r.success).toBe(false);
		expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['endsOn', 'localities_ends_before_starts']]);
	});
});

describe('how orders and units read', () => {
	it('tells an order’s status on a day, its days inclusive', () => {
		const order = { startsOn: '2021-10-01', endsOn: '2021-10-07', liftedAt: null };
		expect(distancingStatus(order, '2021-09-30')).toBe('upcoming');
		expect(distancingStatus(order, '2021-10-01')).toBe('active');
		expect(distancingStatus(order, '2021-10-07')).toBe('active');
		expect(distancingStatus(order, '2021-10-08')).toBe('ended');
		expect(distancingStatus({ ...order, liftedAt: '2021-10-03T02:00:00Z' }, '2021-10-02')).toBe('lifted');
	});

	it('orders a picker as a tree, siblings in Vietnamese order', () => {
		const tree = adminUnitTree([
			{ code: '03826', name: 'Xã Mường Bú', parentCode: '14' },
			{ code: '11', name: 'Tỉnh Điện Biên', parentCode: null },
			{ code: '03664', name: 'Phường Chiềng An', parentCode: '14' },
			{ code: '14', name: 'Tỉnh Sơn La', parentCode: null },
			{ code: '03127', name: 'Phường Mường Thanh', parentCode: '99' }
		]);
		expect(tree.map((u) => `${u.depth}:${u.code}`)).toEqual(['0:03127', '0:11', '0:14', '1:03664', '1:03826']);
	});
});
