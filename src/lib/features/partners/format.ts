// How the partners domain reads: sums in đồng, the labels of kinds, platforms and licences, and
// the totals of sponsorships (pure, client-safe).
import { m } from '$lib/paraglide/messages';
import type { EduAppLicence, EduAppPlatform, EduAppStatus, PartnerKind, SponsorshipKind, SponsorshipTotals } from './types';

/**
 * "20.000.000 đ": Vietnamese groups thousands with a dot and writes the đồng sign after the
 * figure. Done by hand rather than with Intl, so the server and every browser print the same.
 */
export function formatVnd(value: number): string {
	const sign = value < 0 ? '-' : '';
	const digits = String(Math.trunc(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
	return `${sign}${digits} đ`;
}

/** "6–10 tuổi", or "5 tuổi" when the bounds meet. */
export function formatAgeRange(ageMin: number, ageMax: number): string {
	return ageMin === ageMax ? m.partners_age_single({ age: ageMin }) : m.partners_age_range({ min: ageMin, max: ageMax });
}

/** Money and in-kind values summed apart, and how many gifts there were. */
export function sumSponsorships(rows: ReadonlyArray<{ kind: SponsorshipKind; valueVnd: number }>): SponsorshipTotals {
	const totals: SponsorshipTotals = { moneyVnd: 0, inKindVnd: 0, count: 0 };
	for (const r of rows) {
		if (r.kind === 'money') totals.moneyVnd += r.valueVnd;
		else totals.inKindVnd += r.valueVnd;
		totals.count += 1;
	}
	return totals;
}

export const PARTNER_KIND_LABEL: Record<PartnerKind, () => string> = {
	technology: m.partners_kind_technology,
	telecom: m.partners_kind_telecom,
	newspaper: m.partners_kind_newspaper,
	television: m.partners_kind_television,
	radio: m.partners_kind_radio,
	education: m.partners_kind_education,
	other: m.partners_kind_other
};

export const SPONSORSHIP_KIND_LABEL: Record<SponsorshipKind, () => string> = {
	money: m.partners_sponsorship_money,
	in_kind: m.partners_sponsorship_in_kind
};

/** Platform names are the makers' own, the same in both languages, except the web. */
export const EDU_APP_PLATFORM_LABEL: Record<EduAppPlatform, () => string> = {
	android: () => 'Android',
	ios: () => 'iOS',
	web: m.partners_platform_web,
	windows: () => 'Windows',
	macos: () => 'macOS'
};

export const EDU_APP_LICENCE_LABEL: Record<EduAppLicence, () => string> = {
	free: m.partners_licence_free,
	open_source: m.partners_licence_open_source,
	free_with_ads: m.partners_licence_free_with_ads,
	freemium: m.partners_licence_freemium
};

export const EDU_APP_STATUS_LABEL: Record<EduAppStatus, () => string> = {
	proposed: m.partners_app_status_proposed,
	approved: m.partners_app_status_approved,
	rejected: m.partners_app_status_rejected
};

/** "Android, iOS, Trình duyệt web" in the directory's order. */
export function formatPlatforms(platforms: readonly EduAppPlatform[]): string {
	return platforms.map((p) => EDU_APP_PLATFORM_LABEL[p]()).join(', ');
}
