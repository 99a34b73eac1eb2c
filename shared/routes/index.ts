import type { RouteDefinition } from '#shared/http/route.ts';
import { accountRoutes } from '#shared/routes/accounts.ts';
import { businessRoutes } from '#shared/routes/business.ts';
import { disputeRoutes } from '#shared/routes/disputes.ts';
import { dossierRoutes } from '#shared/routes/dossier.ts';
import { careRoutes } from '#shared/routes/care.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { metaRoutes } from '#shared/routes/meta.ts';
import { oversightRoutes } from '#shared/routes/oversight.ts';
import { payDeskRoutes } from '#shared/routes/pay-desk.ts';
import { payRoutes } from '#shared/routes/pay.ts';
import { staffRoutes } from '#shared/routes/staff.ts';
import { upkeepRoutes } from '#shared/routes/upkeep.ts';

/** The route catalogue: the one list the API, the local gateway and the OpenAPI document use. */
export const catalogue: readonly RouteDefinition[] = [
  ...Object.values(metaRoutes),
  ...Object.values(staffRoutes),
  ...Object.values(accountRoutes),
  ...Object.values(businessRoutes),
  ...Object.values(disputeRoutes),
  ...Object.values(upkeepRoutes),
  ...Object.values(dossierRoutes),
  ...Object.values(oversightRoutes),
  ...Object.values(loyaltyRoutes),
  ...Object.values(careRoutes),
  ...Object.values(payRoutes),
  ...Object.values(payDeskRoutes),
];
