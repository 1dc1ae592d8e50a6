// Read models of campaigns for documents and spreadsheets, built on the service's checked reads.
import type { Db } from '../db/types';
import type { Actor } from '../auth/actor';
import { formatDate } from '../../vn/dates';
import { listOrgAncestors } from '../org/service';
import { campaignOutline, campaignPlaceAndDate, campaignReference, legalBasisText, signerLines, type OutlinePart } from '../../features/campaigns/format';
import type { CampaignStatus } from '../../features/campaigns/types';
import { getCampaign, listCampaigns, type CampaignListOptions } from './service';
import { countChildCampaignsByStatus } from './queries';

/** The plan as Decree 30/2020 lays out a Kế hoạch (Mẫu 1.4): what a DOCX/PDF renderer or a print page needs, in order. */
export interface CampaignDocument {
	id: string;
	status: CampaignStatus;
	/** ①a the governing body, upper case ("UBND TỈNH SƠN LA"); '' for a root node. */
	governingBody: string;
	/** ①b the issuing agency, upper case. */
	issuer: string;
	/** ② "Số: 05/KH-VPUB" */
	reference: string;
	/** ❹ "Sơn La, ngày 14 tháng 9 năm 2021" */
	placeAndDate: string;
	/** ⑤a */
	type: 'KẾ HOẠCH';
	/** ⑤b the trích yếu */
	summary: string;
	/** ⑥ each citation on its line, ending ";" and the last "."; the plan implemented opens with "Thực hiện". */
	citations: string[];
	introduction: string[];
	/** ⑦ the body: I. …, II. …, III. … */
	outline: OutlinePart[];
	/** ⑨b "- Sở Giáo dục và Đào tạo (Báo cáo);" … "- Lưu: VT, TCHCQT." */
	recipients: string[];
	/** ⑧–⑩ "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", the name */
	signature: string[];
}

function listPunctuation(lines: string[], prefix = ''): string[] {
	return lines.map((l, i) => `${prefix}${l.replace(/[;.]$/, '')}${i === lines.length - 1 ? '.' : ';'}`);
}

/** The campaign as its document reads, for the actor who may read it (NOT_FOUND otherwise). */
export async function campaignDocument(db: Db, actor: Actor, id: string): Promise<CampaignDocument> {
	const c = await getCampaign(db, actor, id);
	const ancestors = await listOrgAncestors(db, { path: c.orgPath });
	const parentNode = ancestors.at(-2);
	const citations = c.legalBases
		.map((b) => {
			const text = legalBasisText(b, b.campaignId ? c.linkedCampaigns[b.campaignId] : undefined);
			if (!text) return '';
			return `${b.kind === 'campaign' && b.campaignId === c.parentId ? 'Thực hiện' : 'Căn cứ'} ${text}`;
		})
		.filter(Boolean);
	return {
		id: c.id,
		status: c.status,
		governingBody: parentNode ? parentNode.name.toLocaleUpperCase('vi') : '',
		issuer: c.orgName.toLocaleUpperCase('vi'),
		reference: campaignReference(c),
		placeAndDate: campaignPlaceAndDate(c),
		type: 'KẾ HOẠCH',
		summary: c.title,
		citations: listPunctuation(citations),
		introduction: c.introduction.split('\n').filter(Boolean),
		outline: campaignOutline(c),
		recipients: listPunctuation(c.recipients, '- '),
		signature: signerLines(c.signer)
	};
}

/** One row of the campaign list as a spreadsheet shows it (dates dd/mm/yyyy). */
export interface CampaignExportRow {
	reference: string;
	title: string;
	organisation: string;
	year: number;
	startsOn: string;
	endsOn: string;
	status: CampaignStatus;
}

/** The back office's campaign list as spreadsheet rows, under the same rules as `listCampaigns`. */
export async function exportCampaignList(db: Db, actor: Actor, options: CampaignListOptions = {}): Promise<CampaignExportRow[]> {
	return (await listCampaigns(db, actor, options)).map((c) => ({
		reference: campaignReference(c).replace(/^Số: /, ''),
		title: c.title,
		organisation: c.orgName,
		year: c.year,
		startsOn: formatDate(c.startsOn),
		endsOn: formatDate(c.endsOn),
		status: c.status
	}));
}

/** For reports: the plans implementing `parentId`, counted by status (statuses with none left out); no actor, the caller has checked. */
export async function countChildCampaigns(db: Db, parentId: string): Promise<Map<CampaignStatus, number>> {
	return new Map((await countChildCampaignsByStatus(db, parentId)).map((r) => [r.status, r.count]));
}
