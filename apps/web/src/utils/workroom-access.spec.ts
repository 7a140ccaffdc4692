import { describe, expect, it } from 'vitest';
import { buildMenu } from '@/app/router/menu';
import { layoutRoutes } from '@/app/router/module-routes';
import type { Role } from '@/graphql/generated/graphql';
import { canWrite, initialTab, visibleTabs } from './workroom-access';

const names = (roles: Role[]) => visibleTabs('legal', roles).map((t) => t.name);
const menuPaths = (roles: Role[]) =>
  buildMenu(layoutRoutes, roles).flatMap((m) => [m.path, ...(m.children ?? []).map((c) => c.path)]);

describe('workroom visibility by role', () => {
  it('gives handlers every tab with the 待办 queue first, and the right to record', () => {
    for (const role of ['LEGAL_OFFICER', 'MEDIATOR', 'COORDINATOR', 'STATION_STAFF', 'RECEPTIONIST'] as Role[]) {
      expect(names([role])[0]).toBe('queue');
      expect(canWrite([role])).toBe(true);
    }
    expect(names(['LEGAL_OFFICER'])).toEqual([
      'queue',
      'consultations',
      'litigation',
      'volunteers',
      'trainings',
      'duty',
      'archive',
    ]);
  });

  it('shows a supervisor the records read-only: no queue, no create or edit', () => {
    expect(names(['SUPERVISOR'])).not.toContain('queue');
    expect(visibleTabs('mediation', ['SUPERVISOR']).map((t) => t.name)).toEqual(['case']);
    expect(canWrite(['SUPERVISOR'])).toBe(false);
  });

  it('opens the requested tab only when the role may see it', () => {
    expect(initialTab('litigationLink', ['COORDINATOR'], 'experts')).toBe('experts');
    expect(initialTab('litigationLink', ['SUPERVISOR'], 'queue')).toBe('referrals');
    expect(initialTab('legal', ['MEDIATOR'], undefined)).toBe('queue');
    expect(initialTab('legal', [], 'queue')).toBeNull();
  });

  it('lists the three workrooms in the menu for case staff, and org/rule administration for ADMIN only', () => {
    const workrooms = ['/workrooms/legal', '/workrooms/mediation', '/workrooms/litigation-link'];
    expect(menuPaths(['MEDIATOR'])).toEqual(expect.arrayContaining(workrooms));
    expect(menuPaths(['SUPERVISOR'])).toEqual(expect.arrayContaining(workrooms));
    expect(menuPaths(['ADMIN'])).toEqual(expect.arrayContaining(['/admin/org-units', '/admin/rule-sets']));
    for (const role of ['DIRECTOR', 'RECEPTIONIST', 'SUPERVISOR', 'MEDIATOR'] as Role[]) {
      expect(menuPaths([role])).not.toContain('/admin/org-units');
      expect(menuPaths([role])).not.toContain('/admin/rule-sets');
    }
  });
});
