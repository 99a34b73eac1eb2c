import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { forumCompliance } from '#shared/usecases/loyalty/forum.ts';

export const handler = httpRoute(careRoutes.getForumCompliance, async ({ query }) => ({ body: await forumCompliance(query.year) }));
