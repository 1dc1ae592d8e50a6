// The rules of ARCHITECTURE.md ("Inside a domain folder", "Rules of dependency") as code.
// Each message says where the code belongs instead.
import { posix } from 'node:path';

export interface SourceFile {
	/** Path from the repository root, with forward slashes. */
	path: string;
	content: string;
}

export interface Violation {
	path: string;
	message: string;
}

/** Folders of src/lib/server that are not domains. */
const INFRASTRUCTURE = new Set(['core', 'db', 'auth', 'demo']);
const DOMAIN_FILES = new Set(['tables.ts', 'queries.ts', 'policy.ts', 'service.ts', 'export.ts', 'seed.ts']);
const SERVER = 'src/lib/server/';

function importsOf(content: string): Array<{ spec: string; typeOnly: boolean }> {
	const out: Array<{ spec: string; typeOnly: boolean }> = [];
	const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
	for (let m = re.exec(content); m; m = re.exec(content)) {
		const spec = m[3] ?? m[4];
		if (spec) out.push({ spec, typeOnly: Boolean(m[2]) });
	}
	return out;
}

/** Resolves `$lib/…`, `$app/…` and relative specifiers to repository paths (without extension). */
function resolveSpec(from: string, spec: string): string | undefined {
	let target: string;
	if (spec.startsWith('$lib/')) target = `src/lib/${spec.slice(5)}`;
	else if (spec === '$lib') target = 'src/lib';
	else if (spec.startsWith('.')) target = posix.normalize(posix.join(posix.dirname(from), spec));
	else return undefined;
	return target.replace(/\.(ts|js|svelte)$/, '');
}

/** The domain a server path belongs to, or undefined for infrastructure and non-server paths. */
function domainOf(path: string): string | undefined {
	if (!path.startsWith(SERVER)) return undefined;
	const name = path.slice(SERVER.length).split('/')[0];
	if (!name || name.includes('.') || INFRASTRUCTURE.has(name)) return undefined;
	return name;
}

function isServerOnly(path: string): boolean {
	return (
		path.startsWith(SERVER) ||
		/\.server\.ts$/.test(path) ||
		/\/\+server\.ts$/.test(path) ||
		path === 'src/hooks.server.ts' ||
		// Tests never reach a browser bundle.
		/\.(test|e2e)\.ts$/.test(path) ||
		path.startsWith('scripts/') ||
		path.startsWith('tests/') ||
		path.startsWith('bench/')
	);
}

/** Checks every rule over the given files and returns each violation with where the code belongs. */
export function checkStructure(files: SourceFile[]): Violation[] {
	const violations: Violation[] = [];
	const add = (path: string, message: string) => violations.push({ path, message });
	const domainEdges = new Map<string, Set<string>>();

	for (const file of files) {
		const { path } = file;
		const domain = domainOf(path);
		const base = posix.basename(path);
		const isTest = /\.(test|e2e)\.ts$/.test(path);

		// The closed file vocabulary of a domain folder.
		if (domain) {
			const rest = path.slice(SERVER.length + domain.length + 1);
			const ok =
				DOMAIN_FILES.has(rest) ||
				(isTest && !rest.includes('/')) ||
				/^service\/[a-z0-9-]+\.(test\.)?ts$/.test(rest) ||
				rest.startsWith('fixtures/');
			if (!ok) {
				add(
					path,
					`a domain folder holds only tables.ts, queries.ts, policy.ts, service.ts (or service/<use-case>.ts), export.ts, seed.ts and *.test.ts. ` +
						`Put SQL in queries.ts, permission rules in policy.ts, use cases in service.ts or service/<use-case>.ts, ` +
						`client-safe schemas and formatting in src/lib/features/${domain}/, shared UI in src/lib/components/.`
				);
			}
		}

		for (const { spec, typeOnly } of importsOf(file.content)) {
			const target = resolveSpec(path, spec);

			// Nothing client-side imports server code.
			if (!isServerOnly(path) && !typeOnly && !path.endsWith('.d.ts') && (target?.startsWith('src/lib/server') || spec.startsWith('$env/static/private') || spec.startsWith('$env/dynamic/private'))) {
				add(path, `client-side code imports ${spec}: load server data in a +page.server.ts or +layout.server.ts and pass it as page data.`);
			}

			// components/ never imports features/.
			if (path.startsWith('src/lib/components/') && target?.startsWith('src/lib/features/')) {
				add(path, `src/lib/components/ is domain-agnostic and cannot import ${spec}: move the component to src/lib/features/<domain>/components/ or pass the data in as props.`);
			}

			if (!target?.startsWith(SERVER)) {
				// Only queries.ts (and tables, db, tests) build SQL.
				if (spec === 'drizzle-orm' && !typeOnly && path.startsWith('src/') && !/\/(queries|tables)\.ts$/.test(path) && !path.startsWith(`${SERVER}db/`) && !isTest) {
					add(path, `only queries.ts builds SQL: move this query into the domain's queries.ts and call it from service.ts.`);
				}
				// Only hooks.server.ts, scripts/ and db/ open the database.
				if (['@electric-sql/pglite', 'postgres'].includes(spec) && path.startsWith('src/') && !path.startsWith(`${SERVER}db/`)) {
					add(path, `only src/hooks.server.ts, scripts/ and src/lib/server/db/ open the database: take the handle (event.locals.db, or the db argument) instead.`);
				}
				continue;
			}

			const targetDomain = domainOf(target);
			const targetFile = posix.basename(target);

			// Routes import services, auth and client-safe $lib; never queries, tables or db.
			if (path.startsWith('src/routes/')) {
				if (/\/(queries|tables)$/.test(target) || (target.startsWith(`${SERVER}db/`) && !typeOnly)) {
					add(path, `routes never import ${spec}: call the domain's service.ts (the database handle is event.locals.db).`);
				}
				continue;
			}

			// core/ and db/ import no domain (db/schema.ts gathers the tables; db/testing may seed).
			const here = path.slice(SERVER.length).split('/')[0];
			if ((here === 'core' || here === 'db') && targetDomain && !(path === `${SERVER}db/schema.ts` && targetFile === 'tables') && !typeOnly) {
				add(path, `src/lib/server/${here}/ imports no domain (${spec}): pass what it needs in as an argument, or move the code into the domain.`);
			}

			if (domain && targetDomain && targetDomain !== domain) {
				const allowed =
					targetFile === 'service' ||
					// Reports, and recognition's suggestions of role models (M15), read other domains' read models.
					(targetFile === 'export' && (domain === 'reports' || domain === 'recognition' || isTest)) ||
					(targetFile === 'tables' && (base === 'tables.ts' || typeOnly)) ||
					(targetFile === 'seed' && (base === 'seed.ts' || isTest));
				if (!allowed) {
					add(path, `a domain is entered only through its service.ts: import ${posix.join(posix.dirname(spec), 'service')} instead of ${spec}.`);
				}
				// Tests arrange data through other domains; only production code forms the domain graph.
				if (!isTest && (targetFile === 'service' || targetFile === 'export')) {
					if (!domainEdges.has(domain)) domainEdges.set(domain, new Set());
					domainEdges.get(domain)!.add(targetDomain);
				}
			}

			// policy.ts is pure: types and the actor's role checks only.
			if (base === 'policy.ts' && domain && !typeOnly && !target.endsWith('/auth/actor') && !target.startsWith('src/lib/features/')) {
				add(path, `policy.ts is pure and imports only types and auth/actor: do the I/O in service.ts and pass the facts in.`);
			}
		}
	}

	// No cycles between domains.
	const seen = new Set<string>();
	const stack: string[] = [];
	const visit = (d: string) => {
		if (stack.includes(d)) {
			const cycle = [...stack.slice(stack.indexOf(d)), d];
			add(`${SERVER}${d}/service.ts`, `domains import each other in a cycle (${cycle.join(' → ')}): move the shared step into one of them, or have the caller call both.`);
			return;
		}
		if (seen.has(d)) return;
		seen.add(d);
		stack.push(d);
		for (const next of domainEdges.get(d) ?? []) visit(next);
		stack.pop();
	};
	for (const d of domainEdges.keys()) visit(d);

	return violations;
}
