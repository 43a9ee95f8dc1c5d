import { describe, expect, it } from 'vitest';
import {
  PROVINCES,
  platePrefix,
  prefixAliases,
  regionOfPlate,
  regionOfPrefix,
  SHANDONG_CITIES,
  SHANDONG_REGIONS,
} from './plate-city.js';

const cityOf = (plate: string) => regionOfPlate(plate).city;

describe('X4 plate → city', () => {
  it("Shandong's plate letters, the second letters of two-letter cities included", () => {
    const expected: Record<string, string> = {
      鲁A: '济南市',
      鲁S: '济南市',
      鲁B: '青岛市',
      鲁U: '青岛市',
      鲁C: '淄博市',
      鲁D: '枣庄市',
      鲁E: '东营市',
      鲁F: '烟台市',
      鲁Y: '烟台市',
      鲁G: '潍坊市',
      鲁V: '潍坊市',
      鲁H: '济宁市',
      鲁J: '泰安市',
      鲁K: '威海市',
      鲁L: '日照市',
      鲁M: '滨州市',
      鲁N: '德州市',
      鲁P: '聊城市',
      鲁Q: '临沂市',
      鲁W: '临沂市',
      鲁R: '菏泽市',
    };
    for (const [prefix, city] of Object.entries(expected)) {
      expect(cityOf(`${prefix}12345`), prefix).toBe(city);
      expect(regionOfPlate(`${prefix}12345`).province, prefix).toBe('山东省');
    }
    // Every letter of the table is above, and no letter belongs to two cities.
    const letters = SHANDONG_CITIES.flatMap((c) => [...c.letters]);
    expect(letters.map((l) => `鲁${l}`).sort()).toEqual(Object.keys(expected).sort());
    expect(new Set(letters).size).toBe(letters.length);
  });

  it('16 Shandong cities in plate order; a region of several letters is keyed by its first', () => {
    expect(SHANDONG_REGIONS).toHaveLength(16);
    expect(SHANDONG_REGIONS[0]).toEqual({
      key: '鲁A',
      province: '山东省',
      city: '济南市',
      platePrefixes: ['鲁A', '鲁S'],
    });
    expect(SHANDONG_CITIES[0]?.en).toBe('Jinan');
    expect(regionOfPlate('鲁U12345')).toBe(regionOfPlate('鲁B12345'));
    expect(regionOfPrefix('鲁B')).toBe(regionOfPrefix('鲁U'));
  });

  it('new-energy plates (8 characters) and lower-case letters', () => {
    expect(cityOf('鲁AD12345')).toBe('济南市');
    expect(cityOf('鲁q12345')).toBe('临沂市');
    expect(platePrefix('鲁q12345')).toBe('鲁Q');
  });

  it('municipalities: every letter is the one city', () => {
    for (const plate of ['京A12345', '京Q12345'])
      expect(regionOfPlate(plate)).toEqual({
        key: '京',
        province: '北京市',
        city: '北京市',
        platePrefixes: ['京'],
      });
    expect(cityOf('沪C12345')).toBe('上海市');
    expect(cityOf('津B12345')).toBe('天津市');
    expect(cityOf('渝D12345')).toBe('重庆市');
  });

  it('other provinces: province by the first character, the prefix itself as the city', () => {
    expect(regionOfPlate('苏E12345')).toEqual({
      key: '苏E',
      province: '江苏省',
      city: '苏E',
      platePrefixes: ['苏E'],
    });
    expect(regionOfPlate('冀A12345').province).toBe('河北省');
    expect(regionOfPlate('新A12345').province).toBe('新疆维吾尔自治区');
    expect(regionOfPlate('鲁O12345')).toMatchObject({ province: '山东省', city: '鲁O' });
    expect(Object.keys(PROVINCES)).toHaveLength(31);
  });

  it('no province: null, the prefix as the city', () => {
    expect(regionOfPlate('使014578')).toEqual({
      key: '使0',
      province: null,
      city: '使0',
      platePrefixes: ['使0'],
    });
    expect(regionOfPlate('"Z123')).toMatchObject({ key: '"Z', province: null, city: '"Z' });
    expect(regionOfPlate('')).toMatchObject({ key: '', province: null });
  });

  it('prefix aliases map every non-key prefix to its region key, never a key to itself', () => {
    const aliases = new Map(prefixAliases());
    expect(aliases.get('鲁S')).toBe('鲁A');
    expect(aliases.get('鲁U')).toBe('鲁B');
    expect(aliases.get('鲁W')).toBe('鲁Q');
    expect(aliases.get('京A')).toBe('京');
    expect(aliases.has('鲁A')).toBe(false);
    expect(aliases.has('苏E')).toBe(false);
    for (const [prefix, key] of aliases) expect(regionOfPrefix(prefix).key, prefix).toBe(key);
    for (const key of new Set(aliases.values())) expect(regionOfPrefix(key).key).toBe(key);
  });
});
