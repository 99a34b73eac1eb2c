import type { RouteDefinition } from '#shared/http/route.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import * as disputeRoutes from '#shared/routes/disputes.ts';
import * as dossierRoutes from '#shared/routes/dossier.ts';
import * as careRoutes from '#shared/routes/care.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import * as metaRoutes from '#shared/routes/meta.ts';
import * as oversightRoutes from '#shared/routes/oversight.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import * as staffRoutes from '#shared/routes/staff.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { built } from '#shared/built.ts';

/** The route catalogue: the one list the API, the local gateway and the OpenAPI document use. */
export const catalogue: readonly RouteDefinition[] = /* @__PURE__ */ built(() => [
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
]);
