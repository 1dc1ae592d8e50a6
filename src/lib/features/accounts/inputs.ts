import { z } from 'zod';

const email = z.string().trim().min(1, 'field_required').max(254, 'field_too_long').pipe(z.email('field_invalid_email'));

export const signInInput = z.object({
	email,
	password: z.string().min(1, 'field_required').max(128, 'field_too_long'),
	next: z.string().optional()
});

export const signUpInput = z.object({
	name: z.string().trim().min(1, 'field_required').max(120, 'field_too_long'),
	email,
	password: z.string().min(8, 'field_password_short').max(128, 'field_too_long'),
	// Consent is a separate, unticked box (Decree 356/2025: no default opt-in).
	consent: z.literal('on', { error: 'auth_consent_required' })
});

export const forgotPasswordInput = z.object({ email });

export const resetPasswordInput = z.object({
	token: z.string().min(10, 'auth_invalid_token'),
	password: z.string().min(8, 'field_password_short').max(128, 'field_too_long')
});

export const apiTokenInput = z.object({ name: z.string().trim().min(1, 'field_required').max(100, 'field_too_long') });
