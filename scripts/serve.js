// Starts the built app (build/). adapter-node refuses request bodies over BODY_SIZE_LIMIT
// (512 KB by default) before LearnWeek sees them; imports accept IMPORT_MAX_BYTES, so the
// limit defaults to that plus 1 MB of form overhead.
const importMax = Number(process.env.IMPORT_MAX_BYTES) || 5 * 1024 * 1024;
process.env.BODY_SIZE_LIMIT ||= String(importMax + 1024 * 1024);
// Without ORIGIN, adapter-node takes every request for https and SvelteKit's origin check refuses
// the forms of http://localhost; the default matches LearnWeek's own (http://localhost:PORT).
process.env.ORIGIN ||= `http://localhost:${process.env.PORT || 3000}`;
await import('../build/index.js');
