// The shipped templates' level rules at their boundaries, the mandatory-condition cap, and the
// refusal of level bands that overlap or leave a gap.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { levelBandsProblem } from '$lib/features/maturity/inputs';
import type { FrameworkDefinition, LevelBand } from '$lib/features/maturity/types';
import { getTemplate, listTemplates, parseDefinition } from './frameworks';
import { computeResult, criteriaOf, criterionScore, raiseHints, valueProblem } from './scoring';

/** Values that give each group exactly `points` of a 100-point group, filling `points` criteria by points/percentages. */
function valuesFor(def: FrameworkDefinition, targets: Record<string, number>, options: { mandatory?: boolean } = {}): Map<string, number | null> {
	const values = new Map<string, number | null>();
	for (const g of def.groups) {
		let left = targets[g.key] ?? 0;
		const cs = criteriaOf(def).filter((c) => c.group === g.key);
		// Mandatory conditions first (yes), then the rest, spending the points exactly.
		for (const c of [...cs].sort((a, b) => Number(b.mandatory) - Number(a.mandatory))) {
			if (c.mandatory) {
				const yes = options.mandatory !== false;
				values.set(c.key, yes ? 1 : 0);
				if (yes) left -= c.maxPoints;
				continue;
			}
			const take = Math.max(0, Math.min(left, c.maxPoints));
			left -= take;
			values.set(c.key, c.type === 'percentage' ? (take / c.maxPoints) * 100 : c.type === 'points' ? take : c.type === 'yes_no' ? (take === c.maxPoints ? 1 : 0) : c.type === 'scale' ? (take / c.maxPoints) * 5 : 0);
			if (c.type === 'yes_no' && take !== c.maxPoints) left += take;
			if (c.type === 'scale' && !Number.isInteger((take / c.maxPoints) * 5)) {
				values.set(c.key, 0);
				left += take;
			}
			if (c.type === 'number') {
				const step = c.thresholds?.find((t) => t.points === take);
				values.set(c.key, step ? step.atLeast : 0);
				if (!step) left += take;
			}
		}
		if (Math.abs(left) > 1e-9) throw new Error(`cannot spend ${targets[g.key]} in ${g.key}`);
	}
	return values;
}

describe('the shipped templates', () => {
	it('are valid frameworks, with the points of their sources', () => {
		const [dti, moet, dbi] = listTemplates();
		const max = (d: FrameworkDefinition, group?: string) => criteriaOf(d).filter((c) => !group || c.group === group).reduce((s, c) => s + c.maxPoints, 0);
		expect(dti.key).toBe('dti_agency');
		expect(max(dti.definition)).toBe(1000);
		expect(dti.definition.pillars.map((p) => p.name)).toEqual(['Nhận thức số', 'Thể chế số', 'Hạ tầng số', 'Nhân lực số', 'An toàn thông tin mạng', 'Hoạt động chính quyền số', 'Dịch vụ số cho người dân']);
		expect(moet.definition.groups.map((g) => max(moet.definition, g.key))).toEqual([100, 100]);
		expect(dbi.definition.pillars).toHaveLength(6);
		expect(dbi.definition.groups[0].levels.map((b) => b.level)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(criteriaOf(dti.definition).filter((c) => c.automatic).map((c) => c.automatic)).toEqual(['staff_learning_share', 'tasks_on_time_share', 'online_activities']);
	});

	it('MOET 4725: below 50 is level 1, 50 to 75 level 2 (both included), above 75 level 3, per group', () => {
		const def = getTemplate('moet_4725').definition;
		const level = (points: number) => computeResult(def, valuesFor(def, { day_hoc: points, quan_tri: 100 })).groups[0].level;
		expect(level(49.99)).toBe(1);
		expect(level(50)).toBe(2);
		expect(level(75)).toBe(2);
		expect(level(75.01)).toBe(3);
		expect(level(76)).toBe(3);
		expect(level(100)).toBe(3);
		// The school's level is the lower of its two groups'.
		const r = computeResult(def, valuesFor(def, { day_hoc: 80, quan_tri: 60 }));
		expect(r.groups.map((g) => [g.score, g.level])).toEqual([
			[80, 3],
			[60, 2]
		]);
		expect(r.level).toBe(2);
		expect(r.total).toBe(140);
	});

	it('MOET 4725: an unmet mandatory condition keeps the group at level 1 whatever its points', () => {
		const def = getTemplate('moet_4725').definition;
		const values = valuesFor(def, { day_hoc: 100, quan_tri: 100 });
		values.set('dh_qc', 0);
		const r = computeResult(def, values);
		expect(r.groups[0]).toMatchObject({ score: 90, bandLevel: 3, level: 1, capped: true, unmetMandatory: ['dh_qc'] });
		expect(r.level).toBe(1);
		// Meeting it is the first thing the unit is told would raise the level.
		expect(raiseHints(def, values, r)[0]).toMatchObject({ criterionKey: 'dh_qc', mandatory: true, levelIfFull: 3 });
	});

	it('DTI-shaped template: Yếu below 50 %, Trung bình from 50 %, Khá from 65 %, Tốt from 80 %, capped at Trung bình without a plan', () => {
		const def = getTemplate('dti_agency').definition;
		const level = (points: number) => computeResult(def, valuesFor(def, { all: points })).level;
		expect([level(499), level(500), level(649), level(650), level(799), level(800), level(1000)]).toEqual([1, 2, 2, 3, 3, 4, 4]);
		const values = valuesFor(def, { all: 900 });
		values.set('tc_kh', 0);
		expect(computeResult(def, values)).toMatchObject({ level: 2, levelName: 'Trung bình' });
	});

	it('DBI: levels 0 to 5 at 10, 30, 50, 70 and 90 % of the points', () => {
		const def = getTemplate('dbi').definition;
		const at = (scale: number, count: number) => {
			const values = new Map<string, number | null>();
			criteriaOf(def).forEach((c, i) => values.set(c.key, i < count ? scale : 0));
			return computeResult(def, values);
		};
		// 12 criteria of 10 points on a 0–5 scale: 120 points.
		expect(at(5, 0)).toMatchObject({ total: 0, level: 0 });
		expect(at(1, 6)).toMatchObject({ total: 12, level: 1 });
		expect(at(5, 3)).toMatchObject({ total: 30, percent: 25, level: 1 });
		expect(at(3, 12)).toMatchObject({ total: 72, percent: 60, level: 3 });
		expect(at(5, 11)).toMatchObject({ total: 110, level: 5 });
		expect(at(5, 12)).toMatchObject({ total: 120, level: 5, levelName: 'Mức 5 – Dẫn dắt' });
	});
});

describe('scoring', () => {
	const def = getTemplate('dti_agency').definition;
	const c = (key: string) => criteriaOf(def).find((x) => x.key === key)!;

	it('scores each type: yes/no, scale, number against thresholds, percentage, points', () => {
		expect(criterionScore(c('nt_bcd'), 1)).toBe(30);
		expect(criterionScore(c('ht_phong_hop'), 3)).toBe(30);
		expect([0, 1, 2, 3, 5, 9].map((n) => criterionScore(c('nt_tin_bai'), n))).toEqual([0, 10, 10, 30, 50, 50]);
		expect(criterionScore(c('dv_toan_trinh'), 37.5)).toBe(37.5);
		expect(criterionScore(c('nt_truong_ban'), 10)).toBe(10);
	});

	it('refuses a value above the maximum, a negative one and a scale step that is not whole', () => {
		expect(valueProblem(c('ht_phong_hop'), 6)).toBe('maturity_value_above_max');
		expect(valueProblem(c('dv_toan_trinh'), 101)).toBe('maturity_value_above_max');
		expect(valueProblem(c('nt_truong_ban'), 21)).toBe('maturity_value_above_max');
		expect(valueProblem(c('nt_tin_bai'), -1)).toBe('maturity_value_negative');
		expect(valueProblem(c('ht_phong_hop'), 2.5)).toBe('field_invalid');
		expect(valueProblem(c('nt_bcd'), 2)).toBe('field_invalid');
		expect(valueProblem(c('nt_truong_ban'), 20)).toBeUndefined();
	});
});

describe('level bands', () => {
	const b = (level: number, min: number, minInclusive: boolean, max: number, maxInclusive: boolean): LevelBand => ({ level, name: `Mức ${level}`, min, minInclusive, max, maxInclusive });

	it('accept bands that cover 0–100 exactly once, as QĐ 4725 writes them', () => {
		expect(levelBandsProblem([b(1, 0, true, 50, false), b(2, 50, true, 75, true), b(3, 75, false, 100, true)])).toBeUndefined();
	});

	it('refuse overlapping bands, gaps, and a lower level above a higher one', () => {
		expect(levelBandsProblem([b(1, 0, true, 60, false), b(2, 50, true, 100, true)])).toBe('maturity_levels_overlap');
		expect(levelBandsProblem([b(1, 0, true, 50, true), b(2, 50, true, 100, true)])).toBe('maturity_levels_overlap');
		expect(levelBandsProblem([b(1, 0, true, 50, false), b(2, 50, false, 100, true)])).toBe('maturity_levels_gap');
		expect(levelBandsProblem([b(1, 0, true, 40, false), b(2, 50, true, 100, true)])).toBe('maturity_levels_gap');
		expect(levelBandsProblem([b(1, 0, true, 50, false), b(2, 50, true, 90, true)])).toBe('maturity_levels_gap');
		expect(levelBandsProblem([b(2, 0, true, 50, false), b(1, 50, true, 100, true)])).toBe('maturity_levels_order');
	});

	it('make a framework with overlapping thresholds fail validation with the place named', () => {
		const def = structuredClone(getTemplate('moet_4725').definition);
		def.groups[1].levels[1].min = 40;
		try {
			parseDefinition(def);
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(AppError);
			expect((e as AppError).fields).toEqual({ 'groups.1.levels': 'maturity_levels_overlap' });
		}
	});

	it('refuse a mandatory condition that is not yes/no and an automatic source of the wrong type', () => {
		const def = structuredClone(getTemplate('dti_agency').definition);
		def.pillars[0].indicators[0].criteria[1].mandatory = true;
		def.pillars[3].indicators[0].criteria[1].automatic = 'online_activities';
		expect(() => parseDefinition(def)).toThrow(AppError);
		try {
			parseDefinition(def);
		} catch (e) {
			expect((e as AppError).fields).toEqual({ 'pillars.0.indicators.0.criteria.1.mandatory': 'maturity_mandatory_yes_no', 'pillars.3.indicators.0.criteria.1.automatic': 'maturity_automatic_type' });
		}
	});
});
