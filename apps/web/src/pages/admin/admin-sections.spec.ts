import { ADMIN_SECTIONS, sectionOfPath } from './admin-sections';

describe('sectionOfPath', () => {
  it('reads the section from the path below /admin', () => {
    expect(sectionOfPath('calendar')).toBe('calendar');
    expect(sectionOfPath('/imports/')).toBe('imports');
    expect(sectionOfPath('sla/extra')).toBe('sla');
  });

  it('falls back to the first section for /admin itself and for unknown sections', () => {
    expect(sectionOfPath(undefined)).toBe(ADMIN_SECTIONS[0]);
    expect(sectionOfPath('')).toBe('users');
    expect(sectionOfPath('secrets')).toBe('users');
  });
});
