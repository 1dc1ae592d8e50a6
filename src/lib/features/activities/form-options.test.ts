import { describe, expect, it } from 'vitest';
import { errorsByField, formList, groupPlacesByProvince, hostUnitOptions, type PlaceUnit } from './form-options';

const SON_LA: PlaceUnit = { code: '14', name: 'Tỉnh Sơn La', kind: 'tinh', parentCode: null };
const HA_NOI: PlaceUnit = { code: '01', name: 'Thành phố Hà Nội', kind: 'thanh_pho_tw', parentCode: null };

describe('groupPlacesByProvince', () => {
	it('puts each commune under its province, the province first, groups and names in Vietnamese order', () => {
		const groups = groupPlacesByProvince(
			[
				{ code: '03664', name: 'Phường Chiềng An', kind: 'phuong', parentCode: '14' },
				SON_LA,
				{ code: '00004', name: 'Phường Ba Đình', kind: 'phuong', parentCode: '01' },
				{ code: '03646', name: 'Phường Tô Hiệu', kind: 'phuong', parentCode: '14' },
				HA_NOI,
				{ code: '03826', name: 'Xã Mường Bú', kind: 'xa', parentCode: '14' }
			],
			'Khác'
		);
		expect(groups.map((g) => g.label)).toEqual(['Thành phố Hà Nội', 'Tỉnh Sơn La']);
		expect(groups[1].options).toEqual([
			{ value: '14', label: 'Tỉnh Sơn La' },
			{ value: '03664', label: 'Phường Chiềng An' },
			{ value: '03646', label: 'Phường Tô Hiệu' },
			{ value: '03826', label: 'Xã Mường Bú' }
		]);
	});

	it('names the pre-2025 district of a commune and still files it under the province', () => {
		const groups = groupPlacesByProvince(
			[SON_LA, { code: '116', name: 'Thành phố Sơn La', kind: 'thanh_pho', parentCode: '14' }, { code: '03688', name: 'Xã Chiềng Đen', kind: 'xa', parentCode: '116' }],
			'Khác'
		);
		expect(groups).toHaveLength(1);
		expect(groups[0].options.map((o) => o.label)).toEqual(['Tỉnh Sơn La', 'Thành phố Sơn La', 'Xã Chiềng Đen, Thành phố Sơn La']);
	});

	it('files units whose province is unknown (or whose parents loop) last, under the other label', () => {
		const groups = groupPlacesByProvince(
			[
				{ code: '99998', name: 'Phường Mồ Côi', kind: 'phuong', parentCode: '77' },
				{ code: '201', name: 'Huyện A', kind: 'huyen', parentCode: '202' },
				{ code: '202', name: 'Huyện B', kind: 'huyen', parentCode: '201' },
				SON_LA
			],
			'Khác'
		);
		expect(groups.map((g) => g.label)).toEqual(['Tỉnh Sơn La', 'Khác']);
		expect(groups[1].options.map((o) => o.value).sort()).toEqual(['201', '202', '99998']);
	});

	it('gives no group for no units', () => {
		expect(groupPlacesByProvince([], 'Khác')).toEqual([]);
	});
});

describe('hostUnitOptions', () => {
	it('indents each unit by its depth', () => {
		expect(hostUnitOptions([{ id: '', name: 'Văn phòng UBND tỉnh', depth: 0 }, { id: 'u1', name: 'Trung tâm Thông tin', depth: 1 }])).toEqual([
			{ value: '', label: 'Văn phòng UBND tỉnh' },
			{ value: 'u1', label: '\u00a0\u00a0\u00a0Trung tâm Thông tin' }
		]);
	});
});

describe('formList', () => {
	it('reads one field, repeated fields and a missing field as a list', () => {
		expect(formList('giao_vien')).toEqual(['giao_vien']);
		expect(formList(['giao_vien', 'phu_nu'])).toEqual(['giao_vien', 'phu_nu']);
		expect(formList(undefined)).toEqual([]);
		expect(formList('')).toEqual([]);
	});
});

describe('errorsByField', () => {
	it('files an error on a list item under the list, keeping the first', () => {
		expect(errorsByField({ 'targetGroups.1': 'Giá trị không hợp lệ.', 'targetGroups.3': 'khác', title: 'Vui lòng nhập trường này.' })).toEqual({
			targetGroups: 'Giá trị không hợp lệ.',
			title: 'Vui lòng nhập trường này.'
		});
	});
});
