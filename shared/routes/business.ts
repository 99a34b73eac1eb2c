export const businessRoutes: Record<string, never> = {};
