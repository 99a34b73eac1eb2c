import { publicRoute } from '#shared/http/public-handler.ts';
import { buildOpenApi } from '#shared/openapi.ts';
import * as metaRoutes from '#shared/routes/meta.ts';

/** Built once per cold start: the document only changes with a deployment. */
const document = buildOpenApi();

export const handler = publicRoute(metaRoutes.getOpenApi, async () => ({ body: document }));
