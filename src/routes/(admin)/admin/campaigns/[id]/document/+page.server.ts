import { orPageError } from '$lib/server/core/http';
import { campaignDocument } from '$lib/server/campaigns/export';
import { documentFileNames, planToOfficialDocument } from '$lib/features/documents/format';
import type { PageServerLoad } from './$types';

// The plan laid out as its Kế hoạch; whoever may read the campaign may see it (NOT_FOUND otherwise).
export const load: PageServerLoad = async ({ locals, params }) => {
	const document = planToOfficialDocument(await orPageError(() => campaignDocument(locals.db, locals.actor, params.id)));
	return {
		campaignId: params.id,
		document,
		files: { docx: documentFileNames(document, 'docx').ascii, pdf: documentFileNames(document, 'pdf').ascii }
	};
};
