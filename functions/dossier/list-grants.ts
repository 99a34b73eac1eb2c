import { httpRoute } from '#shared/http/handler.ts';
import * as dossierRoutes from '#shared/routes/dossier.ts';
import { findDossierGrants } from '#shared/usecases/dossier.ts';

export const handler = httpRoute(dossierRoutes.listDossierGrants, async ({ params, query }) => ({
  body: await findDossierGrants(params.id, query),
}));
