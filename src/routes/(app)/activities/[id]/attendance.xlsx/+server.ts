import { orPageError } from '$lib/server/core/http';
import { exportAttendanceXlsx } from '$lib/server/activities/export';
import { contentDisposition } from '$lib/features/documents/format';
import { downloadFileNames } from '$lib/features/activities/format';
import type { RequestHandler } from './$types';

/** GET /activities/[id]/attendance.xlsx: the attendance sheet of an activity, for its staff. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { fileName, xlsx } = await orPageError(() => exportAttendanceXlsx(locals.db, locals.actor, params.id));
	return new Response(new Uint8Array(xlsx), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': contentDisposition(downloadFileNames(fileName, 'diem-danh.xlsx')),
			'content-length': String(xlsx.byteLength),
			'cache-control': 'private, no-store'
		}
	});
};
