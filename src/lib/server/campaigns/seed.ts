// Factories for tests, e2e and the demo: campaigns made through the service, as a person would.
import type { Db } from '../db/types';
import { systemActor, type Actor } from '../auth/actor';
import type { CampaignInputValues } from '../../features/campaigns/inputs';
import {
	approveCampaign,
	closeCampaign,
	createCampaign as createCampaignDraft,
	issueCampaign,
	startCampaign,
	submitCampaign,
	type CampaignRow,
	type CampaignStatus
} from './service';

export type CampaignOverrides = Partial<CampaignInputValues> & {
	orgId: string;
	/** The Week's year when no dates are given (default 2021); the period is then 1–7 October. */
	year?: number;
	/** Walk the workflow up to this status (default draft). */
	status?: CampaignStatus;
	/** Who creates it and walks it (default the system). */
	actor?: Actor;
};

const STEPS: Array<[CampaignStatus, (db: Db, actor: Actor, id: string) => Promise<CampaignRow>]> = [
	['submitted', submitCampaign],
	['approved', approveCampaign],
	['issued', issueCampaign],
	['running', startCampaign],
	['closed', closeCampaign]
];

/** Creates a campaign on `orgId` with a plausible plan, through the service, and walks it to `status`. */
export async function createCampaign(db: Db, overrides: CampaignOverrides): Promise<CampaignRow> {
	const { orgId, year = 2021, status = 'draft', actor = systemActor('seed'), ...input } = overrides;
	let row = await createCampaignDraft(db, actor, {
		orgId,
		title: `Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm ${year}`,
		symbol: 'KH-VPUB',
		place: 'Sơn La',
		themes: ['Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người'],
		startsOn: `${year}-10-01`,
		endsOn: `${year}-10-07`,
		purposes: 'Đẩy mạnh phong trào học tập suốt đời trong cơ quan.',
		requirements: 'Tổ chức thiết thực, hiệu quả.',
		sections: [{ heading: 'Các hoạt động trong tuần lễ', bodyHtml: '<ul><li>Tuyên truyền về Tuần lễ.</li></ul>' }],
		duties: [{ unit: 'Các phòng, ban, đơn vị', text: 'tổ chức thực hiện Kế hoạch.' }],
		recipients: ['Các phòng, ban, đơn vị', 'Lưu: VT'],
		signer: { name: 'Nguyễn Văn An', position: 'PHÓ CHÁNH VĂN PHÒNG', authority: 'KT', authorityTitle: 'CHÁNH VĂN PHÒNG' },
		...input
	});
	for (const [reached, step] of STEPS) {
		if (row.status === status) break;
		row = await step(db, actor, row.id);
		if (reached === status) break;
	}
	return row;
}
