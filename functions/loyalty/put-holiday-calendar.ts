import { httpRoute } from '#shared/http/handler.ts';
import { careRoutes } from '#shared/routes/care.ts';
import { setCalendar } from '#shared/usecases/loyalty/settings.ts';

export const handler = httpRoute(careRoutes.putHolidayCalendar, async ({ params, body, ifMatch, audit }) => {
  const { record, created } = await setCalendar(params.year, ifMatch, body, audit);
  return { body: record, created, location: created ? `/v1/holiday-calendars/${params.year}` : undefined };
});
