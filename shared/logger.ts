import { Logger } from '@aws-lambda-powertools/logger';

/** One structured JSON logger per cold start; level and service name come from POWERTOOLS_* env. */
export const logger = new Logger({ serviceName: 'kam-api' });
