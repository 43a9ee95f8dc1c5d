import { vehicleKey } from '@safewatch/common';
import type { safewatch } from '@safewatch/proto';
import type { CertificateChange, CertificateRow } from '../adapters/certificates.repo.js';
import type { AlertRecord } from '../domain/alert-record.js';
import { chinaDate, DEFAULT_REMINDER_DAYS, reminderFor } from '../domain/certificate.rule.js';

export interface ReminderPorts {
  applyCertificates(changes: CertificateChange[]): Promise<void>;
  certificatesFor(vehicles: { plateNumber: string; plateColor: number }[]): Promise<CertificateRow[]>;
  certificatesExpiringBy(horizon: string): Promise<CertificateRow[]>;
  existingAlertIds(ids: string[]): Promise<Set<string>>;
  publishAlerts(alerts: AlertRecord[]): Promise<void>;
  persistAlerts(alerts: AlertRecord[]): Promise<unknown>;
}

const BINDING_EVENT_UNBOUND = 2;

/** What the bindings events say about certificates: dates to keep, and qualifications that no longer concern a vehicle. */
export function certificateChanges(envelopes: safewatch.v1.IBindingsEnvelope[]): CertificateChange[] {
  const changes: CertificateChange[] = [];
  for (const env of envelopes) {
    const c = env.certificate;
    if (c?.vehicle?.plateNumber) {
      const vehicle = { plateNumber: c.vehicle.plateNumber, plateColor: c.vehicle.plateColor ?? 0 };
      if (!c.driverId || c.transportCertExpiresOn) {
        changes.push({
          op: 'upsert',
          row: { ...vehicle, driverId: '', kind: 'TRANSPORT', expiresOn: c.transportCertExpiresOn || null },
        });
      }
      if (c.driverId) {
        changes.push({
          op: 'upsert',
          row: {
            ...vehicle,
            driverId: c.driverId,
            kind: 'QUALIFICATION',
            expiresOn: c.qualificationCertExpiresOn || null,
          },
        });
      }
    }
    const b = env.binding;
    if (b?.vehicle?.plateNumber && b.type === BINDING_EVENT_UNBOUND && b.driverId) {
      changes.push({
        op: 'delete',
        plateNumber: b.vehicle.plateNumber,
        plateColor: b.vehicle.plateColor ?? 0,
        driverId: b.driverId,
        kind: 'QUALIFICATION',
      });
    }
  }
  return changes;
}

/**
 * The reminders due today for these certificates. One alert per certificate,
 * expiry date and status: a certificate becoming "expiring" raises one
 * reminder, becoming "expired" another — never one a day.
 */
export function dueReminders(
  rows: CertificateRow[],
  today: string,
  reminderDays: number,
  nowMs: number,
): AlertRecord[] {
  const out: AlertRecord[] = [];
  for (const r of rows) {
    const reminder = reminderFor(r.kind, r.expiresOn, today, reminderDays);
    if (!reminder) continue;
    const kind = `${r.kind}_CERT_${reminder.status}` as AlertRecord['kind'];
    const key = vehicleKey(r.plateNumber, r.plateColor);
    out.push({
      alertId: `${key}|${kind}|${r.driverId}|${reminder.expiresOn}`,
      vehicleKey: key,
      plateNumber: r.plateNumber,
      plateColor: r.plateColor,
      kind,
      phase: 'RAISED',
      source: 'DETECTED',
      occurredAtMs: nowMs,
      episodeStartMs: Date.parse(`${reminder.expiresOn}T00:00:00+08:00`),
      detail: {
        certificate: r.kind,
        driverId: r.driverId,
        expiresOn: reminder.expiresOn,
        daysLeft: reminder.daysLeft,
      },
    });
  }
  return out;
}

/** Publishes then stores the reminders not raised before (a crash in between publishes again; consumers dedupe). */
async function raise(ports: ReminderPorts, candidates: AlertRecord[]): Promise<AlertRecord[]> {
  if (candidates.length === 0) return [];
  const seen = await ports.existingAlertIds(candidates.map((a) => a.alertId));
  const fresh = candidates.filter((a) => !seen.has(a.alertId));
  await ports.publishAlerts(fresh);
  await ports.persistAlerts(fresh);
  return fresh;
}

/** On change (A3): apply the bindings events, then raise what the changed vehicles now call for. */
export async function onBindingsEvents(
  ports: ReminderPorts,
  envelopes: safewatch.v1.IBindingsEnvelope[],
  now: Date,
  reminderDays = DEFAULT_REMINDER_DAYS,
): Promise<AlertRecord[]> {
  const changes = certificateChanges(envelopes);
  await ports.applyCertificates(changes);
  const vehicles = new Map<string, { plateNumber: string; plateColor: number }>();
  for (const c of changes) {
    const v = c.op === 'upsert' ? c.row : c;
    vehicles.set(vehicleKey(v.plateNumber, v.plateColor), {
      plateNumber: v.plateNumber,
      plateColor: v.plateColor,
    });
  }
  const rows = await ports.certificatesFor([...vehicles.values()]);
  return raise(ports, dueReminders(rows, chinaDate(now), reminderDays, now.getTime()));
}

/** Daily (A3): certificates crossing into "expiring" or "expired" as the days pass. */
export async function dailyReminders(
  ports: ReminderPorts,
  now: Date,
  reminderDays = DEFAULT_REMINDER_DAYS,
): Promise<AlertRecord[]> {
  const today = chinaDate(now);
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + reminderDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const rows = await ports.certificatesExpiringBy(horizon);
  return raise(ports, dueReminders(rows, today, reminderDays, now.getTime()));
}
