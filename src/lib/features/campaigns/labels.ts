import { m } from '$lib/paraglide/messages';
import type { CampaignStatus } from './types';

/** The workflow status in the reader's language. */
export const CAMPAIGN_STATUS_LABEL: Record<CampaignStatus, () => string> = {
	draft: m.campaigns_status_draft,
	submitted: m.campaigns_status_submitted,
	approved: m.campaigns_status_approved,
	issued: m.campaigns_status_issued,
	running: m.campaigns_status_running,
	closed: m.campaigns_status_closed
};
