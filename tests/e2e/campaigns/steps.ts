// Steps the campaign and public stories share.
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support';

/**
 * Waits until the page's scripts have loaded and hydrated it. Under load, support.signIn's form
 * sometimes reached the server with the e-mail empty when typed while the page was still
 * hydrating; typing after this wait has not failed since.
 */
export async function settle(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle');
}

/** Signs in through the form, as support.signIn does, once the form is hydrated. */
export async function signInSettled(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/sign-in');
	await settle(page);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
	await settle(page);
}
