import { defineConfig } from 'vitest/config';

// End-to-end stories: a real build of the app on a fresh data folder (or a fresh PostgreSQL
// database when TEST_DATABASE_URL is set), driven in Debian's Chromium.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 180_000,
		fileParallelism: false,
		pool: 'forks'
	}
});
