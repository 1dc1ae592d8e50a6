// `npm run lint`: checks the layout and the rules of dependency of ARCHITECTURE.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkStructure, type SourceFile } from './structure-rules';

const root = process.cwd();
const files: SourceFile[] = [];

function walk(dir: string): void {
	for (const name of readdirSync(dir)) {
		if (name === 'node_modules' || name === 'paraglide' || name.startsWith('.')) continue;
		const full = join(dir, name);
		if (statSync(full).isDirectory()) walk(full);
		else if (/\.(ts|svelte|js)$/.test(name)) files.push({ path: relative(root, full).split('\\').join('/'), content: readFileSync(full, 'utf8') });
	}
}

for (const dir of ['src', 'scripts']) walk(join(root, dir));
const violations = checkStructure(files);
for (const v of violations) console.error(`${v.path}: ${v.message}`);
if (violations.length) {
	console.error(`\n${violations.length} structure problem(s). See ARCHITECTURE.md, "Layout" and "Rules of dependency".`);
	process.exit(1);
}
console.log(`structure: ${files.length} files follow ARCHITECTURE.md`);
