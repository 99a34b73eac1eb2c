import { httpRoute } from '#shared/http/handler.ts';
import * as dossierRoutes from '#shared/routes/dossier.ts';
import { readDossierEntryVersions } from '#shared/usecases/dossier.ts';

export const handler = httpRoute(dossierRoutes.listDossierEntryVersions, async ({ params, query, caller, audit }) => ({
  body: await readDossierEntryVersions(caller, params.id, params.entryId, query, audit),
}));
