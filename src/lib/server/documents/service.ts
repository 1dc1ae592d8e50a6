// The documents domain's one entrance: every use case lives in service/<use-case>.ts and is exported here.
export { renderDocx } from './service/render-docx';
export { renderPdf } from './service/render-pdf';
// Other domains' PDFs (activities' certificates) are set in the same embedded Vietnamese font.
export { renderCertificateSheet, type CertificateSheet } from './service/certificate';
export { registerFonts as registerPdfFonts, FONT_NAMES as PDF_FONT_NAMES } from './service/render-pdf';
// The register: numbering, distribution, the signing hand-off.
export { issueDocument, cancelDocument, getNumberingPolicy, setNumberingPolicy } from './service/numbering';
export { listRegister, listRegisterYears, listRegisterOrgs, getDocument, listCampaignDocuments, type DocumentDetail } from './service/register';
export { matchRecipientOrgs, notifyDocumentRecipients, listInbox, openDocument, listRecipientChoices, INBOX_LIMIT } from './service/distribution';
export { attachSignedPdf, getSignedPdf, pdfHasSignatureDictionary, SIGNED_PDF_MAX_BYTES } from './service/signing';
export { canIssueDocument, canReadRegister, canSetNumberingPolicy, DOCUMENT_ISSUERS, REGISTER_READERS } from './policy';
export type { DocumentRow, NumberingMode, DocumentStatus } from './tables';
