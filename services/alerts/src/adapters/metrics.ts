import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { AlertRecord, ClockRecord } from '../domain/alert-record.js';

export class AlertsMetrics {
  readonly positions: Counter;
  readonly late: Counter;
  readonly alerts: Counter<'kind' | 'phase' | 'source'>;
  readonly clock: Counter<'event'>;
  readonly evaluationSeconds: Histogram;
  readonly stateSize: Gauge;
  readonly checkpointStates: Counter;
  readonly checkpointSeconds: Histogram;
  readonly retries: Counter<'step'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.positions = new Counter({
      name: 'alerts_positions_evaluated_total',
      help: 'Accepted positions consumed by the rules',
      registers,
    });
    this.late = new Counter({
      name: 'alerts_positions_late_total',
      help: 'Positions not newer than the last evaluated (late, duplicate or redelivered): ignored by the rules',
      registers,
    });
    this.alerts = new Counter({
      name: 'alerts_raised_total',
      help: 'Alerts raised, by kind, phase and source',
      labelNames: ['kind', 'phase', 'source'],
      registers,
    });
    this.clock = new Counter({
      name: 'alerts_driving_clock_events_total',
      help: 'Driving clock events (X6) raised, by event',
      labelNames: ['event'],
      registers,
    });
    this.evaluationSeconds = new Histogram({
      name: 'alerts_chunk_duration_seconds',
      help: 'Time to evaluate, store and publish one chunk',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.stateSize = new Gauge({
      name: 'alerts_vehicle_states',
      help: 'Vehicles whose rule state is held in memory',
      registers,
    });
    this.checkpointStates = new Counter({
      name: 'alerts_checkpoint_states_total',
      help: 'Vehicle states written to the checkpoint (each changed vehicle once per checkpoint)',
      registers,
    });
    this.checkpointSeconds = new Histogram({
      name: 'alerts_checkpoint_duration_seconds',
      help: 'Time to write the changed vehicle states of one checkpoint (retries included)',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.retries = new Counter({
      name: 'alerts_step_retries_total',
      help: 'Retries of an I/O step after a failure',
      labelNames: ['step'],
      registers,
    });
  }

  countAlerts(alerts: AlertRecord[]): void {
    for (const a of alerts) this.alerts.inc({ kind: a.kind, phase: a.phase, source: a.source });
  }

  countClock(events: ClockRecord[]): void {
    for (const e of events) this.clock.inc({ event: e.event.kind });
  }
}
