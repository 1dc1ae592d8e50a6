// The framework editor's forms as definitions: level bands per group, the criteria table, a new
// criterion. Pure; the service validates the result (frameworkDefinitionInput).
import { foldVietnamese } from '$lib/vn/text';
import { EVIDENCE_NEEDS, SCORING_TYPES, type Criterion, type EvidenceNeed, type FrameworkDefinition, type ScoringType, type Threshold } from './types';

type Values = Record<string, unknown>;

const str = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v));
const num = (v: unknown) => {
	const s = str(v).trim().replace(',', '.');
	return s === '' ? Number.NaN : Number(s);
};
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === undefined || v === '' ? [] : [String(v)]);

/** "1:10; 3:30; 5:50" → steps; what does not parse is kept as NaN for the validation to refuse. */
export function parseThresholds(text: string): Threshold[] {
	return text
		.split(/[;\n]+/)
		.map((s) => s.trim())
		.filter(Boolean)
		.map((s) => {
			const [a, p] = s.split(/[:=]/);
			return { atLeast: num(a), points: num(p) };
		});
}

export function thresholdsText(t: Threshold[] | undefined): string {
	return (t ?? []).map((x) => `${x.atLeast}:${x.points}`).join('; ');
}

/** The definition with each group's bands and mandatory cap as the levels form sent them. */
export function applyLevelsForm(def: FrameworkDefinition, values: Values): FrameworkDefinition {
	const next = structuredClone(def);
	for (const g of next.groups) {
		g.mandatoryCap = num(values[`g.${g.key}.mandatoryCap`]);
		g.levels = g.levels.map((b, i) => {
			const k = `g.${g.key}.${i}`;
			return {
				level: num(values[`${k}.level`]),
				name: str(values[`${k}.name`]),
				min: num(values[`${k}.min`]),
				minInclusive: str(values[`${k}.minInclusive`]) !== 'exclusive',
				max: num(values[`${k}.max`]),
				maxInclusive: str(values[`${k}.maxInclusive`]) !== 'exclusive'
			};
		});
	}
	return next;
}

function criterionFrom(values: Values, prefix: string, base: Pick<Criterion, 'key' | 'automatic' | 'guidance'>): Criterion {
	const type = str(values[`${prefix}.type`]) as ScoringType;
	const c: Criterion = {
		key: base.key,
		name: str(values[`${prefix}.name`]),
		maxPoints: num(values[`${prefix}.maxPoints`]),
		type: (SCORING_TYPES as readonly string[]).includes(type) ? type : ('' as ScoringType),
		evidence: list(values[`${prefix}.evidence`]).filter((e): e is EvidenceNeed => (EVIDENCE_NEEDS as readonly string[]).includes(e)),
		mandatory: ['on', 'true', '1'].includes(str(values[`${prefix}.mandatory`])),
		automatic: base.automatic ?? null
	};
	if (base.guidance) c.guidance = base.guidance;
	if (c.type === 'number') c.thresholds = parseThresholds(str(values[`${prefix}.thresholds`]));
	return c;
}

/** The definition with the criteria table's edits; criteria ticked for removal are left out. */
export function applyCriteriaForm(def: FrameworkDefinition, values: Values): FrameworkDefinition {
	const next = structuredClone(def);
	for (const p of next.pillars) {
		for (const ind of p.indicators) {
			ind.criteria = ind.criteria.filter((c) => !['on', 'true', '1'].includes(str(values[`c.${c.key}.remove`]))).map((c) => criterionFrom(values, `c.${c.key}`, c));
		}
	}
	return next;
}

/** A key for a new criterion from its name: folded words, unique in the definition. */
export function newCriterionKey(def: FrameworkDefinition, name: string): string {
	const used = new Set(def.pillars.flatMap((p) => [p.key, ...p.indicators.flatMap((i) => [i.key, ...i.criteria.map((c) => c.key)])]));
	const stem =
		foldVietnamese(name)
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 40) || 'tieu_chi';
	let key = stem;
	for (let n = 2; used.has(key); n++) key = `${stem}_${n}`;
	return key;
}

/** The definition with a new criterion at the end of the indicator `values.indicatorKey`. */
export function applyNewCriterionForm(def: FrameworkDefinition, values: Values): FrameworkDefinition {
	const next = structuredClone(def);
	const indicator = next.pillars.flatMap((p) => p.indicators).find((i) => i.key === str(values.indicatorKey));
	if (!indicator) return next;
	indicator.criteria.push(criterionFrom(values, 'new', { key: newCriterionKey(next, str(values['new.name'])), automatic: null }));
	return next;
}

/** The editor's field for a validation path: `pillars.0.indicators.1.criteria.2.maxPoints` → `c.<key>.maxPoints`, `groups.0.levels` → `g.<key>`. */
export function editorField(def: FrameworkDefinition, path: string): string {
	const parts = path.split('.');
	if (parts[0] === 'groups') {
		const g = def.groups[Number(parts[1])];
		return g ? (parts[2] === 'mandatoryCap' ? `g.${g.key}.mandatoryCap` : `g.${g.key}`) : path;
	}
	if (parts[0] === 'pillars' && parts[2] === 'indicators' && parts[4] === 'criteria') {
		const c = def.pillars[Number(parts[1])]?.indicators[Number(parts[3])]?.criteria[Number(parts[5])];
		return c ? `c.${c.key}.${parts[6] ?? 'name'}` : path;
	}
	return path;
}
