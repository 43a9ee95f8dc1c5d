/**
 * A small road network: polylines approximating Shandong expressways (WGS-84).
 * Waypoints are [latitude, longitude, altitude in metres]; they follow the real
 * corridors closely enough for a map and for plausible distances, not lane-exact.
 */

export type Waypoint = readonly [lat: number, lon: number, altitudeM: number];

export interface RoadDef {
  id: string;
  name: string;
  waypoints: readonly Waypoint[];
}

export const ROAD_DEFS: readonly RoadDef[] = [
  {
    id: 'G2',
    name: 'G2 京沪高速 济南—德州',
    waypoints: [
      [36.64, 117.18, 60], // Jinan east (Ganggou hub)
      [36.7, 117.08, 45],
      [36.73, 116.93, 32], // Yellow River crossing
      [36.8, 116.78, 30], // Qihe
      [36.95, 116.62, 28], // Yucheng
      [37.17, 116.43, 24], // Pingyuan
      [37.42, 116.33, 20], // Dezhou
      [37.55, 116.3, 18], // towards Hebei
    ],
  },
  {
    id: 'G20',
    name: 'G20 青银高速 济南—青岛',
    waypoints: [
      [36.68, 117.2, 60], // Jinan east
      [36.71, 117.53, 70], // Zhangqiu
      [36.79, 117.86, 50], // Zhoucun
      [36.81, 118.05, 45], // Zibo
      [36.7, 118.48, 60], // Qingzhou
      [36.72, 118.8, 40], // Changle
      [36.7, 119.12, 30], // Weifang
      [36.52, 119.52, 25],
      [36.38, 119.76, 20], // Gaomi
      [36.29, 120.01, 15], // Jiaozhou
      [36.22, 120.25, 10], // Liuting
      [36.11, 120.38, 8], // Qingdao
    ],
  },
  {
    id: 'G3',
    name: 'G3 京台高速 济南—泰安—曲阜',
    waypoints: [
      [36.64, 117.05, 80], // Jinan south
      [36.5, 117.02, 150],
      [36.33, 117.05, 180],
      [36.2, 117.1, 160], // Tai'an
      [35.95, 116.93, 90],
      [35.77, 116.8, 60], // Ningyang
      [35.6, 116.99, 60], // Qufu
      [35.4, 117.01, 70], // Zoucheng
      [35.09, 117.16, 60], // Tengzhou
      [34.8, 117.25, 50], // Xuecheng
      [34.6, 117.33, 45], // towards Jiangsu
    ],
  },
  {
    id: 'G15',
    name: 'G15 沈海高速 烟台—青岛—日照',
    waypoints: [
      [37.45, 121.35, 30], // Yantai
      [37.2, 121.02, 70],
      [36.97, 120.71, 40], // Laiyang
      [36.72, 120.55, 30],
      [36.4, 120.45, 20], // Jimo
      [36.25, 120.28, 10], // Qingdao north
      [36.2, 120.08, 12],
      [36.0, 120.0, 15], // Huangdao
      [35.87, 119.95, 20], // Jiaonan
      [35.6, 119.62, 20],
      [35.42, 119.47, 15], // Rizhao
      [35.1, 119.25, 10], // towards Lianyungang
    ],
  },
  {
    id: 'G22',
    name: 'G22 青兰高速 青岛—莱芜—泰安—聊城',
    waypoints: [
      [36.29, 120.01, 15], // Jiaozhou
      [36.08, 119.7, 50],
      [36.0, 119.4, 80], // Zhucheng
      [36.05, 118.9, 200],
      [36.1, 118.4, 250], // Yiyuan
      [36.22, 117.67, 180], // Laiwu
      [36.17, 117.15, 150], // Tai'an
      [36.18, 116.77, 80], // Feicheng
      [36.35, 116.3, 40], // Dong'e
      [36.45, 115.98, 35], // Liaocheng
      [36.35, 115.5, 40], // towards Hebei
    ],
  },
  {
    id: 'G25',
    name: 'G25 长深高速 滨州—淄博—莱芜—临沂',
    waypoints: [
      [37.38, 118.02, 10], // Binzhou
      [37.05, 118.0, 20],
      [36.81, 118.05, 45], // Zibo
      [36.5, 117.9, 150], // Boshan
      [36.22, 117.67, 180], // Laiwu
      [35.9, 117.8, 200], // Xintai
      [35.55, 118.1, 150], // Mengyin / Pingyi
      [35.1, 118.35, 70], // Linyi
      [34.7, 118.55, 40], // towards Jiangsu
    ],
  },
  {
    id: 'G18',
    name: 'G18 荣乌高速 威海—烟台—东营—滨州',
    waypoints: [
      [37.5, 122.1, 40], // Weihai
      [37.45, 121.35, 30], // Yantai
      [37.62, 120.55, 20], // Longkou
      [37.18, 119.95, 15], // Laizhou
      [37.0, 119.1, 8],
      [37.35, 118.6, 5], // Dongying
      [37.4, 118.0, 10], // Binzhou
    ],
  },
];

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing from point 1 to point 2, degrees clockwise from north in [0, 360). */
export function bearingDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const p1 = lat1 * RAD;
  const p2 = lat2 * RAD;
  const dl = (lon2 - lon1) * RAD;
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  const b = Math.atan2(y, x) / RAD;
  return (b + 360) % 360;
}

/** A road prepared for fast interpolation by distance along it. */
export interface Road {
  readonly id: string;
  readonly name: string;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly alt: Float64Array;
  /** Distance from the first waypoint to waypoint i, metres. */
  readonly cum: Float64Array;
  /** Bearing of segment i (waypoint i → i+1), degrees. */
  readonly bearing: Float64Array;
  readonly lengthM: number;
}

export function buildRoad(def: RoadDef): Road {
  const n = def.waypoints.length;
  if (n < 2) throw new Error(`road ${def.id} needs at least two waypoints`);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const alt = new Float64Array(n);
  const cum = new Float64Array(n);
  const bearing = new Float64Array(n - 1);
  def.waypoints.forEach(([la, lo, al], i) => {
    lat[i] = la;
    lon[i] = lo;
    alt[i] = al;
  });
  for (let i = 1; i < n; i++) {
    const a = i - 1;
    cum[i] =
      (cum[a] as number) + haversineM(lat[a] as number, lon[a] as number, lat[i] as number, lon[i] as number);
    bearing[a] = bearingDeg(lat[a] as number, lon[a] as number, lat[i] as number, lon[i] as number);
  }
  return { id: def.id, name: def.name, lat, lon, alt, cum, bearing, lengthM: cum[n - 1] as number };
}

/** The network every fleet drives on. */
export const ROADS: readonly Road[] = ROAD_DEFS.map(buildRoad);

/** Shandong's bounding box (with a small margin); every simulated valid fix lies inside. */
export const SHANDONG_BBOX = { minLat: 34.3, maxLat: 38.5, minLon: 114.7, maxLon: 122.8 } as const;
