// The reports domain's one entrance: every use case lives in service/<use-case>.ts and is exported here.
export { computeCampaignStatistics } from './service/statistics';
export { getReport, saveReport, submitReport, reportDocument, reportWithStatistics, buildReportDocument, listAddresseeChoices, reportSummary } from './service/report';
export { getRollup, listRollupCampaigns, type Rollup, type RollupRow } from './service/rollup';
export { REPORT_READERS, REPORT_WRITERS, ROLLUP_READERS, canReadReport, canWriteReport, canReadRollup } from './policy';
export type { CampaignReportRow, ReportStatus } from './tables';
