export const oversightRoutes: Record<string, never> = {};
