import { changeRoute } from '#shared/http/change-handler.ts';
import * as dossierRoutes from '#shared/routes/dossier.ts';
import { editDossierEntry } from '#shared/usecases/dossier.ts';

export const handler = changeRoute(dossierRoutes.editDossierEntry, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await editDossierEntry(caller, params.id, params.entryId, ifMatch, body, audit),
}));
