import { isoDateInVietnam } from '$lib/vn/dates';

export { TIME_ZONE } from '$lib/vn/dates';

let frozen: Date | undefined;

/** Now, or the instant a test froze. */
export function now(): Date {
	return frozen ? new Date(frozen) : new Date();
}

/** Tests only: pin `now()` to an instant; call with no argument to release it. */
export function freezeClock(at?: Date): void {
	frozen = at;
}

/** Today's calendar date in Vietnam as `yyyy-mm-dd`. */
export function todayInVietnam(at: Date = now()): string {
	return isoDateInVietnam(at);
}
