import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as dossierRoutes from '#shared/routes/dossier.ts';
import { addDossierEntry, dossierEntryLocation } from '#shared/usecases/dossier.ts';

export const handler = idempotentRoute(dossierRoutes.addDossierEntry, async ({ params, body, caller, audit }) => {
  const entry = await addDossierEntry(caller, params.id, body, audit);
  return { body: entry, location: dossierEntryLocation(entry.accountId, entry.id) };
});
