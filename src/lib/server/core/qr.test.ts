import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { qrPng, qrSvg } from './qr';

/** What a phone camera would read from the PNG. */
function decode(png: Buffer): string | undefined {
	const image = PNG.sync.read(png);
	return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('qrPng', () => {
	it('encodes a ticket code that a scanner reads back', async () => {
		expect(decode(await qrPng('K7M2Q9XA'))).toBe('K7M2Q9XA');
	});

	it('encodes a verification URL with Vietnamese in its path at the size asked for', async () => {
		const url = 'https://learnweek.example/xac-minh/Chứng-nhận?code=CN-2025-000123';
		const png = await qrPng(url, 400);
		expect(PNG.sync.read(png).width).toBe(400);
		expect(decode(png)).toBe(url);
	});
});

describe('qrSvg', () => {
	it('is an image with an accessible name, the label escaped', async () => {
		const svg = await qrSvg('K7M2Q9XA', 'Mã vé "K7M2Q9XA" <của bạn> & khách');
		expect(svg).toMatch(/^<svg role="img" aria-label="Mã vé &#34;K7M2Q9XA&#34; &#60;của bạn&#62; &#38; khách" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(svg).toContain('<title>Mã vé &#34;K7M2Q9XA&#34; &#60;của bạn&#62; &#38; khách</title>');
		expect(svg.match(/<svg/g)).toHaveLength(1);
		expect(svg).toMatch(/<path[^>]*d="M\d/);
		expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
	});

	it('draws different codes for different texts', async () => {
		expect(await qrSvg('AAAAAAAA', 'x')).not.toBe(await qrSvg('BBBBBBBB', 'x'));
	});
});
