import { describe, expect, it } from 'vitest';
import { formatFromPath, formatIssue, parseRegistry, parseRegistryCsv, parseRegistryJson } from './parse.js';
import { RegistryFormatError } from './types.js';

const VEHICLE_HEADER =
  'plate_number,plate_color,transport_cert_no,vin,carrier_id,transport_cert_expires_on,is_freight';
const VIN1 = 'LZZ1CLVB8FA000001'; // check digit 8 is right
const vehicleLine = (
  plate: string,
  extra: Partial<Record<'color' | 'cert' | 'vin' | 'date' | 'freight', string>> = {},
) =>
  [
    plate,
    extra.color ?? '2',
    extra.cert ?? '370100123456',
    extra.vin ?? VIN1,
    'carrier-jinan-01',
    extra.date ?? '2027-01-31',
    extra.freight ?? '',
  ].join(',');

describe('registry CSV', () => {
  it('reads a vehicle file with a BOM and CRLF line ends into normalised rows', () => {
    const text = `\uFEFF${VEHICLE_HEADER}\r\n${vehicleLine('鲁ａ·12345')}\r\n${vehicleLine('鲁B54321', { freight: 'false', date: '' })}\r\n`;
    const r = parseRegistryCsv(Buffer.from(text, 'utf8'));
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(2);
    expect(r.vehicles).toEqual([
      {
        plateNumber: '鲁A12345',
        plateColor: 2,
        transportCertNo: '370100123456',
        vin: VIN1,
        carrierId: 'carrier-jinan-01',
        transportCertExpiresOn: '2027-01-31',
        isFreight: true,
      },
      expect.objectContaining({ plateNumber: '鲁B54321', transportCertExpiresOn: null, isFreight: false }),
    ]);
  });

  it('reports every bad row with the file line where it starts, and keeps the good rows', () => {
    const text = [
      VEHICLE_HEADER, // 1
      vehicleLine('鲁A00001'), // 2
      '', // 3 blank: skipped, still counted as a line
      vehicleLine('鲁A00002', { vin: 'LZZ1CLVB8FA00000' }), // 4 VIN too short
      `"鲁A\n00003",2,370100123456,${VIN1},carrier-jinan-01,2027-01-31,`, // 5-6 a quoted line break
      vehicleLine('鲁A00004', { color: '7', date: '2026-02-30' }), // 7 two bad fields
      vehicleLine('鲁Ａ00001'), // 8 the plate of line 2 again
      'short,row', // 9
      ',,,,,,', // 10 all empty: skipped
      vehicleLine('鲁A00005'), // 11
    ].join('\n');
    const r = parseRegistryCsv(text);
    expect(r.vehicles.map((v) => v.plateNumber)).toEqual(['鲁A00001', '鲁A00003', '鲁A00005']);
    expect(r.rows).toBe(7);
    expect(r.rejected).toBe(4);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'vin'],
      [7, 'plate_color'],
      [7, 'transport_cert_expires_on'],
      [8, 'plate_number'],
      [9, '(row)'],
    ]);
    expect(formatIssue(r.errors[0] as never)).toBe('line 4 vin: must be 17 characters, got 16');
    expect(r.errors[3]?.reason).toBe('duplicate plate_number + plate_color (first at line 2)');
  });

  it('reads a driver file, told by its header, without echoing personal data in errors', () => {
    const text = [
      'Driver_ID, qualification_cert_no ,qualification_cert_expires_on,name,phone',
      'driver-0001,370102201501011234,2030-05-01,张建国,138 0000 0001',
      'driver-0002,370102201501011235,,王德明,1380000000',
      'driver-0003,12,2030-05-01,李志强,13800000003',
      'driver-0001,370102201501011236,2031-01-01,刘海涛,13800000004',
    ].join('\n');
    const r = parseRegistryCsv(text);
    expect(r.drivers).toEqual([
      {
        driverId: 'driver-0001',
        qualificationCertNo: '370102201501011234',
        qualificationCertExpiresOn: '2030-05-01',
        name: '张建国',
        phone: '13800000001',
      },
    ]);
    expect(r.errors.map((e) => `${e.location}|${e.field}`)).toEqual([
      'line 3|phone',
      'line 4|qualification_cert_no',
      'line 5|driver_id',
    ]);
    const all = JSON.stringify(r.errors);
    for (const personal of ['王德明', '1380000000', '李志强', '刘海涛']) expect(all).not.toContain(personal);
  });

  it('warns about unknown columns and VIN check digits without rejecting', () => {
    const wrongCheck = 'LZZ1CLVB0FA000001';
    const r = parseRegistryCsv(
      `${VEHICLE_HEADER},colour\n${vehicleLine('鲁A00001', { vin: wrongCheck })},x\n`,
    );
    expect(r.vehicles).toHaveLength(1);
    expect(r.warnings.map((w) => [w.location, w.field])).toEqual([
      ['line 1', 'colour'],
      ['line 2', 'vin'],
    ]);
  });

  it('refuses files it cannot use', () => {
    expect(() => parseRegistryCsv('')).toThrow(RegistryFormatError);
    expect(() => parseRegistryCsv('plate,colour\n')).toThrow(/plate_number column .* or a driver_id column/);
    expect(() => parseRegistryCsv('plate_number,plate_color\n')).toThrow(
      /lacks column\(s\) transport_cert_no/,
    );
    expect(() => parseRegistryCsv(`${VEHICLE_HEADER},vin\n`)).toThrow(/"vin" appears twice/);
    expect(() => parseRegistryCsv(`${VEHICLE_HEADER}\n"鲁A12345,2\n`)).toThrow(/malformed CSV/);
    // A GBK export: 张 is D5 C5 there, not UTF-8
    const gbk = Buffer.concat([
      Buffer.from(`${VEHICLE_HEADER}\n`),
      Buffer.from([0xd5, 0xc5]),
      Buffer.from('A12345\n'),
    ]);
    expect(() => parseRegistryCsv(gbk)).toThrow(/not valid UTF-8/);
  });
});

describe('registry JSON', () => {
  const vehicle = (plate: string, over: Record<string, unknown> = {}) => ({
    plate_number: plate,
    plate_color: 2,
    transport_cert_no: '370100123456',
    vin: VIN1,
    carrier_id: 'carrier-jinan-01',
    transport_cert_expires_on: '2027-01-31',
    is_freight: true,
    ...over,
  });

  it('reads vehicles and drivers and reports bad elements by array index', () => {
    const doc = {
      vehicles: [
        vehicle('鲁A00001'),
        vehicle('鲁A00002', { plate_color: '９' }), // full-width digit: 9
        vehicle('鲁A00003', { vin: 'X' }),
        'not an object',
        vehicle('鲁A00001'),
        vehicle('鲁A00004', { transport_cert_expires_on: null, is_freight: undefined, note: 'ignored' }),
      ],
      drivers: [
        { driver_id: 'driver-0001', qualification_cert_no: 'QC123456', qualification_cert_expires_on: null },
      ],
    };
    const r = parseRegistryJson(`\uFEFF${JSON.stringify(doc)}`);
    expect(r.vehicles.map((v) => [v.plateNumber, v.plateColor, v.transportCertExpiresOn])).toEqual([
      ['鲁A00001', 2, '2027-01-31'],
      ['鲁A00002', 9, '2027-01-31'],
      ['鲁A00004', 2, null],
    ]);
    expect(r.drivers).toEqual([
      {
        driverId: 'driver-0001',
        qualificationCertNo: 'QC123456',
        qualificationCertExpiresOn: null,
        name: '',
        phone: '',
      },
    ]);
    expect(r.errors.map((e) => [e.location, e.index, e.field])).toEqual([
      ['vehicles[2]', 2, 'vin'],
      ['vehicles[3]', 3, '(row)'],
      ['vehicles[4]', 4, 'plate_number'],
    ]);
    expect(r.errors[2]?.reason).toBe('duplicate plate_number + plate_color (first at vehicles[0])');
    expect(r.warnings.map((w) => [w.location, w.field])).toEqual([['vehicles[5]', 'note']]);
    expect(r.rows).toBe(7);
    expect(r.rejected).toBe(3);
  });

  it('refuses numbers where text is expected (leading zeros would be lost)', () => {
    const r = parseRegistryJson(
      JSON.stringify({ vehicles: [vehicle('鲁A00001', { transport_cert_no: 370100123456 })] }),
    );
    expect(r.errors).toEqual([
      {
        kind: 'vehicle',
        location: 'vehicles[0]',
        index: 0,
        field: 'transport_cert_no',
        reason: 'must be a string, got a number',
      },
    ]);
  });

  it('refuses documents of another shape, and never quotes the text of broken JSON', () => {
    expect(() => parseRegistryJson('[]')).toThrow(/expected an object/);
    expect(() => parseRegistryJson('{"cars": []}')).toThrow(/expected an object/);
    expect(() => parseRegistryJson('{"vehicles": {}}')).toThrow(/"vehicles" must be an array/);
    let message = '';
    try {
      parseRegistryJson('{"drivers": [{"name": "张建国", "phone": "13800000001",}]}');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^not valid JSON/);
    expect(message).not.toContain('张建国');
    expect(message).not.toContain('13800000001');
  });
});

describe('registry formats', () => {
  it('tells the format by extension', () => {
    expect(formatFromPath('/x/registry.JSON')).toBe('json');
    expect(formatFromPath('vehicles.csv')).toBe('csv');
    expect(formatFromPath('export.txt')).toBeUndefined();
  });

  it('dispatches on the format', () => {
    expect(parseRegistry('{"drivers": []}', 'json').rows).toBe(0);
    expect(parseRegistry('driver_id,qualification_cert_no,qualification_cert_expires_on\n', 'csv').rows).toBe(
      0,
    );
  });
});
