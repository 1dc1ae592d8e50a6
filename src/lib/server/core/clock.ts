/** The one time zone of the product: Vietnam has no daylight saving (UTC+07:00). */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

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
	return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
