/** X2 wording of the map card (X3), normal and large type. */
import { compass } from '../format.js';

export interface MapWording {
  title: string;
  empty: string;
  emptyLabel: string;
  label(lat: number, lon: number, headingDeg: number): string;
  note(hasTrack: boolean): string;
  north: string;
  scale(metres: number): string;
}

const scale = (m: number) => (m >= 1000 ? `${m / 1000} 公里` : `${m} 米`);

export const mapWording: Record<'normal' | 'large', MapWording> = {
  normal: {
    title: '最终定位位置',
    empty: '暂无定位',
    emptyLabel: '车辆位置地图：暂无定位',
    label: (lat, lon, deg) =>
      `车辆位置地图：北纬 ${lat.toFixed(4)}°，东经 ${lon.toFixed(4)}°，朝${compass(deg)}`,
    note: (hasTrack) =>
      `箭头为车辆位置和行驶方向${hasTrack ? '，蓝线为今天的行驶轨迹，圆点为停车 20 分钟以上的地方' : ''}`,
    north: '北↑',
    scale,
  },
  large: {
    title: '车最后在哪里',
    empty: '还没有车辆位置',
    emptyLabel: '地图：还没有车辆位置',
    label: (_lat, _lon, deg) => `地图：车辆最后的位置，车头朝${compass(deg)}`,
    note: (hasTrack) =>
      `箭头是车辆现在的位置，箭头指向是车开的方向${hasTrack ? '，蓝线是今天走过的路，圆点是停车休息的地方' : ''}`,
    north: '上方是北',
    scale,
  },
};
