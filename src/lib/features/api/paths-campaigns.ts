import type { Operation } from './openapi';

/** Filled by the campaigns API. */
export const campaignOperations: Operation[] = [];
