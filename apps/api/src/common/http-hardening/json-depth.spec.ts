import { jsonDepthExceeds } from './json-depth';

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

describe('jsonDepthExceeds', () => {
  it('accepts up to the limit and refuses one level more, for arrays, objects and a mix', () => {
    expect(jsonDepthExceeds(nested(32), 32)).toBe(false);
    expect(jsonDepthExceeds(nested(33), 32)).toBe(true);
    expect(jsonDepthExceeds(nestedObjects(32), 32)).toBe(false);
    expect(jsonDepthExceeds(nestedObjects(33), 32)).toBe(true);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
  });

  it('counts depth, not the number of containers', () => {
    expect(jsonDepthExceeds(JSON.stringify(Array.from({ length: 10_000 }, () => ({ a: [1] }))), 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(JSON.stringify({ text: '[[[[{{{{' }), 1)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ text: 'say \\"[[[[\\" and "{{{{"' }), 1)).toBe(false);
    expect(jsonDepthExceeds('{"a\\\\":[[1]]}', 2)).toBe(true);
  });

  it('handles a 2,000-deep and a 100,000-deep text without recursion', () => {
    expect(jsonDepthExceeds(nested(2000), 32)).toBe(true);
    expect(jsonDepthExceeds('['.repeat(100_000), 32)).toBe(true);
    expect(jsonDepthExceeds('"x"', 32)).toBe(false);
  });
});
