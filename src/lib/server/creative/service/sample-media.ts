// Tiny but valid media files made in memory (WAV, MP3, MP4, PNG, and an executable's header) for
// tests, browser stories and the demo. No imports from the app, so stories can use it as it is.
import { PNG } from 'pngjs';

/** A WAV file of `seconds` of a soft tone (8 kHz, mono, 8-bit PCM): the smallest audio every browser plays. */
export function sampleWav(seconds: number, frequency = 440): Uint8Array {
	const rate = 8000;
	const samples = Math.round(seconds * rate);
	const out = Buffer.alloc(44 + samples);
	out.write('RIFF', 0, 'ascii');
	out.writeUInt32LE(36 + samples, 4);
	out.write('WAVEfmt ', 8, 'ascii');
	out.writeUInt32LE(16, 16);
	out.writeUInt16LE(1, 20);
	out.writeUInt16LE(1, 22);
	out.writeUInt32LE(rate, 24);
	out.writeUInt32LE(rate, 28);
	out.writeUInt16LE(1, 32);
	out.writeUInt16LE(8, 34);
	out.write('data', 36, 'ascii');
	out.writeUInt32LE(samples, 40);
	for (let i = 0; i < samples; i++) out[44 + i] = 128 + Math.round(24 * Math.sin((2 * Math.PI * frequency * i) / rate) * Math.min(1, i / 800, (samples - i) / 800));
	return new Uint8Array(out);
}

/** An MP3 of `seconds` of silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes each). */
export function sampleMp3(seconds: number): Uint8Array {
	const frames = Math.ceil((seconds * 44100) / 1152);
	const out = Buffer.alloc(frames * 417);
	for (let i = 0; i < frames; i++) out.set([0xff, 0xfb, 0x90, 0x64], i * 417);
	return new Uint8Array(out);
}

/** An MP4 whose movie header says `seconds` (ftyp + moov/mvhd + mdat of `padding` bytes): enough for the checks, not for a player. */
export function sampleMp4(seconds: number, padding = 0): Uint8Array {
	const box = (type: string, body: Buffer) => {
		const head = Buffer.alloc(8);
		head.writeUInt32BE(8 + body.length, 0);
		head.write(type, 4, 'ascii');
		return Buffer.concat([head, body]);
	};
	const ftyp = box('ftyp', Buffer.concat([Buffer.from('isom', 'ascii'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41', 'ascii')]));
	const mvhd = Buffer.alloc(100);
	mvhd.writeUInt32BE(1000, 12);
	mvhd.writeUInt32BE(Math.round(seconds * 1000), 16);
	const moov = box('moov', box('mvhd', mvhd));
	return new Uint8Array(Buffer.concat([ftyp, box('mdat', Buffer.alloc(padding)), moov]));
}

/** A PNG of `width` × `height` in soft bands of colour, as a phone's photo would stand in. */
export function samplePng(width = 96, height = 64, hue = 0): Uint8Array {
	const png = new PNG({ width, height });
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const i = (width * y + x) << 2;
			png.data[i] = (120 + hue + x) % 256;
			png.data[i + 1] = (160 + y * 2) % 256;
			png.data[i + 2] = (200 + hue * 2) % 256;
			png.data[i + 3] = 255;
		}
	return new Uint8Array(PNG.sync.write(png));
}

/** A Windows executable's first bytes (the "MZ" header): what a renamed .exe brings. */
export function sampleExecutable(size = 4096): Uint8Array {
	const out = Buffer.alloc(size);
	out.write('MZ', 0, 'ascii');
	out.writeUInt32LE(0x80, 0x3c);
	out.write('PE\0\0', 0x80, 'latin1');
	return new Uint8Array(out);
}
