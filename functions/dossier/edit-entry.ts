import { httpRoute } from '#shared/http/handler.ts';
import { dossierRoutes } from '#shared/routes/dossier.ts';
import { editDossierEntry } from '#shared/usecases/dossier.ts';

export const handler = httpRoute(dossierRoutes.editDossierEntry, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await editDossierEntry(caller, params.id, params.entryId, ifMatch, body, audit),
}));
