import { initialLoginZone, isCityRole, loginZoneField, showsZoneChoice, zoneHeaderFor, zoneName } from './zones';

const ZONES = [
  { code: 'default', name: '经开区' },
  { code: 'gaoxin', name: '高新区' },
  { code: 'binhai', name: '滨海新区' },
];
const ONE_ZONE = [{ code: 'default', name: '本园区' }];

describe('the login page zone (园区)', () => {
  it('is offered only when the deployment serves several zones', () => {
    expect(showsZoneChoice(ZONES)).toBe(true);
    expect(showsZoneChoice(ONE_ZONE)).toBe(false);
    expect(showsZoneChoice([])).toBe(false);
    expect(showsZoneChoice(undefined)).toBe(false);
  });

  it('starts with the zone remembered when it is still served, else the first (the default zone)', () => {
    expect(initialLoginZone(ZONES, 'gaoxin')).toBe('gaoxin');
    expect(initialLoginZone(ZONES, null)).toBe('default');
    expect(initialLoginZone(ZONES, 'gone')).toBe('default');
    expect(initialLoginZone(ONE_ZONE, 'gaoxin')).toBe('default');
    expect(initialLoginZone([], 'gaoxin')).toBeNull();
    expect(initialLoginZone(undefined, 'gaoxin')).toBeNull();
  });

  it('is sent as `zone` only when there was a choice', () => {
    expect(loginZoneField(ZONES, 'binhai')).toEqual({ zone: 'binhai' });
    expect(loginZoneField(ONE_ZONE, 'default')).toEqual({});
    expect(loginZoneField(undefined, 'default')).toEqual({});
    expect(loginZoneField(ZONES, undefined)).toEqual({});
  });

  it('names a zone by its code, the code itself when no longer listed', () => {
    expect(zoneName(ZONES, 'gaoxin')).toBe('高新区');
    expect(zoneName(ZONES, 'gone')).toBe('gone');
    expect(zoneName(undefined, 'gaoxin')).toBe('gaoxin');
    expect(zoneName(ZONES, null)).toBeNull();
  });
});

describe('X-ZS-Zone on requests', () => {
  const city = { role: 'city_leadership', homeZone: 'default', viewedZone: 'gaoxin' };

  it('only the city role is a city role', () => {
    expect(isCityRole('city_leadership')).toBe(true);
    expect(['zone_leadership', 'admin', 'auditor', 'investment_officer', '', null, undefined].map(isCityRole)).toEqual([false, false, false, false, false, false, false]);
  });

  it('a city role reading the zone it chose sends the header on GET and HEAD', () => {
    expect(zoneHeaderFor({ ...city, method: 'GET', path: '/projects' })).toBe('gaoxin');
    expect(zoneHeaderFor({ ...city, method: 'get', path: '/kpis' })).toBe('gaoxin');
    expect(zoneHeaderFor({ ...city, method: 'HEAD', path: '/tasks' })).toBe('gaoxin');
  });

  it('writes never carry it', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(zoneHeaderFor({ ...city, method, path: '/projects' })).toBeNull();
  });

  it('no header without a chosen zone, or when the chosen zone is the home zone', () => {
    expect(zoneHeaderFor({ ...city, viewedZone: null, method: 'GET', path: '/projects' })).toBeNull();
    expect(zoneHeaderFor({ ...city, viewedZone: undefined, method: 'GET', path: '/projects' })).toBeNull();
    expect(zoneHeaderFor({ ...city, viewedZone: 'default', method: 'GET', path: '/projects' })).toBeNull();
  });

  it('other roles never send it, whatever is stored', () => {
    for (const role of ['zone_leadership', 'investment_officer', 'auditor', 'admin', null]) {
      expect(zoneHeaderFor({ role, homeZone: 'default', viewedZone: 'gaoxin', method: 'GET', path: '/projects' })).toBeNull();
    }
  });

  it("the user's own session and inbox, the zone list and the city-wide table are read without it", () => {
    for (const path of ['/auth/me', '/notifications', '/notifications/unread-count', '/me/notification-preferences', '/zones', '/kpis/city']) {
      expect(zoneHeaderFor({ ...city, method: 'GET', path })).toBeNull();
    }
    // …but a path that merely starts alike is a zone's read.
    expect(zoneHeaderFor({ ...city, method: 'GET', path: '/kpis/cityscape' })).toBe('gaoxin');
    expect(zoneHeaderFor({ ...city, method: 'GET', path: '/kpis/definitions' })).toBe('gaoxin');
  });
});
