// Labels and numbers of the library, for pages and the report.
import { m } from '$lib/paraglide/messages';
import { COMPETENCE_AREAS, RESOURCE_LANGUAGES, CITIZEN_CAPACITIES, type CapacityLevel, type ResourceKind } from './types';

export function competenceAreaName(key: string): string {
	return COMPETENCE_AREAS.find((a) => a.key === key)?.name ?? key;
}

export function languageName(key: string): string {
	return RESOURCE_LANGUAGES.find((l) => l.key === key)?.name ?? key;
}

export function capacityName(key: string): string {
	return CITIZEN_CAPACITIES.find((c) => c.key === key)?.name ?? key;
}

/** Minutes as hours with one decimal, Vietnamese style ("1,5"). */
export function formatHours(minutes: number, locale: 'vi' | 'en' = 'vi'): string {
	return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(minutes / 60);
}

/** Free tags typed as one line, split on commas or semicolons, trimmed, without repeats. */
export function splitThemes(value: string): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of value.split(/[,;\n]/)) {
		const t = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
		const k = t.toLocaleLowerCase('vi');
		if (t && !seen.has(k)) {
			seen.add(k);
			out.push(t);
		}
	}
	return out;
}

const KIND_LABEL: Record<ResourceKind, () => string> = {
	video: m.library_kind_video,
	audio: m.library_kind_audio,
	document: m.library_kind_document,
	ebook: m.library_kind_ebook,
	link: m.library_kind_link,
	online_course: m.library_kind_online_course
};
const LEVEL_LABEL: Record<CapacityLevel, () => string> = { not_yet: m.library_level_not_yet, developing: m.library_level_developing, meets: m.library_level_meets, strong: m.library_level_strong };

export const kindLabel = (kind: string): string => KIND_LABEL[kind as ResourceKind]?.() ?? kind;
export const levelLabel = (level: string): string => LEVEL_LABEL[level as CapacityLevel]?.() ?? level;

/** A learner group's name, or the label of learners outside the tree. */
export function learnerGroupLabel(group: string): string {
	if (group === 'unlinked') return m.library_hours_unlinked();
	const fn = (m as unknown as Record<string, (() => string) | undefined>)[`org_learner_group_${group}`];
	return fn ? fn() : group;
}
