// What the benchmarks share: waiting for a started server, and running a bench inside Vite.
import type { ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';

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

/**
 * Runs `run()` of the bench module at `path` (e.g. '/bench/report.ts') through Vite's SSR loader,
 * so it can import the app's `$lib` modules as the app does. The module calls this at its top
 * level; `innerFlag` (an environment variable) tells the reloaded copy not to do it again.
 */
export async function runInVite(path: string, innerFlag: string): Promise<void> {
	if (process.env[innerFlag]) return;
	process.env.LOG_LEVEL ||= 'error';
	process.env[innerFlag] = '1';
	const { createServer } = await import('vite');
	const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
	try {
		const mod = (await vite.ssrLoadModule(path)) as { run: () => Promise<void> };
		await mod.run();
	} catch (e) {
		console.error(e);
		process.exitCode = 1;
	} finally {
		await vite.close();
	}
}

/** A port nobody listens on now, so the bench does not collide with a running app or bench/run.ts. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createNetServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const port = (srv.address() as { port: number }).port;
			srv.close(() => resolve(port));
		});
	});
}

/** Stops a child process: SIGTERM, then SIGKILL after 10 s. */
export async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}
