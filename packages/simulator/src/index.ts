/**
 * Fleet simulator: deterministic, fast position batches of N heavy trucks on
 * Shandong expressways, as positioning platforms produce them to positions.raw.
 */
export {
  addCounts,
  BAD_REASONS,
  type BadReason,
  classifyPosition,
  createFleet,
  type Fleet,
  type FleetOptions,
  type FleetStats,
  FUTURE_FIX_OFFSET_MS,
  type NextTickOptions,
  PLATFORM_FATIGUE_LIMIT_S,
  PLATFORM_REST_MIN_S,
  PLATFORM_SPEED_LIMIT_KMH,
  type PositionCounts,
  type SimBatch,
  type SimBatchMessage,
  type SimPosition,
  type SimTick,
  SPEED_BOUND_KMH,
  type TruckInfo,
  zeroCounts,
} from './fleet.js';
export { SHANDONG_CITIES, type VehicleIdentity, vinCheckDigit } from './identity.js';
export {
  bearingDeg,
  haversineM,
  ROAD_DEFS,
  ROADS,
  type Road,
  type RoadDef,
  SHANDONG_BBOX,
  type Waypoint,
} from './roads.js';
export {
  type AlertScenario,
  type AlertScenarioExpected,
  type AlertScenarioOptions,
  buildAlertScenario,
  type ExpectedFatigue,
  type ExpectedPlatformFatigue,
  type ExpectedSpeeding,
  type ScenarioPlace,
} from './scenario.js';
