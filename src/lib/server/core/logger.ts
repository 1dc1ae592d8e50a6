import pino from 'pino';
import { settings } from './env';

/** JSON lines on stdout; each request gets a child logger with its `requestId`. */
export const logger = pino({
	level: process.env.LOG_LEVEL || (process.env.VITEST ? 'silent' : 'info'),
	// pid: with WEB_CONCURRENCY several processes write the same log.
	base: { app: 'learnweek', pid: process.pid },
	timestamp: pino.stdTimeFunctions.isoTime
});

/** Re-applies the validated level once settings are known. */
export function applyLogLevel(): void {
	logger.level = settings().LOG_LEVEL;
}
