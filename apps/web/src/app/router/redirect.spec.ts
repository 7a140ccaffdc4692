import { describe, expect, it } from 'vitest';
import { HOME_PATH } from './constants';
import { landingPath, safeRedirect, STATS_HOME_PATH } from './redirect';

describe('landing page (首页) by role', () => {
  it('sends directors and supervisors to their statistics overview', () => {
    expect(landingPath(['DIRECTOR'])).toBe(STATS_HOME_PATH);
    expect(landingPath(['SUPERVISOR'])).toBe(STATS_HOME_PATH);
    expect(landingPath(['RECEPTIONIST', 'DIRECTOR'])).toBe(STATS_HOME_PATH);
  });

  it('keeps operators, stations and administrators on the workbench', () => {
    for (const roles of [
      ['RECEPTIONIST'],
      ['STATION_STAFF'],
      ['MEDIATOR', 'LEGAL_OFFICER'],
      ['ADMIN'],
      ['ADMIN', 'DIRECTOR'],
      [],
    ] as const)
      expect(landingPath(roles)).toBe(HOME_PATH);
  });

  it('follows only same-app paths after sign-in', () => {
    expect(safeRedirect('/cases')).toBe('/cases');
    expect(safeRedirect('//evil.example')).toBe(HOME_PATH);
    expect(safeRedirect(undefined)).toBe(HOME_PATH);
  });
});
