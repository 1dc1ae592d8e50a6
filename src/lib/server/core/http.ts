// One place where expected failures become HTTP answers in the user's language.
import { error, fail, json, type ActionFailure } from '@sveltejs/kit';
import { ZodError, type z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { AppError, isAppError, type FieldErrors } from './errors';

type MessageFn = (params?: Record<string, unknown>, options?: { locale?: 'vi' | 'en' }) => string;

/** The text of a message key in the request's language (or `locale`); unknown keys come back as they are. */
export function translate(key: string, params?: Record<string, unknown>, locale?: 'vi' | 'en'): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return fn ? fn(params ?? {}, locale ? { locale } : undefined) : key;
}

/** What a failed form action returns: what was typed, each field's error, and a summary. */
export interface FormFailure {
	values: Record<string, unknown>;
	errors: Record<string, string>;
	message: string;
	code: string;
}

/** The error's detail values that a message may quote ({place}, {from}…). */
function messageParams(detail: Record<string, unknown> | undefined): Record<string, string> {
	return Object.fromEntries(Object.entries(detail ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
}

function translateFields(fields: FieldErrors | undefined, detail?: Record<string, unknown>, locale?: 'vi' | 'en'): Record<string, string> {
	const params = messageParams(detail);
	return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, translate(v, params, locale)]));
}

/** Turns a ZodError into field errors; schema messages are message keys (`field_required`). */
export function zodFieldErrors(err: z.ZodError): FieldErrors {
	const fields: FieldErrors = {};
	for (const issue of err.issues) {
		const key = issue.path.map(String).join('.') || '_';
		fields[key] ??= /^[a-z]+_[a-z0-9_]+$/.test(issue.message) ? issue.message : 'field_invalid';
	}
	return fields;
}

/** Form values as a plain object (text fields only; repeated names become arrays). */
export function formValues(form: FormData): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of form.entries()) {
		if (typeof v !== 'string') continue;
		if (k in out) out[k] = ([] as unknown[]).concat(out[k], v);
		else out[k] = v;
	}
	return out;
}

/** Validates a form; on failure returns the `fail(400)` to hand back with everything typed kept. */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData | Record<string, unknown>
): { ok: true; data: z.infer<S>; values: Record<string, unknown> } | { ok: false; failure: ActionFailure<FormFailure> } {
	const values = form instanceof FormData ? formValues(form) : form;
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	return { ok: false, failure: failForm(new AppError('VALIDATION', { fields: zodFieldErrors(result.error) }), values) };
}

/** A failed action that keeps `values`; rethrows anything that is not an AppError. */
export function failForm(e: unknown, values: Record<string, unknown>): ActionFailure<FormFailure> {
	if (!isAppError(e)) throw e;
	const safe = Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)));
	return fail(e.status, {
		values: safe,
		errors: translateFields(e.fields, e.detail),
		message: translate(`errors_${e.code.toLowerCase()}`),
		code: e.code
	});
}

/**
 * failForm for a page with several forms: the failure names the `action` it came from, and a
 * refusal of the whole form (field `_`) becomes its summary. `adjust` lets a page say more for
 * its own cases (a file's name and limit, a step already done) before the failure is returned.
 */
export function failAction(
	action: string,
	e: unknown,
	values: Record<string, unknown>,
	adjust?: (data: FormFailure, e: AppError) => void
): ActionFailure<FormFailure & { action: string }> {
	const failure = failForm(e, values);
	const err = e as AppError;
	if (err.fields?._) failure.data.message = failure.data.errors._;
	adjust?.(failure.data, err);
	return fail(failure.status, { ...failure.data, action });
}

/** In a load function: an AppError becomes SvelteKit's error page with the status; others rethrow. */
export function throwPageError(e: unknown): never {
	if (!isAppError(e)) throw e;
	error(e.status, { message: translate(`errors_${e.code.toLowerCase()}`), code: e.code });
}

/** Runs `fn` and turns an AppError into the page error. */
export async function orPageError<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		throwPageError(e);
	}
}

/** The API's language: English when Accept-Language prefers it, Vietnamese otherwise. */
export function apiLocale(request: Request): 'vi' | 'en' {
	const header = request.headers.get('accept-language') ?? '';
	return /^\s*en\b/i.test(header) ? 'en' : 'vi';
}

/** The JSON API's error body `{ code, message }` (and `fields`) with the right status. */
export function apiError(e: unknown, locale: 'vi' | 'en' = 'vi'): Response {
	if (!isAppError(e)) throw e;
	const body: Record<string, unknown> = { code: e.code, message: translate(`errors_${e.code.toLowerCase()}`, {}, locale) };
	if (e.fields) body.fields = translateFields(e.fields, e.detail, locale);
	return json(body, { status: e.status });
}

/**
 * Wraps a JSON API handler: AppErrors become `{ code, message }` in the caller's language,
 * Zod failures become VALIDATION with each field named.
 */
export function apiHandler<E extends { request: Request }>(fn: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
	return async (event) => {
		const locale = apiLocale(event.request);
		try {
			return await fn(event);
		} catch (e) {
			if (e instanceof ZodError) return apiError(new AppError('VALIDATION', { fields: zodFieldErrors(e) }), locale);
			return apiError(e, locale);
		}
	};
}

/** Reads a JSON body, refusing what is not JSON with VALIDATION. */
export async function readJson(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch {
		throw new AppError('VALIDATION', { fields: { _: 'field_invalid' } });
	}
}

/** Validates `input` with a shared schema; VALIDATION with each field's message key otherwise. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	const result = schema.safeParse(input);
	if (!result.success) throw new AppError('VALIDATION', { fields: zodFieldErrors(result.error) });
	return result.data;
}
