import { findZone, parseZones, zoneCheckpointFile, zoneOf } from './zones';

describe('zones', () => {
  it('is the one default zone (schema public, the configured namespace) when ZONES is unset or blank', () => {
    for (const spec of [undefined, '', '  ']) {
      expect(parseZones(spec, 'zs')).toEqual({ ok: true, zones: [{ code: 'default', name: '本园区', schema: 'public', namespace: 'zs' }] });
    }
  });

  it('gives every other zone a schema and a namespace of its own, in the order listed', () => {
    const parsed = parseZones('jingkai:经开区, gaoxin:高新区,default:市本级', 'zs');
    expect(parsed).toEqual({
      ok: true,
      zones: [
        { code: 'jingkai', name: '经开区', schema: 'zone_jingkai', namespace: 'zs-jingkai' },
        { code: 'gaoxin', name: '高新区', schema: 'zone_gaoxin', namespace: 'zs-gaoxin' },
        { code: 'default', name: '市本级', schema: 'public', namespace: 'zs' },
      ],
    });
  });

  it('names the code when a name is left out', () => {
    expect(parseZones('gaoxin', 'zs')).toEqual({ ok: true, zones: [zoneOf('gaoxin', 'gaoxin', 'zs')] });
  });

  it('refuses codes that could not be a schema or namespace name, and duplicates, naming each entry', () => {
    const parsed = parseZones('Gaoxin:高新区,gaoxin:高新区,gaoxin:又一个,1a:x,a-b:y,' + 'a'.repeat(31), 'zs');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(5);
    expect(parsed.problems[0]).toContain('"Gaoxin:高新区"');
    expect(parsed.problems[1]).toContain('listed twice');
    expect(parsed.problems.join('\n')).toContain('"a-b:y"');
  });

  it('finds a configured zone by code and nothing else', () => {
    const zones = [zoneOf('gaoxin', '高新区', 'zs')];
    expect(findZone(zones, 'gaoxin')?.schema).toBe('zone_gaoxin');
    expect(findZone(zones, 'jingkai')).toBeNull();
    expect(findZone(zones, undefined)).toBeNull();
  });

  it("keeps each zone's checkpoints in a file of its own beside the configured one", () => {
    const [def, gaoxin] = [zoneOf('default', '本园区', 'zs'), zoneOf('gaoxin', '高新区', 'zs')];
    expect(zoneCheckpointFile('/data/audit/checkpoints.jsonl', def)).toBe('/data/audit/checkpoints.jsonl');
    expect(zoneCheckpointFile('/data/audit/checkpoints.jsonl', gaoxin)).toBe('/data/audit/checkpoints.gaoxin.jsonl');
    expect(zoneCheckpointFile('/data/a.b/checkpoints', gaoxin)).toBe('/data/a.b/checkpoints.gaoxin');
    expect(zoneCheckpointFile('/data/.checkpoints', gaoxin)).toBe('/data/.checkpoints.gaoxin');
  });
});
