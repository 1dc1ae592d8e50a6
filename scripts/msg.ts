// Adds or replaces messages in messages/vi.json and messages/en.json, keeping keys sorted.
// Usage: npx tsx scripts/msg.ts key "Vietnamese text" "English text" [key vi en]...
// Read-modify-write in one step, so several people adding keys at once rarely collide.
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 3 !== 0) {
	console.error('usage: tsx scripts/msg.ts <key> <vi> <en> [<key> <vi> <en>]...');
	process.exit(2);
}
for (const [locale, offset] of [['vi', 1], ['en', 2]] as const) {
	const path = `messages/${locale}.json`;
	const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
	for (let i = 0; i < args.length; i += 3) {
		if (!/^[a-z][a-z0-9_]*$/.test(args[i])) throw new Error(`bad key ${args[i]}: snake_case, starting with its domain`);
		// A typed \n stands for a line break.
		data[args[i]] = args[i + offset].replace(/\\n/g, '\n');
	}
	const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a === '$schema' ? -1 : b === '$schema' ? 1 : a.localeCompare(b))));
	writeFileSync(path, JSON.stringify(sorted, null, '\t') + '\n');
}
