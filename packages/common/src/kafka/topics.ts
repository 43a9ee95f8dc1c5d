import type { Admin, ITopicConfig, Kafka } from 'kafkajs';
import { sleep } from '../retry.js';

/** Every topic of the system (SPEC §3). Provisioned explicitly, never by services. */
export const TOPICS = {
  positionsRaw: 'positions.raw',
  positionsAccepted: 'positions.accepted',
  positionsRejected: 'positions.rejected',
  alerts: 'alerts',
  drivingClock: 'driving.clock',
  bindingsEvents: 'bindings.events',
  sharesEvents: 'shares.events',
} as const;

export type TopicId = keyof typeof TOPICS;
export type TopicNames = { [K in TopicId]: string };

export function topicNames(prefix = ''): TopicNames {
  const out = {} as TopicNames;
  for (const [id, name] of Object.entries(TOPICS) as [TopicId, string][]) out[id] = `${prefix}${name}`;
  return out;
}

const DAY_MS = 24 * 3600 * 1000;

/** Broker-side retention: raw input is replayable for a week; derived topics for 3 days. */
const RETENTION_MS: Record<TopicId, number> = {
  positionsRaw: 7 * DAY_MS,
  positionsAccepted: 3 * DAY_MS,
  positionsRejected: 30 * DAY_MS,
  alerts: 30 * DAY_MS,
  // X6: only each vehicle's latest clock matters to its consumers.
  drivingClock: 3 * DAY_MS,
  bindingsEvents: 365 * DAY_MS,
  sharesEvents: 30 * DAY_MS,
};

export interface ProvisionOptions {
  prefix?: string;
  partitions: number;
  replicationFactor: number;
}

/** Writes acknowledged by all in-sync replicas survive one broker lost: two of three must have them. */
export function minInsyncReplicas(replicationFactor: number): number {
  return replicationFactor >= 3 ? 2 : 1;
}

/** Creates every missing topic; existing topics are left as they are. Returns what was created. */
export async function provisionTopics(kafka: Kafka, opts: ProvisionOptions): Promise<string[]> {
  const names = topicNames(opts.prefix);
  const wanted = (Object.keys(names) as TopicId[]).map((id) => ({ id, name: names[id] }));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t.name));
    if (missing.length === 0) return [];
    await createTopicsReady(admin, {
      topics: missing.map((t) => ({
        topic: t.name,
        numPartitions: opts.partitions,
        replicationFactor: opts.replicationFactor,
        configEntries: [
          { name: 'retention.ms', value: String(RETENTION_MS[t.id]) },
          { name: 'min.insync.replicas', value: String(minInsyncReplicas(opts.replicationFactor)) },
        ],
      })),
    });
    return missing.map((t) => t.name);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates topics and waits until every node of the cluster knows each partition's leader.
 *
 * kafkajs' own `waitForLeaders` asks one node for the new topic's metadata and retries only
 * LEADER_NOT_AVAILABLE; on a cluster of several nodes the node asked may not have heard of the
 * topic yet and answers UNKNOWN_TOPIC_OR_PARTITION, which fails the whole creation. Here the
 * creation is sent without that wait, and the metadata is asked for again until it is complete.
 */
export async function createTopicsReady(
  admin: Admin,
  opts: { topics: ITopicConfig[]; timeoutMs?: number },
): Promise<boolean> {
  const created = await admin.createTopics({ topics: opts.topics, waitForLeaders: false });
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  const names = opts.topics.map((t) => t.topic);
  for (;;) {
    const ready = await admin.fetchTopicMetadata({ topics: names }).then(
      (m) =>
        m.topics.length === names.length &&
        m.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)),
      (err: unknown) => {
        const type = (err as { type?: string }).type;
        if (type === 'UNKNOWN_TOPIC_OR_PARTITION' || type === 'LEADER_NOT_AVAILABLE') return false;
        throw err;
      },
    );
    if (ready) return created;
    if (Date.now() > deadline)
      throw new Error(`topics ${names.join(', ')}: no leader for every partition in time`);
    await sleep(100);
  }
}
