// The door's screens: the rotating activity code as it is read aloud and when the next one shows.

/** Whole seconds from `at` until `changesAt`, at least 1: a projector page reloads then. */
export function secondsUntil(changesAt: Date | string, at: Date = new Date()): number {
	const ms = new Date(changesAt).getTime() - at.getTime();
	return Number.isFinite(ms) ? Math.max(1, Math.ceil(ms / 1000)) : 1;
}

/** A six-digit activity code in two groups of three, as it is read aloud: "042 917". */
export function spacedActivityCode(code: string): string {
	return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
