// The library domain (M10, M15): learning resources, learning paths per learner group, learning
// records and the "Công dân học tập" self-check. Other domains and routes enter here; the use
// cases live in service/<use-case>.ts.
export { createResource, updateResource, RESOURCE_MAX_BYTES, RESOURCE_FILE_KINDS, type ResourceUpload } from './service/edit-resource';
export { searchLibrary, getResource, listManagedResources, readResourceFile, type ResourcePage } from './service/read-resources';
export { saveLearningPath, listLearningPaths, listManagedPaths, type LearningPathView } from './service/learning-paths';
export { recordLearning, findMyRecord, getMyLearning, saveSelfCheck, getSelfCheck, currentYear, type LearningLog } from './service/learning-records';
export { getLearningReport, UNLINKED, type LearningReport, type SelfLearner } from './service/learning-totals';
export { orgsInScope as listLibraryOrgs } from './service/library-context';
export { RESOURCE_EDITORS, PATH_CURATORS, LEARNING_READERS } from './policy';
export type { LibraryResourceRow, LearningPathRow, LearningRecordRow, CitizenSelfCheckRow } from './tables';
// Read models other domains measure from (maturity's automatic criteria).
export { listCampaignLearnerMinutes } from './export';
