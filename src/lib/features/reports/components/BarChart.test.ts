import { describe, it, expect } from 'vitest';
import { render } from 'svelte/server';
import BarChart from './BarChart.svelte';

describe('BarChart', () => {
	it('draws each bar with a title inside a labelled figure, and the figures as a table, without script', () => {
		const { body } = render(BarChart, { props: { id: 'c', caption: 'Nhiệm vụ theo đơn vị', labelHeader: 'Đơn vị', bars: [{ label: 'Phòng A', count: 4 }, { label: 'Phòng B', count: 2 }] } });
		expect(body).toContain('<figcaption id="c-caption"');
		expect(body).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Nhiệm vụ theo đơn vị: Phòng A: 4; Phòng B: 2"/);
		expect(body.match(/<title>/g)).toHaveLength(2);
		expect(body).toContain('<title>Phòng B: 2</title>');
		// The longest bar fills the width; the other is in proportion.
		expect(body).toContain('width="320"');
		expect(body).toContain('width="160"');
		expect(body).toMatch(/<details[\s\S]*<th scope="row"[^>]*>Phòng A<\/th><td[^>]*>4<\/td>/);
		expect(body).not.toContain('<script');
	});

	it('says there is no data instead of an empty chart', () => {
		const { body } = render(BarChart, { props: { id: 'e', caption: 'Trống', labelHeader: 'Đơn vị', bars: [] } });
		expect(body).not.toContain('<svg');
		expect(body).toContain('Chưa có dữ liệu');
	});
});
