/**
 * The one error type for expected failures. Services throw `new AppError('CODE')`; routes turn it
 * into a status and a message in the user's language with `errors_<code>` from messages/.
 */
export const ERROR_STATUS = {
	/** The input failed validation; `fields` names each field at fault. */
	VALIDATION: 400,
	/** No signed-in user, or a bad API token. */
	UNAUTHENTICATED: 401,
	/** The actor's roles do not allow the action on this resource. */
	FORBIDDEN: 403,
	/** The row does not exist, or the actor may not know that it exists. */
	NOT_FOUND: 404,
	/** A unique value (e-mail, short code, number) is already taken. */
	CONFLICT: 409,
	/** The workflow does not allow this step from the record's current state. */
	INVALID_TRANSITION: 409,
	/** The record changed since the user loaded it. */
	STALE: 409,
	/** The upload is larger than allowed. */
	TOO_LARGE: 413,
	/** The upload is not of an accepted type. */
	UNSUPPORTED_TYPE: 415,
	/** Too many attempts; try again later. */
	RATE_LIMITED: 429
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

/** Field name → message key (or a short code); the route turns keys into text. */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
	readonly code: AppErrorCode;
	readonly status: number;
	readonly fields?: FieldErrors;
	readonly detail?: Record<string, unknown>;

	constructor(code: AppErrorCode, options: { fields?: FieldErrors; detail?: Record<string, unknown>; message?: string } = {}) {
		super(options.message ?? code);
		this.name = 'AppError';
		this.code = code;
		this.status = ERROR_STATUS[code];
		this.fields = options.fields;
		this.detail = options.detail;
	}
}

export function isAppError(e: unknown): e is AppError {
	return e instanceof AppError;
}
