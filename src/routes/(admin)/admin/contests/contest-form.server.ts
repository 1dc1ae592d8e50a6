// Reads the contest editor's form: its fields, and the quota rows (tag, difficulty, count) as a list.
import { formValues } from '$lib/server/core/http';
import { listCampaigns } from '$lib/server/campaigns/service';
import type { Actor } from '$lib/server/auth/actor';
import type { Db } from '$lib/server/db/types';

export const QUOTA_ROWS = 4;

export function readContestForm(form: FormData): Record<string, unknown> {
	const values = formValues(form);
	const quotas = [];
	for (let i = 0; i < QUOTA_ROWS; i++) {
		const count = String(values[`quotaCount${i}`] ?? '').trim();
		if (count) quotas.push({ tag: String(values[`quotaTag${i}`] ?? ''), difficulty: String(values[`quotaDifficulty${i}`] ?? ''), count });
	}
	return { ...values, quotas };
}

/** The campaigns a contest may belong to: those the organiser reads, newest first. */
export async function campaignChoices(db: Db, actor: Actor): Promise<Array<{ id: string; title: string }>> {
	try {
		return (await listCampaigns(db, actor)).map((c) => ({ id: c.id, title: `${c.year} · ${c.orgName} · ${c.title}` }));
	} catch {
		return [];
	}
}
