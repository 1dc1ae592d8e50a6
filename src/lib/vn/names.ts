import { vietnameseCollator } from './text';

export interface PersonName {
	familyName: string;
	middleName: string;
	givenName: string;
}

/** Họ + tên đệm + tên, the order Vietnamese write names in. */
export function fullName(p: PersonName): string {
	return [p.familyName, p.middleName, p.givenName].filter(Boolean).join(' ');
}

/** Splits "Nguyễn Thị Minh Khai" into family "Nguyễn", middle "Thị Minh", given "Khai". */
export function splitFullName(value: string): PersonName {
	const words = value.normalize('NFC').trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return { familyName: '', middleName: '', givenName: '' };
	if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0] };
	return { familyName: words[0], middleName: words.slice(1, -1).join(' '), givenName: words[words.length - 1] };
}

/** Staff lists sort by tên, then tên đệm, then họ (DOMAIN-VN §6.2), with Vietnamese collation. */
export function comparePersonNames(a: PersonName, b: PersonName): number {
	return (
		vietnameseCollator.compare(a.givenName, b.givenName) ||
		vietnameseCollator.compare(a.middleName, b.middleName) ||
		vietnameseCollator.compare(a.familyName, b.familyName)
	);
}
