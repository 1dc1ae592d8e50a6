import { describe, expect, it } from 'vitest';
import { contactsFromForm, eduAppInput, parseEduAppFilters, sponsorshipInput } from './inputs';

const sponsorship = { partnerId: 'p', campaignId: 'c', kind: 'money', receivedOn: '28/09/2021' };

describe('partners inputs', () => {
	it('reads sums of đồng as people type them', () => {
		for (const typed of ['20.000.000', '20 000 000 đ', '20,000,000 VNĐ', 20_000_000]) {
			expect(sponsorshipInput.parse({ ...sponsorship, valueVnd: typed }).valueVnd).toBe(20_000_000);
		}
		expect(sponsorshipInput.parse({ ...sponsorship, valueVnd: 1 }).receivedOn).toBe('2021-09-28');
		expect(sponsorshipInput.safeParse({ ...sponsorship, valueVnd: '' }).error?.issues[0].message).toBe('field_required');
	});

	it('keeps the platforms in the directory’s order, each once', () => {
		const app = eduAppInput.parse({ name: 'A', ageMin: '3', ageMax: '3', platforms: ['web', 'android', 'web'], url: 'https://a.example.vn', licence: 'free' });
		expect(app.platforms).toEqual(['android', 'web']);
		expect(eduAppInput.parse({ name: 'A', ageMin: 3, ageMax: 3, platforms: 'ios', url: 'https://a.example.vn', licence: 'free' }).platforms).toEqual(['ios']);
	});

	it('reads the contact fieldset, skipping one left blank', () => {
		expect(contactsFromForm({ 'contacts.0.name': ' ', 'contacts.0.email': '' })).toEqual([]);
		expect(contactsFromForm({ 'contacts.0.name': 'Lò Văn Thắng', 'contacts.0.phone': '0982123456' })).toEqual([{ name: 'Lò Văn Thắng', position: undefined, email: undefined, phone: '0982123456' }]);
	});

	it('ignores filters out of range rather than failing', () => {
		expect(parseEduAppFilters(new URLSearchParams('q=  học  toán &age=7&platform=ios&licence=free'))).toEqual({ q: 'học toán', age: 7, platform: 'ios', licence: 'free' });
		expect(parseEduAppFilters(new URLSearchParams('age=40&platform=symbian&licence=paid&q='))).toEqual({});
	});
});
