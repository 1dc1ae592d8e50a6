// What a contest file is, from its content, and how long a recording lasts, read from its own
// headers (no ffprobe on the server): MP4/M4A `mvhd`, MP3 Xing/VBRI or constant bit rate, WAV
// `fmt `/`data`, Ogg's last granule position. A name or a browser's claim is never trusted.
import type { MediaKind } from '$lib/features/creative/types';

/** Reads `length` bytes from `start` of the file (fewer at its end). */
export type ByteReader = (start: number, length: number) => Promise<Uint8Array>;

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
const u32le = (b: Uint8Array, at: number) => b[at] + (b[at + 1] << 8) + (b[at + 2] << 16) + ((b[at + 3] << 24) >>> 0);

/** How many first bytes `detectMediaKind` needs to decide. */
export const KIND_HEAD_BYTES = 16;

/** An MPEG audio frame sync with a real layer (ADTS AAC has layer 00 and is not MP3). */
function isMpegAudioFrame(b: Uint8Array, at = 0): boolean {
	return b[at] === 0xff && (b[at + 1] & 0xe0) === 0xe0 && ((b[at + 1] >> 1) & 3) !== 0 && ((b[at + 1] >> 3) & 3) !== 1 && b[at + 2] >> 4 !== 15 && ((b[at + 2] >> 2) & 3) !== 3;
}

/** The media kind of a file from its first bytes, or null when it is none LearnWeek takes (an executable, a document…). */
export function detectMediaKind(head: Uint8Array): MediaKind | null {
	if (head.length < 12) return null;
	if (ascii(head, 4, 4) === 'ftyp') return /^M4[AB] /.test(ascii(head, 8, 4)) ? 'm4a' : 'mp4';
	if (ascii(head, 0, 3) === 'ID3' || isMpegAudioFrame(head)) return 'mp3';
	if (ascii(head, 0, 4) === 'OggS') return 'ogg';
	if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE') return 'wav';
	if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
	if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
	if (head[0] === 0x89 && ascii(head, 1, 3) === 'PNG') return 'png';
	return null;
}

/** ISO BMFF (MP4, M4A): the movie header's duration ÷ its time scale. The `moov` box may be at the end. */
async function mp4Duration(read: ByteReader, size: number): Promise<number | null> {
	let at = 0;
	for (let boxes = 0; at + 8 <= size && boxes < 1000; boxes++) {
		const header = await read(at, 16);
		let boxSize = u32be(header, 0);
		const type = ascii(header, 4, 4);
		let headerSize = 8;
		if (boxSize === 1) {
			boxSize = u32be(header, 8) * 2 ** 32 + u32be(header, 12);
			headerSize = 16;
		} else if (boxSize === 0) boxSize = size - at;
		if (boxSize < headerSize) return null;
		if (type === 'moov') {
			const moov = await read(at + headerSize, Math.min(boxSize - headerSize, 16 * 1024 * 1024));
			for (let i = 0; i + 8 <= moov.length; ) {
				const childSize = u32be(moov, i);
				if (ascii(moov, i + 4, 4) === 'mvhd') {
					const v = moov[i + 8];
					const timescale = v === 1 ? u32be(moov, i + 28) : u32be(moov, i + 20);
					const duration = v === 1 ? u32be(moov, i + 32) * 2 ** 32 + u32be(moov, i + 36) : u32be(moov, i + 24);
					return timescale ? duration / timescale : null;
				}
				if (childSize < 8) return null;
				i += childSize;
			}
			return null;
		}
		at += boxSize;
	}
	return null;
}

// ISO/IEC 11172-3 and 13818-3 tables: kbit/s by version, layer and index; sample rates by version.
const BITRATES: Record<string, number[]> = {
	'1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
	'1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
	'1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
	'2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
	'2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
	'2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
};
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** MP3: frames × samples per frame ÷ sample rate from a Xing/Info or VBRI header, else size ÷ bit rate. */
async function mp3Duration(read: ByteReader, size: number): Promise<number | null> {
	let start = 0;
	const id3 = await read(0, 10);
	if (ascii(id3, 0, 3) === 'ID3') start = 10 + ((id3[6] & 0x7f) << 21) + ((id3[7] & 0x7f) << 14) + ((id3[8] & 0x7f) << 7) + (id3[9] & 0x7f) + (id3[5] & 0x10 ? 10 : 0);
	const head = await read(start, 4096);
	let i = 0;
	while (i + 4 <= head.length && !isMpegAudioFrame(head, i)) i++;
	if (i + 4 > head.length) return null;
	const versionBits = (head[i + 1] >> 3) & 3;
	const layer = 4 - ((head[i + 1] >> 1) & 3);
	const version = versionBits === 3 ? 1 : 2;
	const bitrate = BITRATES[`${version}-${layer}`][head[i + 2] >> 4];
	const sampleRate = SAMPLE_RATES[versionBits][(head[i + 2] >> 2) & 3];
	const mono = head[i + 3] >> 6 === 3;
	const samplesPerFrame = layer === 1 ? 384 : layer === 2 || version === 1 ? 1152 : 576;
	const sideInfo = version === 1 ? (mono ? 17 : 32) : mono ? 9 : 17;
	const xing = i + 4 + sideInfo;
	if (['Xing', 'Info'].includes(ascii(head, xing, 4)) && head[xing + 7] & 1) return (u32be(head, xing + 8) * samplesPerFrame) / sampleRate;
	if (ascii(head, i + 36, 4) === 'VBRI') return (u32be(head, i + 50) * samplesPerFrame) / sampleRate;
	return bitrate ? ((size - start - i) * 8) / (bitrate * 1000) : null;
}

/** WAV: the `data` chunk's size ÷ the `fmt ` chunk's bytes per second. */
async function wavDuration(read: ByteReader, size: number): Promise<number | null> {
	let at = 12;
	let byteRate = 0;
	for (let chunks = 0; at + 8 <= size && chunks < 100; chunks++) {
		const h = await read(at, 24);
		const id = ascii(h, 0, 4);
		const chunkSize = u32le(h, 4);
		if (id === 'fmt ') byteRate = u32le(h, 16);
		if (id === 'data') return byteRate ? Math.min(chunkSize, size - at - 8) / byteRate : null;
		at += 8 + chunkSize + (chunkSize % 2);
	}
	return null;
}

/** Ogg (Vorbis or Opus): the last page's granule position ÷ the sample rate of the first header. */
async function oggDuration(read: ByteReader, size: number): Promise<number | null> {
	const first = await read(0, 64);
	const packet = 27 + first[26];
	let rate = 0;
	if (ascii(first, packet, 7) === '\x01vorbis') rate = u32le(first, packet + 12);
	else if (ascii(first, packet, 8) === 'OpusHead') rate = 48000;
	if (!rate) return null;
	const tailStart = Math.max(0, size - 65536);
	const tail = await read(tailStart, size - tailStart);
	for (let i = tail.length - 14; i >= 0; i--) {
		if (tail[i] === 0x4f && ascii(tail, i, 4) === 'OggS') {
			const granule = u32le(tail, i + 6) + u32le(tail, i + 10) * 2 ** 32;
			return granule / rate;
		}
	}
	return null;
}

/** How long a recording lasts in seconds, or null when its headers do not say (or it is a picture). */
export async function mediaDuration(kind: MediaKind, read: ByteReader, size: number): Promise<number | null> {
	switch (kind) {
		case 'mp4':
		case 'm4a':
			return mp4Duration(read, size);
		case 'mp3':
			return mp3Duration(read, size);
		case 'wav':
			return wavDuration(read, size);
		case 'ogg':
			return oggDuration(read, size);
		default:
			return null;
	}
}

/** A reader over bytes held in memory (a small file posted by a form without JavaScript). */
export function memoryReader(bytes: Uint8Array): ByteReader {
	return async (start, length) => bytes.subarray(start, start + length);
}
