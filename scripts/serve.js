// Starts the built app (build/). adapter-node refuses request bodies over BODY_SIZE_LIMIT
// (512 KB by default) before LearnWeek sees them, and the form is then lost; so the limit defaults
// to the largest file a form takes plus 1 MB of form overhead: a library resource (100 MB,
// RESOURCE_MAX_BYTES in src/lib/server/library) or an import (IMPORT_MAX_BYTES), whichever is larger.
// Each form refuses its own smaller limit itself, in the user's language, keeping what was typed.
const LIBRARY_MAX_BYTES = 100 * 1024 * 1024;
const importMax = Number(process.env.IMPORT_MAX_BYTES) || 5 * 1024 * 1024;
process.env.BODY_SIZE_LIMIT ||= String(Math.max(importMax, LIBRARY_MAX_BYTES) + 1024 * 1024);
// Without ORIGIN, adapter-node takes every request for https and SvelteKit's origin check refuses
// the forms of http://localhost; the default matches LearnWeek's own (http://localhost:PORT).
process.env.ORIGIN ||= `http://localhost:${process.env.PORT || 3000}`;
await import('../build/index.js');
