import { httpRoute } from '#shared/http/handler.ts';
import * as dossierRoutes from '#shared/routes/dossier.ts';
import { readDossierEntry } from '#shared/usecases/dossier.ts';

export const handler = httpRoute(dossierRoutes.getDossierEntry, async ({ params, caller, audit }) => ({
  body: await readDossierEntry(caller, params.id, params.entryId, audit),
}));
