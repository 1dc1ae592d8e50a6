import { z } from 'zod';

const flag = z
	.enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
	.transform((v) => v === '1' || v === 'true' || v === 'yes');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every setting of the app. README.md lists each with its default; keep the two in step.
 * Values come only from the environment and are checked once at start-up.
 */
export const settingsSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	/** scripts/serve.js defaults it to http://localhost:PORT before the server starts. */
	ORIGIN: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
		.optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	MIGRATIONS_DIR: z.string().min(1).default('./drizzle'),
	FILES_DIR: z.string().min(1).optional(),
	DEMO: flag.optional(),
	AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3).default('LearnWeek <no-reply@learnweek.local>'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	SIGNIN_MAX_ATTEMPTS: positiveInt(5),
	SIGNIN_WINDOW_SECONDS: positiveInt(60),
	IMPORT_MAX_BYTES: positiveInt(5 * 1024 * 1024),
	SHUTDOWN_TIMEOUT_SECONDS: positiveInt(10),
	// How often each app process looks for due background jobs (reminders); a job waits at most this long.
	JOBS_POLL_MS: positiveInt(5000),
	/**
	 * Test runs only: opens POST /testing/clock, which sets the app's clock (core/clock) so an
	 * end-to-end story can see a scheduled post go out at its time. Never on in production.
	 */
	TEST_CLOCK: flag.optional()
});

export type Settings = z.infer<typeof settingsSchema>;

/** A problem that stops the app at start-up; its message says what to do, without a stack trace. */
export class StartupError extends Error {
	override name = 'StartupError';
}

/** Parses settings from an environment; throws one error naming every bad variable. */
export function parseSettings(source: Record<string, string | undefined>): Settings {
	// An empty variable means "unset", as in most shells' `FOO= cmd`.
	const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
	const result = settingsSchema.safeParse(cleaned);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(source[String(i.path[0])])})`);
		throw new StartupError(`LearnWeek cannot start: bad settings in the environment:\n${lines.join('\n')}\nSee the settings table in README.md.`);
	}
	return result.data;
}

let cached: Settings | undefined;

/** The settings of this process, parsed on first use. */
export function settings(): Settings {
	cached ??= parseSettings(process.env);
	return cached;
}

/** Tests only: forget the parsed settings so the next call re-reads the environment. */
export function resetSettings(): void {
	cached = undefined;
}
