import { jsonDepthExceeds, nulPaths } from './input-guards';

describe('input guards', () => {
  it('measures JSON nesting without parsing, ignoring brackets in strings', () => {
    const b = (s: string) => Buffer.from(s);
    expect(jsonDepthExceeds(b('{"a":[1,{"b":2}]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(b('{"a":[1,{"b":[2]}]}'), 3)).toBe(true);
    expect(jsonDepthExceeds(b('[[[[[]]]]]'), 5)).toBe(false);
    expect(jsonDepthExceeds(b('[[[[[[]]]]]]'), 5)).toBe(true);
    expect(jsonDepthExceeds(b(`{"s":"${'['.repeat(100)}\\"{{{"}`), 2)).toBe(false);
    expect(jsonDepthExceeds(b(`{"名":"[[[","x":${'['.repeat(40)}${']'.repeat(40)}}`), 32)).toBe(true);
    expect(jsonDepthExceeds(b('['.repeat(1_000_000)), 32)).toBe(true); // no stack involved
  });

  it('finds NUL in values and keys at any depth, naming the path', () => {
    expect(nulPaths({ items: [{ listingId: 'x' }], shippingAddress: { name: 'A\u0000B', line1: 'ok' } })).toEqual(['shippingAddress.name']);
    expect(nulPaths({ items: [{ a: 'ok' }, { b: '\u0000' }] })).toEqual(['items[1].b']);
    expect(nulPaths({ ['k\u0000']: 1 })).toEqual(['k\\u0000']);
    expect(nulPaths({ code: '52\u000022' }, 'params')).toEqual(['params.code']);
    expect(nulPaths('a,b\u0000')).toEqual(['body']);
    expect(nulPaths({ a: 'fine', n: 3, z: null })).toEqual([]);
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nulPaths(deep)).toHaveLength(1);
  });
});
