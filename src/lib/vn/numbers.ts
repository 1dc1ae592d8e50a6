/**
 * A document's number as Decree 30/2020 writes it (Appendix I §II.3): below 10 with a leading
 * zero ("05"); anything else as it is ("212", or a hand-typed "12a").
 */
export function formatDocumentNumber(value: string | number | null | undefined): string {
	const n = String(value ?? '').trim();
	return /^\d$/.test(n) ? `0${n}` : n;
}

/** "5 MB", "512 KB": a size limit as people read it. */
export function formatFileSize(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
