export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Building an Intl.DateTimeFormat costs far more than using one: make each once.
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The calendar date in Vietnam at an instant, as yyyy-mm-dd. */
export function isoDateInVietnam(at: Date | string): string {
	return ISO_DAY.format(typeof at === 'string' ? new Date(at) : at);
}

function parts(value: Date | string): { d: string; m: string; y: string } {
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
		const [y, m, d] = value.split('-');
		return { d, m, y };
	}
	const date = typeof value === 'string' ? new Date(value) : value;
	const p = Object.fromEntries(DAY.formatToParts(date).map((x) => [x.type, x.value]));
	return { d: p.day, m: p.month, y: p.year };
}

/** dd/mm/yyyy in Vietnam's time zone; a `yyyy-mm-dd` string is taken as a calendar date. */
export function formatDate(value: Date | string): string {
	const { d, m, y } = parts(value);
	return `${d}/${m}/${y}`;
}

/** dd/mm/yyyy HH:mm in Vietnam's time zone. */
export function formatDateTime(value: Date | string): string {
	const date = typeof value === 'string' ? new Date(value) : value;
	const time = TIME.format(date);
	return `${formatDate(date)} ${time}`;
}

/**
 * "ngày 14 tháng 9 năm 2021" as in official documents. Decree 30/2020, Appendix I §II.4:
 * days below 10 and months 1–2 take a leading zero.
 */
export function formatFormalDate(isoDate: string): string {
	const [y, m, d] = isoDate.split('-').map(Number);
	const day = d < 10 ? `0${d}` : String(d);
	const month = m <= 2 ? `0${m}` : String(m);
	return `ngày ${day} tháng ${month} năm ${y}`;
}

/** Parses "dd/mm/yyyy" (or yyyy-mm-dd) to yyyy-mm-dd; undefined when not a real date. */
export function parseDate(value: string): string | undefined {
	const v = value.trim();
	let y: number, m: number, d: number;
	let match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
	if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else return undefined;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
	return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds whole years to a yyyy-mm-dd date (29/02 becomes 28/02 in a common year). */
export function shiftYears(isoDate: string, years: number): string {
	const [y, m, d] = isoDate.split('-').map(Number);
	const target = y + years;
	const last = new Date(Date.UTC(target, m, 0)).getUTCDate();
	return `${target}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * A wall-clock time typed in Vietnam ("2021-10-01T08:00" from an <input type="datetime-local">,
 * or "01/10/2021 08:00") as an instant. Vietnam keeps UTC+7 all year (no daylight saving since
 * 1975). Undefined when it is not a real date and time.
 */
export function parseVietnamDateTime(value: string): Date | undefined {
	const v = value.trim();
	const match = /^(.+?)[T ](\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v);
	if (!match) return undefined;
	const day = parseDate(match[1]);
	const [h, min] = [Number(match[2]), Number(match[3])];
	if (!day || h > 23 || min > 59) return undefined;
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d, h - 7, min));
}

/** An instant as Vietnam wall-clock time for an <input type="datetime-local">: "2021-10-01T08:00". */
export function dateTimeInputValue(at: Date | string): string {
	const date = typeof at === 'string' ? new Date(at) : at;
	return `${isoDateInVietnam(date)}T${TIME.format(date)}`;
}
