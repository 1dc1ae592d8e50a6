// Rewrites the API table of README.md between its markers from the OpenAPI operations.
// `npx tsx scripts/readme-api.ts` after adding an endpoint; a unit test fails until you do.
import { readFileSync, writeFileSync } from 'node:fs';
import { apiOperations } from '../src/lib/features/api/operations';
import { apiMarkdownTable } from '../src/lib/features/api/readme';

const START = '<!-- api-table:start -->';
const END = '<!-- api-table:end -->';
const readme = readFileSync('README.md', 'utf8');
const [before, rest] = readme.split(START);
const after = rest.split(END)[1];
writeFileSync('README.md', `${before}${START}\n${apiMarkdownTable(apiOperations)}\n${END}${after}`);
console.log('README.md: API table updated');
