import { APIError } from 'better-auth/api';
import type { Db } from '../db/types';
import { AppError } from '../core/errors';
import { settings } from '../core/env';
import { newSecret, sha256, newId } from '../core/ids';
import { now } from '../core/clock';
import { translate } from '../core/http';
import { cleanText } from '$lib/vn/text';
import { sendMail } from '../notifications/service';
import { recordAudit } from '../audit/service';
import { getOrgNode, grantRole, loadActorGrants } from '../org/service';
import { getAuth, INVITE_TOKEN_SECONDS, RESET_TOKEN_SECONDS, VERIFY_EMAIL_TOKEN_SECONDS } from './index';
import { hasRoleAt, type Actor, type Role } from './actor';
import {
	clearRateLimit,
	deleteDemoUsers,
	hitRateLimit,
	insertApiToken,
	revokeTokenOfUser,
	selectActiveTokenByHash,
	selectTokensOfUser,
	selectUserByEmail,
	selectUserById,
	touchApiToken,
	updateUserFlags
} from './queries';
import type { ApiTokenRow, UserRow } from './tables';

type Locale = 'vi' | 'en';

/** The actor for a signed-in user: their roles on the organisation tree. */
export async function actorForUser(db: Db, user: Pick<UserRow, 'id' | 'email' | 'name'>, requestId?: string): Promise<Actor> {
	return { kind: 'user', userId: user.id, email: user.email, name: user.name, grants: await loadActorGrants(db, user.id), requestId };
}

/** The actor behind a session cookie, or undefined when the session is missing or expired. */
export async function actorFromSession(db: Db, headers: Headers, requestId?: string): Promise<Actor | undefined> {
	const result = await getAuth(db).api.getSession({ headers });
	if (!result) return undefined;
	return actorForUser(db, result.user, requestId);
}

function signInError(): AppError {
	return new AppError('VALIDATION', { fields: { password: 'auth_invalid_credentials' } });
}

/**
 * Signs in with e-mail and password and returns the session token (the SvelteKit cookie plugin also
 * sets the cookie). Refuses wrong credentials, and more than SIGNIN_MAX_ATTEMPTS tries per e-mail or
 * per address within SIGNIN_WINDOW_SECONDS with RATE_LIMITED.
 */
export async function signIn(db: Db, input: { email: string; password: string; ip?: string; headers?: Headers }): Promise<{ token: string; userId: string }> {
	const email = input.email.trim().toLowerCase();
	const { SIGNIN_MAX_ATTEMPTS: max, SIGNIN_WINDOW_SECONDS: window } = settings();
	const t = now().getTime();
	const keys = [`signin:email:${email}`, ...(input.ip ? [`signin:ip:${input.ip}`] : [])];
	for (const key of keys) {
		// The address may try more often than one account: several people share an office's NAT.
		const limit = key.startsWith('signin:ip:') ? max * 4 : max;
		if ((await hitRateLimit(db, key, window * 1000, t)) > limit) throw new AppError('RATE_LIMITED');
	}
	try {
		const result = await getAuth(db).api.signInEmail({ body: { email, password: input.password }, headers: input.headers ?? new Headers() });
		await clearRateLimit(db, keys[0]);
		return { token: result.token, userId: result.user.id };
	} catch (e) {
		if (e instanceof APIError) throw signInError();
		throw e;
	}
}

/** Ends the session of these request headers. */
export async function signOut(db: Db, headers: Headers): Promise<void> {
	try {
		await getAuth(db).api.signOut({ headers });
	} catch (e) {
		if (!(e instanceof APIError)) throw e;
	}
}

/**
 * Creates a public learner's account (not signed in yet) and mails a link that confirms the
 * address; refuses an e-mail that already has one.
 */
export async function signUpLearner(db: Db, input: { name: string; email: string; password: string; locale?: Locale }): Promise<UserRow> {
	const email = input.email.trim().toLowerCase();
	if (await selectUserByEmail(db, email)) throw new AppError('CONFLICT', { fields: { email: 'auth_email_taken' } });
	let user: UserRow;
	try {
		const result = await getAuth(db).api.signUpEmail({ body: { name: cleanText(input.name), email, password: input.password } });
		user = (await selectUserById(db, result.user.id))!;
	} catch (e) {
		if (e instanceof APIError) throw new AppError('VALIDATION', { fields: { password: 'field_password_short' } });
		throw e;
	}
	await mailEmailVerification(db, user, input.locale ?? 'vi');
	return user;
}

async function mailEmailVerification(db: Db, user: UserRow, locale: Locale): Promise<void> {
	const ctx = await getAuth(db).$context;
	const token = newSecret(24);
	await ctx.internalAdapter.createVerificationValue({ identifier: `verify-email:${token}`, value: user.id, expiresAt: new Date(now().getTime() + VERIFY_EMAIL_TOKEN_SECONDS * 1000) });
	await sendMail(db, {
		to: user.email,
		subject: translate('auth_mail_verify_subject', {}, locale),
		text: translate('auth_mail_verify_body', { name: user.name, link: link(`/verify-email?token=${token}`, locale) }, locale)
	});
}

/**
 * Mails the signed-in user a new link that confirms their address (public votes and contest
 * entries need a confirmed one). Refuses a visitor (UNAUTHENTICATED); an address already confirmed
 * gets no mail.
 */
export async function resendEmailVerification(db: Db, actor: Actor, locale: Locale): Promise<{ sent: boolean }> {
	if (actor.kind !== 'user' || !actor.userId) throw new AppError('UNAUTHENTICATED');
	const user = await selectUserById(db, actor.userId);
	if (!user) throw new AppError('UNAUTHENTICATED');
	if (user.emailVerified) return { sent: false };
	await mailEmailVerification(db, user, locale);
	return { sent: true };
}

/** Confirms the address a mailed link was sent to; the link works once. Refuses an unknown, used or expired one. */
export async function verifyEmail(db: Db, token: string): Promise<UserRow> {
	const ctx = await getAuth(db).$context;
	const row = /^[A-Za-z0-9_-]{16,100}$/.test(token) ? await ctx.internalAdapter.consumeVerificationValue(`verify-email:${token}`) : null;
	if (!row || row.expiresAt.getTime() < now().getTime()) throw new AppError('VALIDATION', { fields: { token: 'auth_verify_invalid' } });
	const user = await selectUserById(db, row.value);
	if (!user) throw new AppError('VALIDATION', { fields: { token: 'auth_verify_invalid' } });
	if (!user.emailVerified) await updateUserFlags(db, user.id, { emailVerified: true });
	return { ...user, emailVerified: true };
}

async function createResetToken(db: Db, userId: string, seconds: number): Promise<string> {
	const ctx = await getAuth(db).$context;
	const token = newSecret(24);
	await ctx.internalAdapter.createVerificationValue({ identifier: `reset-password:${token}`, value: userId, expiresAt: new Date(now().getTime() + seconds * 1000) });
	return token;
}

function link(path: string, locale: Locale): string {
	const base = settings().ORIGIN.replace(/\/$/, '');
	return `${base}${locale === 'en' ? '/en' : ''}${path}`;
}

/**
 * Mails a reset link when the e-mail has an account; answers the same either way so the form
 * does not tell who has an account.
 */
export async function requestPasswordReset(db: Db, input: { email: string; locale: Locale }): Promise<void> {
	const user = await selectUserByEmail(db, input.email.trim().toLowerCase());
	if (!user) return;
	const token = await createResetToken(db, user.id, RESET_TOKEN_SECONDS);
	const url = link(`/reset-password?token=${token}`, input.locale);
	await sendMail(db, {
		to: user.email,
		subject: translate('auth_mail_reset_subject', {}, input.locale),
		text: translate('auth_mail_reset_body', { name: user.name, link: url }, input.locale)
	});
}

/**
 * Sets a new password from a reset or invitation link; refuses an expired or used link. The link
 * came by mail, so it also confirms the address.
 */
export async function resetPassword(db: Db, input: { token: string; password: string }): Promise<void> {
	if (input.password.length < 8) throw new AppError('VALIDATION', { fields: { password: 'field_password_short' } });
	const auth = getAuth(db);
	const pending = await (await auth.$context).internalAdapter.findVerificationValue(`reset-password:${input.token}`);
	try {
		await auth.api.resetPassword({ body: { token: input.token, newPassword: input.password } });
	} catch (e) {
		if (e instanceof APIError) throw new AppError('VALIDATION', { fields: { token: 'auth_invalid_token' } });
		throw e;
	}
	if (pending?.value) await updateUserFlags(db, pending.value, { emailVerified: true });
}

/**
 * Creates (or reuses) the account of a staff member, grants `role` on `orgId` and mails an invitation
 * to set a password. Only administrators of that node or above may invite.
 */
export async function inviteStaff(
	db: Db,
	actor: Actor,
	input: { name: string; email: string; orgId: string; role: Role; locale: Locale }
): Promise<{ user: UserRow; mailId: string }> {
	const org = await getOrgNode(db, actor, input.orgId);
	if (!hasRoleAt(actor, ['administrator'], org.path)) throw new AppError('FORBIDDEN');
	const email = input.email.trim().toLowerCase();
	let user = await selectUserByEmail(db, email);
	if (!user) {
		const ctx = await getAuth(db).$context;
		const created = await ctx.internalAdapter.createUser({ name: cleanText(input.name), email, emailVerified: false }, { method: 'admin' });
		user = (await selectUserById(db, created.id))!;
	}
	await grantRole(db, actor, { userId: user.id, orgId: org.id, role: input.role });
	const token = await createResetToken(db, user.id, INVITE_TOKEN_SECONDS);
	const mail = await sendMail(db, {
		to: email,
		subject: translate('auth_mail_invite_subject', { org: org.name }, input.locale),
		text: translate(
			'auth_mail_invite_body',
			{ name: user.name, org: org.name, role: translate(`role_${input.role}`, {}, input.locale), link: link(`/reset-password?token=${token}&invite=1`, input.locale) },
			input.locale
		)
	});
	await recordAudit(db, actor, { orgId: org.id, orgPath: org.path, entity: 'user', entityId: user.id, action: 'invite', after: { email, role: input.role, orgId: org.id } });
	return { user, mailId: mail.id };
}

/**
 * Creates an account with a password, without mail: for the demo and tests (system actor only).
 */
export async function createAccountWithPassword(
	db: Db,
	actor: Actor,
	input: { name: string; email: string; password: string; isDemo?: boolean }
): Promise<UserRow> {
	if (actor.kind !== 'system') throw new AppError('FORBIDDEN');
	const user = await signUpLearner(db, input);
	if (input.isDemo) await updateUserFlags(db, user.id, { isDemo: true, emailVerified: true });
	return (await selectUserById(db, user.id))!;
}

/** Deletes every demo account (when the app runs without DEMO=1); returns how many. */
export async function removeDemoAccounts(db: Db): Promise<number> {
	return deleteDemoUsers(db);
}

const TOKEN_PREFIX = 'lw_';

/** Creates an API token acting as the signed-in actor; the secret is returned once and only its hash kept. */
export async function createApiToken(db: Db, actor: Actor, input: { name: string }): Promise<{ token: string; row: ApiTokenRow }> {
	if (actor.kind !== 'user' || !actor.userId) throw new AppError('UNAUTHENTICATED');
	const name = cleanText(input.name);
	if (!name) throw new AppError('VALIDATION', { fields: { name: 'field_required' } });
	if (name.length > 100) throw new AppError('VALIDATION', { fields: { name: 'field_too_long' } });
	const token = `${TOKEN_PREFIX}${newSecret(32)}`;
	const id = newId();
	await insertApiToken(db, { id, userId: actor.userId, name, prefix: token.slice(0, 10), tokenHash: sha256(token) });
	await recordAudit(db, actor, { orgId: null, orgPath: null, entity: 'api_token', entityId: id, action: 'create', after: { name } });
	const row = (await selectTokensOfUser(db, actor.userId)).find((r) => r.id === id)!;
	return { token, row };
}

/** The actor's own API tokens (never their secrets). */
export async function listApiTokens(db: Db, actor: Actor): Promise<ApiTokenRow[]> {
	if (actor.kind !== 'user' || !actor.userId) throw new AppError('UNAUTHENTICATED');
	return selectTokensOfUser(db, actor.userId);
}

/** Revokes one of the actor's tokens; NOT_FOUND for someone else's or an already revoked one. */
export async function revokeApiToken(db: Db, actor: Actor, id: string): Promise<void> {
	if (actor.kind !== 'user' || !actor.userId) throw new AppError('UNAUTHENTICATED');
	if (!(await revokeTokenOfUser(db, actor.userId, id, now()))) throw new AppError('NOT_FOUND');
	await recordAudit(db, actor, { orgId: null, orgPath: null, entity: 'api_token', entityId: id, action: 'revoke' });
}

/** The actor behind `Authorization: Bearer lw_…`; UNAUTHENTICATED for an unknown or revoked token. */
export async function actorFromApiToken(db: Db, token: string, requestId?: string): Promise<Actor> {
	if (!token.startsWith(TOKEN_PREFIX)) throw new AppError('UNAUTHENTICATED');
	const row = await selectActiveTokenByHash(db, sha256(token));
	if (!row) throw new AppError('UNAUTHENTICATED');
	const user = await selectUserById(db, row.userId);
	if (!user) throw new AppError('UNAUTHENTICATED');
	await touchApiToken(db, row.id, now());
	return actorForUser(db, user, requestId);
}

/** A user by id, for pages that show who did what. */
export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
	return selectUserById(db, id);
}

/** A user by e-mail (lower-cased). */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
	return selectUserByEmail(db, email.trim().toLowerCase());
}
