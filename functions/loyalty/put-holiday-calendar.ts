import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { setCalendar } from '#shared/usecases/loyalty/settings.ts';

export const handler = httpRoute(loyaltyRoutes.putHolidayCalendar, async ({ params, body, ifMatch, audit }) => {
  const { record, created } = await setCalendar(params.year, ifMatch, body, audit);
  return { body: record, created, location: created ? `/v1/holiday-calendars/${params.year}` : undefined };
});
