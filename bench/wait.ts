// What the benchmarks share: waiting for a started server to answer.
import type { ChildProcess } from 'node:child_process';

/** Resolves once `url` answers 2xx; fails if `child` exits first or after 120 s. */
export async function waitFor(url: string, child: ChildProcess): Promise<void> {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${url} did not answer in 120 s`);
}
