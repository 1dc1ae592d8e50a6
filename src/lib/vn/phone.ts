// Mobile numbers: 0 or +84 then 3/5/7/8/9 and eight digits; landlines: 0 + 2xx area code,
// eleven digits in national form (DOMAIN-VN §6.4, marked [M]: kept here as data to revise).
const MOBILE = /^(?:\+?84|0)([35789]\d{8})$/;
const LANDLINE = /^(?:\+?84|0)(2\d{9})$/;

/**
 * Accepts the forms people type ("0912 345 678", "+84 912.345.678", "84912345678") and returns
 * E.164 ("+84912345678"), or undefined when it is not a Vietnamese phone number.
 */
export function normalizePhone(value: string): string | undefined {
	const compact = value.replace(/[\s.\-()]/g, '');
	const m = MOBILE.exec(compact) ?? LANDLINE.exec(compact);
	return m ? `+84${m[1]}` : undefined;
}

/** "+84912345678" → "0912 345 678" for display. */
export function formatPhone(e164: string): string {
	if (!e164.startsWith('+84')) return e164;
	const national = `0${e164.slice(3)}`;
	return national.length === 10 ? `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}` : national;
}
