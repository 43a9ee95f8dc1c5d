/**
 * A few drivers who bind simulated trucks and share them with family members,
 * created through the bindings and share HTTP APIs before the faults, so the
 * suite can show afterwards that the faults changed none of it. The family
 * members opt in to WeChat notifications (X8) through the share service.
 */
import { readSampleRegistry } from '@safewatch/bindings/sample-registry';
import { authConfig, authEnv, mintToken, type Principal, parseConfig, z } from '@safewatch/common';
import { waitFor } from '@safewatch/testkit';

export interface Sharing {
  driver: string;
  /** Plates the driver binds; the first is shared. */
  plates: string[];
  /**
   * Family member who claims the share; several: a share of the same truck each (S3: at most
   * three at a time). None: the driver binds without sharing.
   */
  family?: string | string[];
  duration?: '3d' | '7d' | '1m' | '1y';
}

export interface Share {
  driver: string;
  family: string;
  token: string;
  shareId: string;
  plateNumber: string;
  vehicleKey: string;
}

export interface People {
  shares: Share[];
  /** What the drivers and family members see of their bindings and shares (volatile fields left out). */
  snapshot(): Promise<unknown>;
  /** The share view as its claimer sees it. */
  view(share: Share): Promise<{ status: number; body: ShareView }>;
  /** A driver's current bindings with the last position the bindings service shows. */
  boundPositions(driver: string): Promise<{ plateNumber: string; gnssTime: string | null }[]>;
  /** X8: the share's claimer accepts WeChat subscription messages of these templates (the mini-program's report). */
  optInWechat(share: Share, openId: string, templateIds: string[]): Promise<void>;
}

export interface ShareView {
  position: { gnssTime: string } | null;
  /** S10: one item per episode; episodeId is `${kind}:${episode start ms}`. */
  episodes: { episodeId: string; kind: string }[];
}

export async function createPeople(
  bindingsBase: string,
  shareBase: string,
  jwtSecret: string,
  plan: Sharing[],
): Promise<People> {
  const cfg = authConfig(parseConfig(z.object(authEnv), { JWT_SECRET: jwtSecret }));
  const auth = (p: Principal): Record<string, string> => ({
    authorization: `Bearer ${mintToken(cfg, p, 3600)}`,
  });
  const driverH = (sub: string) => auth({ sub, role: 'driver' });
  const familyH = (sub: string) => auth({ sub, role: 'family' });
  const byPlate = new Map(readSampleRegistry().vehicles.map((v) => [v.plate_number, v]));

  const call = async (
    url: string,
    init: { method?: string; headers: Record<string, string>; body?: string },
  ) => {
    const headers = init.body ? { ...init.headers, 'content-type': 'application/json' } : init.headers;
    const r = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(10_000) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };

  /** The driver shares the bound vehicle; the family member claims the link. */
  const shareWith = async (s: Sharing, family: string, plate: string, vehicleId: string): Promise<Share> => {
    let created: { shareId: string; token: string; plateNumber: string; plateColor: number } | undefined;
    // The share service learns the binding from bindings.events moments later.
    await waitFor(
      async () => {
        const r = await call(`${shareBase}/v1/drivers/me/shares`, {
          method: 'POST',
          headers: driverH(s.driver),
          body: JSON.stringify({ vehicleId, duration: s.duration ?? '7d' }),
        });
        if (r.status === 201) created = r.body;
        else if (r.body?.code !== 'NOT_BOUND') throw new Error(`share refused: ${JSON.stringify(r.body)}`);
        return r.status === 201;
      },
      { timeoutMs: 60_000, intervalMs: 300, message: `share of ${plate} by ${s.driver}` },
    );
    if (!created) throw new Error('unreachable');
    const claim = await call(`${shareBase}/v1/shares/${created.token}/claim`, {
      method: 'POST',
      headers: familyH(family),
    });
    if (claim.status !== 200)
      throw new Error(`claim by ${family}: ${claim.status} ${JSON.stringify(claim.body)}`);
    return {
      driver: s.driver,
      family,
      token: created.token,
      shareId: created.shareId,
      plateNumber: created.plateNumber,
      vehicleKey: `${created.plateNumber}:${created.plateColor}`,
    };
  };

  const shares: Share[] = [];
  for (const s of plan) {
    const vehicleIds = new Map<string, string>();
    for (const plate of s.plates) {
      const v = byPlate.get(plate);
      if (!v) throw new Error(`fixture: ${plate} is not in the sample registry`);
      const r = await call(`${bindingsBase}/v1/drivers/me/bindings`, {
        method: 'POST',
        headers: driverH(s.driver),
        body: JSON.stringify({
          plateNumber: v.plate_number,
          plateColor: v.plate_color,
          transportCertNo: v.transport_cert_no,
          vin: v.vin,
        }),
      });
      if (r.status !== 201)
        throw new Error(`${s.driver} binding ${plate}: ${r.status} ${JSON.stringify(r.body)}`);
      vehicleIds.set(plate, r.body.binding.vehicleId);
    }
    const plate = s.plates[0] as string;
    for (const family of typeof s.family === 'string' ? [s.family] : (s.family ?? []))
      shares.push(await shareWith(s, family, plate, vehicleIds.get(plate) as string));
  }

  const drivers = [...new Set(plan.map((s) => s.driver))];
  const families = [...new Set(shares.map((s) => s.family))];
  const get = async (url: string, headers: Record<string, string>) => {
    const r = await call(url, { headers });
    if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const withoutPosition = (items: Record<string, unknown>[]) =>
    items.map(({ lastPosition: _p, ...rest }) => rest);

  return {
    shares,
    async snapshot() {
      const out: Record<string, unknown> = {};
      for (const d of drivers) {
        const h = driverH(d);
        out[d] = {
          current: withoutPosition(
            (await get(`${bindingsBase}/v1/drivers/me/bindings?list=current`, h)).items,
          ),
          history: withoutPosition(
            (await get(`${bindingsBase}/v1/drivers/me/bindings?list=history`, h)).items,
          ),
          // Views are recorded by every read of the view, so they are not part of what must stay unchanged.
          shares: (await get(`${shareBase}/v1/drivers/me/shares`, h)).items.map(
            ({ views: _v, ...rest }: Record<string, unknown>) => rest,
          ),
        };
      }
      for (const f of families) {
        out[f] = (await get(`${shareBase}/v1/family/me/shared-vehicles`, familyH(f))).items;
      }
      return out;
    },
    async view(share) {
      return call(`${shareBase}/v1/shares/${share.token}`, { headers: familyH(share.family) });
    },
    async boundPositions(driver) {
      const items = (await get(`${bindingsBase}/v1/drivers/me/bindings?list=current`, driverH(driver)))
        .items as { plateNumber: string; lastPosition: { gnssTime: string } | null }[];
      return items.map((b) => ({ plateNumber: b.plateNumber, gnssTime: b.lastPosition?.gnssTime ?? null }));
    },
    async optInWechat(share, openId, templateIds) {
      const r = await call(`${shareBase}/v1/shares/${share.token}/notifications/wechat`, {
        method: 'PUT',
        headers: familyH(share.family),
        body: JSON.stringify({ openId, results: Object.fromEntries(templateIds.map((t) => [t, 'accept'])) }),
      });
      if (r.status !== 200)
        throw new Error(`WeChat opt-in by ${share.family}: ${r.status} ${JSON.stringify(r.body)}`);
    },
  };
}
