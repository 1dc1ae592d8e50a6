// Starts the built app (build/). adapter-node refuses request bodies over BODY_SIZE_LIMIT
// (512 KB by default) before LearnWeek sees them; imports accept IMPORT_MAX_BYTES, so the
// limit defaults to that plus 1 MB of form overhead.
const importMax = Number(process.env.IMPORT_MAX_BYTES) || 5 * 1024 * 1024;
process.env.BODY_SIZE_LIMIT ||= String(importMax + 1024 * 1024);
await import('../build/index.js');
