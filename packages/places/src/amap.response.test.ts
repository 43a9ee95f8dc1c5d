import { describe, expect, it } from 'vitest';
import { type AmapRegeoAnswer, partsFromRegeo, roadRef } from './amap.response.js';
import { placeText } from './place-words.js';

const KNOWN = [
  { code: 'G2', name: '京沪高速' },
  { code: 'G3', name: '京台高速' },
];

const answer = (
  addressComponent: NonNullable<AmapRegeoAnswer['regeocode']>['addressComponent'],
  roads: NonNullable<AmapRegeoAnswer['regeocode']>['roads'] = [],
): AmapRegeoAnswer => ({
  status: '1',
  info: 'OK',
  infocode: '10000',
  regeocode: { addressComponent, roads },
});

describe('X5 reading AMap regeo answers', () => {
  it('X5: the nearest road within reach wins; farther roads and far street numbers are not the truck’s', () => {
    const parts = partsFromRegeo(
      answer(
        {
          province: '山东省',
          city: '济南市',
          district: '历城区',
          streetNumber: { street: '经十路', distance: '620' },
        },
        [
          { name: '经十东路', distance: '640.5' },
          { name: 'G2京沪高速', distance: '120.0' },
          { name: '港沟立交', distance: [] },
        ],
      ),
      500,
      KNOWN,
    );
    expect(parts).toEqual({
      road: { code: 'G2', name: '京沪高速' },
      county: '历城区',
      city: '济南市',
      province: '山东省',
    });
    const none = partsFromRegeo(
      answer({
        province: '山东省',
        city: '济南市',
        district: '历城区',
        streetNumber: { street: '经十路', distance: '620' },
      }),
      500,
      KNOWN,
    );
    expect(none?.road).toBeNull();
  });

  it('X5: expressway names get their codes, with or without the code and the 公路 suffix', () => {
    expect(roadRef('G3京台高速', KNOWN)).toEqual({ code: 'G3', name: '京台高速' });
    expect(roadRef('S1 济青高速', KNOWN)).toEqual({ code: 'S1', name: '济青高速' });
    expect(roadRef('京台高速公路', KNOWN)).toEqual({ code: 'G3', name: '京台高速' });
    expect(roadRef('和平路', KNOWN)).toEqual({ code: null, name: '和平路' });
  });

  it('X5: [] for an empty value: a city without districts, a county-level city under its province', () => {
    const dongguan = partsFromRegeo(answer({ province: '广东省', city: '东莞市', district: [] }), 500, KNOWN);
    expect(dongguan).toMatchObject({ city: '东莞市', county: null });
    expect(placeText(dongguan!, 23, 113.7)).toBe('东莞市附近');
    const jiyuan = partsFromRegeo(answer({ province: '河南省', city: [], district: '济源市' }), 500, KNOWN);
    expect(jiyuan).toMatchObject({ city: null, county: '济源市', province: '河南省' });
    expect(placeText(jiyuan!, 35, 112.6)).toBe('济源市附近');
    expect(partsFromRegeo(answer({ province: [], city: [], district: [] }), 500, KNOWN)).toBeNull();
  });
});
