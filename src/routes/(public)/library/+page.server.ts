import { listLearningPaths, searchLibrary } from '$lib/server/library/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const p = url.searchParams;
	const query = { q: p.get('q') ?? '', kind: p.get('kind') ?? '', group: p.get('group') ?? '', competence: p.get('competence') ?? '', language: p.get('language') ?? '', page: p.get('page') ?? '1' };
	const [results, paths] = await Promise.all([searchLibrary(locals.db, query as never), listLearningPaths(locals.db, { learnerGroup: query.group || null })]);
	return { query, results, paths };
};
