import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from './masking.js';
import { type RegisteredVehicle, verifyVehicle } from './vehicle-verification.js';

const registered: RegisteredVehicle = {
  vehicleId: 'veh-1',
  plateNumber: '鲁A12345',
  plateColor: 2,
  transportCertNo: '370101123456',
  vin: 'LFWSRXRJ5K1F00001',
  isFreight: true,
  carrierId: 'carrier-1',
};
const claim = {
  plateNumber: '鲁A12345',
  plateColor: 2,
  transportCertNo: '370101123456',
  vin: 'LFWSRXRJ5K1F00001',
};

describe('B1: all four fields must match one registered freight vehicle', () => {
  it('accepts an exact match, normalising full-width, case and spaces', () => {
    expect(verifyVehicle(claim, registered)).toEqual({ ok: true, vehicle: registered });
    expect(
      verifyVehicle(
        {
          plateNumber: '鲁ａ 12345',
          plateColor: 2,
          transportCertNo: ' 370101 123456',
          vin: 'lfwsrxrj5k1f00001',
        },
        registered,
      ).ok,
    ).toBe(true);
  });
  it('names the first failing check', () => {
    expect(verifyVehicle(claim, undefined)).toEqual({ ok: false, failed: 'plate' });
    expect(verifyVehicle({ ...claim, plateColor: 1 }, registered)).toEqual({ ok: false, failed: 'plate' });
    expect(verifyVehicle(claim, { ...registered, isFreight: false })).toEqual({
      ok: false,
      failed: 'freight',
    });
    expect(verifyVehicle({ ...claim, transportCertNo: '370101999999' }, registered)).toEqual({
      ok: false,
      failed: 'transportCertNo',
    });
    expect(verifyVehicle({ ...claim, vin: 'LFWSRXRJ5K1F00002' }, registered)).toEqual({
      ok: false,
      failed: 'vin',
    });
  });
  it('never returns the registry values in a refusal', () => {
    const verdict = verifyVehicle({ ...claim, vin: 'X' }, registered);
    expect(JSON.stringify(verdict)).not.toContain(registered.vin);
    expect(JSON.stringify(verdict)).not.toContain(registered.transportCertNo);
  });
});

describe('masking personal data (B5, B6)', () => {
  it('masks names and phones', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳建国')).toBe('欧**国');
    expect(maskPhone('13800001234')).toBe('138****1234');
    expect(maskPhone('')).toBe('');
  });
});
