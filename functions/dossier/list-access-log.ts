import { httpRoute } from '#shared/http/handler.ts';
import * as dossierRoutes from '#shared/routes/dossier.ts';
import { findDossierAccessLog } from '#shared/usecases/dossier.ts';

export const handler = httpRoute(dossierRoutes.listDossierAccessLog, async ({ params, query }) => ({
  body: await findDossierAccessLog(params.id, query),
}));
