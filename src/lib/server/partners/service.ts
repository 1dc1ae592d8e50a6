// The partners domain (M12): partner organisations of an agency with their contacts and what they
// gave (sponsorships), and the public directory of free educational apps for children. Other
// domains and routes enter here; the use cases live in service/<use-case>.ts. Training classes are
// activities (the activities domain), which ask here which partner an account acts for.
export { createPartner, updatePartner, addPartnerContact, removePartnerContact, listPartnerAgencyOptions, partnerNodeKind } from './service/manage-partners';
export { listPartners, getPartner, partnersOfActor, findPartnerRow, type PartnerDetail } from './service/read-partners';
export { recordSponsorship, listSponsorships, listSponsorshipCampaigns } from './service/record-sponsorship';
export { proposeEduApp, reviewEduApp, listPublicEduApps, listEduAppsForReview, listMyEduApps, listEduAppProposalOrgs } from './service/edu-apps';
// Pure permission checks, for pages that show or hide links (the services check them again).
export { canReadPartner, canManagePartner, canRecordSponsorship, isPartnerAccount, reviewsEduApps, type PartnerResource } from './policy';
export type { PartnerRow, PartnerContactRow, SponsorshipRow, EduAppRow, PartnerKind } from './tables';
