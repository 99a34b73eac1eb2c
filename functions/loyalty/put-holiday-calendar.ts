import { changeRoute } from '#shared/http/change-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { setCalendar } from '#shared/usecases/loyalty/settings.ts';

export const handler = changeRoute(careRoutes.putHolidayCalendar, async ({ params, body, ifMatch, audit }) => {
  const { record, created } = await setCalendar(params.year, ifMatch, body, audit);
  return { body: record, created, location: created ? `/v1/holiday-calendars/${params.year}` : undefined };
});
