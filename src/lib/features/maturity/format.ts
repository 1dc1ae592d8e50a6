// How maturity results are shown. Labels are message keys; `label(key)` turns one into text in the
// reader's language.
import { m } from '$lib/paraglide/messages';
import type { AssessmentStatus, AutomaticFact, Criterion, EvidenceNeed, ReviewDecision, ScoringType } from './types';

/** The text of a message key (the key itself when unknown). */
export function label(key: string, params: Record<string, unknown> = {}): string {
	const fn = (m as unknown as Record<string, ((p: Record<string, unknown>) => string) | undefined>)[key];
	return fn ? fn(params) : key;
}

export const assessmentStatusKey = (s: AssessmentStatus) => `maturity_status_${s}`;
export const scoringTypeKey = (t: ScoringType) => `maturity_type_${t}`;
export const evidenceNeedKey = (n: EvidenceNeed) => `maturity_evidence_${n}`;
export const decisionKey = (d: ReviewDecision) => `maturity_decision_${d}`;

/** "3/5 người", "2/4 nhiệm vụ", "3 hoạt động": where an automatic value came from. */
export function automaticSourceText(f: AutomaticFact): string {
	return label(`maturity_auto_${f.source}`, { n: f.numerator, d: f.denominator ?? 0, value: formatPoints(f.value) });
}

/** Points with a comma for decimals, as Vietnamese write them ("37,5"). */
export function formatPoints(n: number | null | undefined): string {
	if (n === null || n === undefined) return '—';
	return (Math.round(n * 100) / 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

/** A criterion's value as entered, in words for yes/no. */
export function formatValue(c: Criterion, v: number | null | undefined): string {
	if (v === null || v === undefined) return '—';
	if (c.type === 'yes_no') return v === 1 ? label('maturity_yes') : label('maturity_no');
	if (c.type === 'percentage') return `${formatPoints(v)} %`;
	if (c.type === 'scale') return `${v}/5`;
	return formatPoints(v);
}

/** "+4,5" / "−2": a change in percentage points. */
export function formatProgress(n: number | null): string {
	if (n === null) return '—';
	return `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatPoints(Math.abs(n))}`;
}
