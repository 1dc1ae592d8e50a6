import { describe, expect, it } from 'vitest';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();

describe('the coordinator reviews the Office’s documents, dashboard and report', () => {
	it('opens the plan’s preview, downloads, register, dashboard and report — each page accessible', async () => {
		const page = await browser.page();
		await signIn(page, demo.coordinator);
		await page.goto('/admin/campaigns');
		await page.getByRole('link', { name: /Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021/ }).first().click();
		await page.waitForURL(/\/admin\/campaigns\/[0-9a-f-]{36}$/);
		const base = new URL(page.url()).pathname;
		await expectAccessible(page);

		// The plan in the Decree 30 layout, and its files.
		await page.goto(`${base}/document`);
		expect(await page.textContent('main')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		await expectAccessible(page);
		for (const [ext, type] of [
			['pdf', 'application/pdf'],
			['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']
		]) {
			const res = await page.request.get(`${base}/document.${ext}`);
			expect(res.status()).toBe(200);
			expect(res.headers()['content-type']).toContain(type);
		}

		// The outgoing register of 2021 lists the plan with its number (other stories may issue
		// documents this year, which the register shows first).
		await page.goto('/admin/documents?year=2021');
		expect(await page.textContent('main')).toContain('01/KH-VPUB');
		await expectAccessible(page);

		// The dashboard draws its charts without JavaScript, each with a text alternative.
		await page.goto(`${base}/dashboard`);
		const chart = page.locator('svg[role="img"]').first();
		expect(await chart.getAttribute('aria-label')).toBeTruthy();
		await expectAccessible(page);

		// The report: figures from the demo's tasks, the narrative form, the preview.
		await page.goto(`${base}/report`);
		expect(await page.textContent('main')).toMatch(/Công tác chỉ đạo, triển khai/);
		await expectAccessible(page);
		const pdf = await page.request.get(`${base}/report.pdf`);
		expect(pdf.status()).toBe(200);
		expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
	});

	it('lets the supervisor read the roll-up and refuses the staff member', async () => {
		const supervisor = await browser.page();
		await signIn(supervisor, demo.supervisor);
		await supervisor.goto('/admin/reports');
		expect((await supervisor.textContent('main'))?.length).toBeGreaterThan(0);
		await expectAccessible(supervisor);

		const staff = await browser.page();
		await signIn(staff, demo.staff);
		const res = await staff.goto('/admin/reports');
		expect(res?.status()).toBe(403);
	});
});
