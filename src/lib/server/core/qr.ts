// QR codes for tickets and certificates: SVG inline in pages (no image request, sharp at any
// zoom), PNG for PDFs and mail.
import QRCode from 'qrcode';

// Level M recovers about 15% of damaged modules (ISO/IEC 18004 §6.5.1): enough for a crumpled
// printout or a cracked phone screen, and still few modules for a short ticket URL. The quiet zone
// is left at qrcode's default of 4 modules, the minimum the standard asks for.
const ERROR_CORRECTION = 'M';

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The code for `text` as an inline SVG announced to screen readers as an image named `label`; it refuses nothing. */
export async function qrSvg(text: string, label: string): Promise<string> {
	const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: ERROR_CORRECTION });
	const name = escapeXml(label);
	return svg.replace(/^<svg /, `<svg role="img" aria-label="${name}" `).replace(/(<svg[^>]*>)/, `$1<title>${name}</title>`);
}

/** The code for `text` as a PNG `size` pixels wide, quiet zone included; it refuses nothing. */
export async function qrPng(text: string, size = 256): Promise<Buffer> {
	return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: ERROR_CORRECTION, width: size });
}
