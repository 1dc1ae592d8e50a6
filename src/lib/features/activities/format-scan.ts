// What the door staff's camera reads from a ticket's QR code: the code itself, or the ticket's link.
import { TICKET_ALPHABET, TICKET_CODE_LENGTH } from './types';

/** A ticket link's path ends in /t/<code> (an optional trailing slash, query or fragment after it). */
const TICKET_PATH = /(?:^|\/)t\/([^/?#\s]+)\/?(?:[?#]\S*)?$/i;

/** The ticket code in a scanned QR text (a bare code or a URL ending in /t/<code>), or null when it holds none. */
export function ticketCodeFromScan(text: string): string | null {
	const scanned = text.trim();
	const raw = TICKET_PATH.exec(scanned)?.[1] ?? scanned;
	let decoded: string;
	try {
		decoded = decodeURIComponent(raw);
	} catch {
		return null;
	}
	// The same leniency as the typed code: case, spaces and dashes do not matter.
	const code = decoded.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== TICKET_CODE_LENGTH || ![...code].every((c) => TICKET_ALPHABET.includes(c))) return null;
	return code;
}
