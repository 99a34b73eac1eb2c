export const dossierRoutes: Record<string, never> = {};
