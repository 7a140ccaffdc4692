import type { RouteRecordRaw } from 'vue-router';

// Route modules per area: every src/modules/<area>/routes.ts exports `routes`.
// Views inside them are lazy (one chunk per page); the records themselves are tiny.
// Kept apart from routes.ts so the layout can build its menu without importing the router table that loads it.
const modules = import.meta.glob<{ routes: RouteRecordRaw[] }>('../../modules/*/routes.ts', { eager: true });

const moduleRoutes = Object.values(modules).flatMap((m) => m.routes);

/** Records rendered inside the console layout; the sidebar is built from these. */
export const layoutRoutes: RouteRecordRaw[] = moduleRoutes
  .filter((r) => !r.meta?.blank)
  .sort((a, b) => (a.meta?.order ?? 100) - (b.meta?.order ?? 100));

/** Records rendered without the layout (sign-in and the like). */
export const blankRoutes = moduleRoutes.filter((r) => r.meta?.blank);
