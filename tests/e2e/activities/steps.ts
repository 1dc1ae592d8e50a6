// Steps the staff's activity stories share.
import type { Page } from 'playwright-core';

/** A date `days` from today in Vietnam with a time ("08:00"), as a datetime-local field takes it. */
export function vietnamDateTime(days: number, time: string): string {
	const at = new Date(Date.now() + days * 86_400_000);
	const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(at).map((x) => [x.type, x.value]));
	return `${p.year}-${p.month}-${p.day}T${time}`;
}

/** Opens the demo's 2021 plan of the Office from the administration's list, as a signed-in coordinator; returns its id. */
export async function openDemoPlan(page: Page): Promise<string> {
	await page.goto('/admin/campaigns');
	await page.getByRole('link', { name: /Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021/ }).first().click();
	await page.waitForURL(/\/admin\/campaigns\/[0-9a-f-]{36}$/);
	return new URL(page.url()).pathname.split('/').pop()!;
}
