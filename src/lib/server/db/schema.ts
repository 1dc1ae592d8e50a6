// The one aggregator of tables: drizzle-kit reads it, and so do both drivers.
export * from '../auth/tables';
export * from '../org/tables';
export * from '../campaigns/tables';
export * from '../audit/tables';
export * from '../notifications/tables';
export * from '../jobs/tables';
export * from '../tasks/tables';
export * from '../documents/tables';
export * from '../reports/tables';
export * from '../idempotency/tables';
export * from '../localities/tables';
export * from '../partners/tables';
export * from '../activities/tables';
export * from '../news/tables';
export * from '../community/tables';
export * from '../library/tables';
export * from '../quizzes/tables';
