import * as z from 'zod';
import { defineRoute } from '#shared/http/route.ts';

export const metaRoutes = {
  getOpenApi: defineRoute({
    id: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    handler: 'meta/get-openapi',
    summary: 'This API’s OpenAPI 3.1 document',
    tag: 'Meta',
    auth: 'public',
    tableAccess: 'none',
    response: { status: 200, schema: z.record(z.string(), z.unknown()), description: 'The OpenAPI document' },
  }),
};
