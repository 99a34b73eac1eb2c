import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { readCalendar } from '#shared/usecases/loyalty/settings.ts';

export const handler = httpRoute(careRoutes.getHolidayCalendar, async ({ params }) => ({ body: await readCalendar(params.year) }));
