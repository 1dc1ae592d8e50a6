// Factories for tests, e2e and the demo: documents issued through the service, as a person would.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import type { IssueDocumentInput } from '../../features/documents/inputs';
import { issueDocument, type DocumentRow } from './service';

export type DocumentOverrides = Partial<IssueDocumentInput> & {
	orgId: string;
	/** Who issues it (default the system). */
	actor?: Actor;
	/** Mail the recipients after the commit (default true, as the service does). */
	notify?: boolean;
};

/** Issues a plausible document of `orgId` (a Kế hoạch of 2021 unless told otherwise) through the service. */
export async function createDocument(db: Db, overrides: DocumentOverrides): Promise<DocumentRow> {
	const { actor = systemActor('seed'), notify, ...input } = overrides;
	return issueDocument(
		db,
		actor,
		{
			type: 'KH',
			summary: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021',
			signerName: 'Lê Thị Hồng Anh',
			signerPosition: 'Phó Chánh Văn phòng',
			documentDate: '2021-09-14',
			archive: 'VT, TCHCQT',
			...input
		},
		{ notify }
	);
}
