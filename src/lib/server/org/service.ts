// The organisation domain (M3): the tree of nodes, people, roles granted on nodes, and imports
// of units and staff lists. Other domains and routes enter it here; the use cases live in
// service/<use-case>.ts.
export {
	createOrgNode,
	getOrgNode,
	findOrgNode,
	listOrgNodesByIds,
	listOrgAncestors,
	updateOrgNode,
	deleteOrgNode,
	listOrgTree,
	listOrgNodesInRoleScope,
	type OrgTreeItem
} from './service/org-nodes';
export { createPerson, getPerson, updatePerson, deletePerson, listPeople, findPersonByUserId, linkPersonToUser, PEOPLE_PAGE_SIZE, type PeoplePage, type PersonWithUnit } from './service/people';
export { grantRole, revokeRole, listGrants, loadActorGrants, type GrantWithNames } from './service/role-grants';
export { listUnitLeaderContacts, type UnitLeaderContact } from './service/unit-leaders';
export { previewImport, confirmImport, discardImport, getImport, listImports, type ImportSummary } from './service/imports';
// Pure permission checks, for pages that show or hide buttons (the services check them again).
export { canSeeOrgNode, canManageOrgNode, canCreateOrgNode, canDeleteOrgNode, canReadPeople, canManagePeople, canManageGrants, canImportInto } from './policy';
export type { OrgNodeRow, PersonRow, RoleGrantRow, ImportBatchRow, ImportRow, ImportResult, OrgKind, Role } from './tables';
// Head counts of a subtree, for domains that compare participation with the people recorded (quiz results by unit).
export { countPeopleByOrgUnit, listOrgUnitsUnder, type OrgUnitOutline } from './export';
// The spreadsheet reader of the org imports, for other domains' imports (quiz questions).
export { readUploadRows, findHeader, rowsToRecords, type UploadRow, type HeaderMatch } from './service/read-upload';
