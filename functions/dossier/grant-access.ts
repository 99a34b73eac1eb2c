import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as dossierRoutes from '#shared/routes/dossier.ts';
import { dossierGrantLocation, grantDossierAccess } from '#shared/usecases/dossier.ts';

export const handler = idempotentRoute(dossierRoutes.grantDossierAccess, async ({ params, body, audit }) => {
  const grant = await grantDossierAccess(params.id, body, audit);
  return { body: grant, location: dossierGrantLocation(grant) };
});
