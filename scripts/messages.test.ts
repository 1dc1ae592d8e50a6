// Every text exists in both languages with the same placeholders: a key added in Vietnamese only
// would show its raw name to English readers (and the other way round).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const vi = load('vi');
const en = load('en');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
	it('has the same keys in vi.json and en.json', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
	});

	it('has no empty text and the same placeholders in both languages', () => {
		const problems = Object.keys(vi)
			.filter((k) => k !== '$schema')
			.filter((k) => !vi[k].trim() || !en[k]?.trim() || placeholders(vi[k]).join() !== placeholders(en[k]).join());
		expect(problems).toEqual([]);
	});
});
