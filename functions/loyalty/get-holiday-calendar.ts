import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { readCalendar } from '#shared/usecases/loyalty/settings.ts';

export const handler = httpRoute(loyaltyRoutes.getHolidayCalendar, async ({ params }) => ({ body: await readCalendar(params.year) }));
