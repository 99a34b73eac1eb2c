export const disputeRoutes: Record<string, never> = {};
