// The campaigns domain's one entrance: every use case lives in service/<use-case>.ts and is exported here.
export { createCampaign, updateCampaign, cloneCampaign, sanitizeSectionHtml, shiftYearMentions } from './service/edit-campaign';
export {
	submitCampaign,
	approveCampaign,
	returnCampaign,
	issueCampaign,
	startCampaign,
	closeCampaign,
	availableCampaignActions
} from './service/campaign-workflow';
export {
	getCampaign,
	listChildCampaigns,
	listPublicCampaigns,
	listCampaigns,
	listParentCandidates,
	type CampaignDetail,
	type CampaignListOptions,
	type CampaignWithOrg,
	type CampaignSummaryWithPath
} from './service/read-campaigns';
export { CAMPAIGN_ACTION_ROLES, type CampaignResource } from './policy';
export type { CampaignRow, CampaignStatus } from './tables';
