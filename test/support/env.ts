import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { handlerEnv } from '#local/settings.ts';

// Before any handler module is imported (shared/config.ts reads these at import):
// a table of this test file's own, in the run's DynamoDB Local.
Object.assign(process.env, handlerEnv(inject('dynamoEndpoint'), `test-${randomUUID()}`), {
  LOG_LEVEL: 'SILENT',
});
