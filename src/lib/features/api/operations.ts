import type { Operation } from './openapi';
import { campaignOperations } from './paths-campaigns';
import { orgOperations } from './paths-org';
import { activityOperations } from './paths-activities';
import { maturityOperations } from './paths-maturity';
import { quizOperations } from './paths-quizzes';

/** Every operation of /api/v1; the routes under src/routes/api/v1 implement exactly these. */
export const apiOperations: Operation[] = [...campaignOperations, ...orgOperations, ...activityOperations, ...maturityOperations, ...quizOperations];
