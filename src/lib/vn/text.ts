/** Unicode NFC, trimmed, inner runs of white space collapsed: how every text is stored. */
export function cleanText(value: string): string {
	return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Folds Vietnamese for search: lower case, tone and vowel marks removed, đ → d,
 * so "hoc tap" finds "Học tập" (DOMAIN-VN §6.2).
 */
export function foldVietnamese(value: string): string {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** Vietnamese collation (CLDR vi): a < ă < â, d < đ, tones as secondary differences. */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });
