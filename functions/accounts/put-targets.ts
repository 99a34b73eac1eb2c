import { httpRoute } from '#shared/http/handler.ts';
import { accountRoutes } from '#shared/routes/accounts.ts';
import { accountLocation, setTargets } from '#shared/usecases/accounts.ts';

export const handler = httpRoute(accountRoutes.putAccountTargets, async ({ caller, params, body, ifMatch, audit }) => {
  const { targets, created } = await setTargets(caller, params.id, params.year, ifMatch, body, audit);
  return { body: targets, created, location: created ? `${accountLocation(params.id)}/targets/${params.year}` : undefined };
});
