import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as staffRoutes from '#shared/routes/staff.ts';
import { rerunSignInSync } from '#shared/usecases/sign-in.ts';

export const handler = idempotentRoute(staffRoutes.rerunSignInSync, async ({ params, audit }) => ({
  body: await rerunSignInSync(params.id, audit),
}));
