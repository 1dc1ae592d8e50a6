import { randomBytes, randomUUID, createHash } from 'node:crypto';

/** A new row id (UUID v4). */
export function newId(): string {
	return randomUUID();
}

/** A URL-safe random secret of `bytes` bytes of entropy. */
export function newSecret(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a string or bytes as lowercase hex. */
export function sha256(input: string | Uint8Array): string {
	return createHash('sha256').update(input).digest('hex');
}
