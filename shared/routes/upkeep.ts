export const upkeepRoutes: Record<string, never> = {};
