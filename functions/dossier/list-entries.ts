import { httpRoute } from '#shared/http/handler.ts';
import * as dossierRoutes from '#shared/routes/dossier.ts';
import { readDossier } from '#shared/usecases/dossier.ts';

export const handler = httpRoute(dossierRoutes.listDossier, async ({ params, query, caller, audit }) => ({
  body: await readDossier(caller, params.id, query, audit),
}));
