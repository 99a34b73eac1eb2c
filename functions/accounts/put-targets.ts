import { changeRoute } from '#shared/http/change-handler.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import { accountLocation, setTargets } from '#shared/usecases/accounts.ts';

export const handler = changeRoute(accountRoutes.putAccountTargets, async ({ caller, params, body, ifMatch, audit }) => {
  const { targets, created } = await setTargets(caller, params.id, params.year, ifMatch, body, audit);
  return { body: targets, created, location: created ? `${accountLocation(params.id)}/targets/${params.year}` : undefined };
});
