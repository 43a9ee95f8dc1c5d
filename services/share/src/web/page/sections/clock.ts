/// <reference lib="dom" />
/**
 * X6: the driving clock in the vehicle card: continuous driving and when the
 * next rest is due (amber from the pre-warning, red once the rest is due),
 * today's driving, or how long the truck has been resting. Hidden while the
 * view has no clock (no clock event yet, or offline).
 */
import type { DrivingClockView } from '../../../domain/view.schema.js';
import { byId } from '../dom.js';
import type { ClockWording } from '../wording/clock.js';

function level(c: DrivingClockView): string {
  if (c.state === 'RESTING') return 'clock-rest';
  if (c.restDueInS === 0) return 'clock-due';
  return c.preWarning ? 'clock-warn' : '';
}

export function renderClock(clock: DrivingClockView | null, w: ClockWording): void {
  const box = byId('clock');
  box.hidden = clock === null;
  if (!clock) return;
  box.dataset.state = clock.state;
  byId('clock-title').textContent = w.title;
  const now = byId('clock-now');
  now.textContent = w.now(clock);
  now.className = `clock-now ${level(clock)}`.trim();
  byId('clock-today').textContent = w.today(clock);
}
