/**
 * What the fault suite asks the Kafka cluster, through the kafkajs admin API
 * as any client would: partition leaders and in-sync replicas, the topics'
 * replication settings, which partitions the stream is writing to, what a
 * consumer group has committed. Every question goes to the nodes running at
 * that moment (a dead node in a client's bootstrap list only slows it down).
 */
import { type Admin, createKafka, createLogger } from '@safewatch/common';
import { type KafkaNode, type LocalKafka, waitFor } from '@safewatch/testkit';

export interface PartitionState {
  topic: string;
  partition: number;
  /** Node id of the leader; -1 while the partition has none. */
  leader: number;
  replicas: number[];
  isr: number[];
}

export interface TopicReplication {
  topic: string;
  /** Replicas per partition, the smallest over the topic's partitions. */
  replicationFactor: number;
  minInsyncReplicas: number;
}

/** kafkajs's ConfigResourceTypes.TOPIC (the enum is not re-exported by @safewatch/common). */
const TOPIC_RESOURCE = 2;

/** The __consumer_offsets partition of a group: Kafka's abs(groupId.hashCode()) % partitions. */
function coordinatorPartition(groupId: string, partitions: number): number {
  let h = 0;
  for (let i = 0; i < groupId.length; i++) h = (Math.imul(h, 31) + groupId.charCodeAt(i)) | 0;
  // Kafka's Utils.abs: Integer.MIN_VALUE maps to 0 rather than staying negative.
  return (h === -2147483648 ? 0 : Math.abs(h)) % partitions;
}

export class ClusterView {
  private readonly logger = createLogger('fault-cluster-view', 'silent');

  constructor(readonly kafka: LocalKafka) {}

  node(id: number): KafkaNode {
    const node = this.kafka.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`no Kafka node ${id}`);
    return node;
  }

  async partitions(topics: string[]): Promise<PartitionState[]> {
    const { topics: found } = await this.withAdmin((a) => a.fetchTopicMetadata({ topics }));
    return found.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.name,
        partition: p.partitionId,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
      })),
    );
  }

  async replication(topics: string[]): Promise<TopicReplication[]> {
    const partitions = await this.partitions(topics);
    const { resources } = await this.withAdmin((a) =>
      a.describeConfigs({
        includeSynonyms: false,
        resources: topics.map((name) => ({
          type: TOPIC_RESOURCE,
          name,
          configNames: ['min.insync.replicas'],
        })),
      }),
    );
    return topics.map((topic) => {
      const entry = resources
        .find((r) => r.resourceName === topic)
        ?.configEntries.find((c) => c.configName === 'min.insync.replicas');
      const of = partitions.filter((p) => p.topic === topic);
      return {
        topic,
        replicationFactor: of.length ? Math.min(...of.map((p) => p.replicas.length)) : 0,
        minInsyncReplicas: Number(entry?.configValue ?? 0),
      };
    });
  }

  /** High watermark (next offset) of every partition of `topic`. */
  async highWatermarks(topic: string): Promise<Map<number, bigint>> {
    const offsets = await this.withAdmin((a) => a.fetchTopicOffsets(topic));
    return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
  }

  /** Offsets `groupId` has committed on `topic` (-1 where it has none). */
  async committed(groupId: string, topic: string): Promise<Map<number, bigint>> {
    const [found] = await this.withAdmin((a) => a.fetchOffsets({ groupId, topics: [topic] }));
    return new Map((found?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
  }

  /**
   * The partition of `topic` that takes the most messages over the next
   * moment of traffic (waits until some partition grows), with its leader.
   * `preferNot`: a node whose partitions are taken only when no other leads a busy one.
   */
  async busiestPartition(topic: string, preferNot?: number): Promise<PartitionState> {
    const before = await this.highWatermarks(topic);
    let growth: [number, bigint][] = [];
    await waitFor(
      async () => {
        const now = await this.highWatermarks(topic);
        growth = [...now].map(([p, high]) => [p, high - (before.get(p) ?? 0n)] as [number, bigint]);
        return growth.some(([, g]) => g > 0n);
      },
      { timeoutMs: 30_000, intervalMs: 500, message: `traffic on ${topic}` },
    );
    const states = await this.partitions([topic]);
    const busy = growth
      .filter(([, g]) => g > 0n)
      .sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0))
      .map(([p]) => states.find((s) => s.partition === p) as PartitionState)
      .filter((s) => s.leader >= 0);
    const chosen = busy.find((s) => s.leader !== preferNot) ?? busy[0];
    if (!chosen) throw new Error(`no busy partition of ${topic} has a leader`);
    return chosen;
  }

  /** Until another node than `from` leads the partition; returns its new state. */
  async waitLeaderMoved(topic: string, partition: number, from: number): Promise<PartitionState> {
    let moved: PartitionState | undefined;
    await waitFor(
      async () => {
        moved = (await this.partitions([topic])).find((p) => p.partition === partition);
        return moved !== undefined && moved.leader >= 0 && moved.leader !== from;
      },
      {
        timeoutMs: 60_000,
        intervalMs: 250,
        message: `${topic}[${partition}] led by another node than ${from}`,
      },
    );
    return moved as PartitionState;
  }

  /** Until every partition of `topics` has a leader and all its replicas in sync. */
  async waitInSync(topics: string[], timeoutMs = 90_000): Promise<void> {
    await waitFor(
      async () =>
        (await this.partitions(topics)).every((p) => p.leader >= 0 && p.isr.length === p.replicas.length),
      { timeoutMs, intervalMs: 250, message: `every replica of ${topics.join(', ')} in sync` },
    );
  }

  /**
   * Until `groupId` has committed, on every partition of `topic`, the offsets
   * the partitions had reached when called: the group consumes again and has
   * caught up. A timeout says what the group looked like meanwhile.
   */
  async waitConsumed(groupId: string, topic: string, timeoutMs = 60_000): Promise<void> {
    const target = await this.highWatermarks(topic);
    let behind: string[] = [];
    await waitFor(
      async () => {
        const committed = await this.committed(groupId, topic);
        behind = [...target]
          .filter(([p, high]) => high > 0n && (committed.get(p) ?? -1n) < high)
          .map(([p, high]) => `[${p}] ${committed.get(p) ?? -1n}/${high}`);
        return behind.length === 0;
      },
      { timeoutMs, intervalMs: 250, message: `${groupId} caught up on ${topic}` },
    ).catch(async (err: Error) => {
      throw new Error(
        `${err.message}: still behind ${behind.join(', ')}; ${await this.describeGroup(groupId)}`,
      );
    });
  }

  /** "<state>, <n> member(s), coordinator node <id>": what the cluster knows of a consumer group. */
  async describeGroup(groupId: string): Promise<string> {
    try {
      return await this.withAdmin(async (a) => {
        const [{ groups }, coordinator] = await Promise.all([
          a.describeGroups([groupId]),
          // kafkajs's admin has no FindCoordinator of its own; the offsets' partition leader is the coordinator.
          this.partitions(['__consumer_offsets']),
        ]);
        const g = groups[0];
        const partition = coordinatorPartition(groupId, coordinator.length);
        const leader = coordinator.find((p) => p.partition === partition)?.leader;
        return `group ${groupId}: ${g?.state ?? 'unknown'}, ${g?.members.length ?? 0} member(s), coordinator node ${leader}`;
      });
    } catch (err) {
      return `group ${groupId}: not described (${(err as Error).message})`;
    }
  }

  /** The node leading the most partitions of `topics`. */
  async busiestLeader(topics: string[]): Promise<{ node: number; partitions: number }> {
    const count = new Map<number, number>();
    for (const p of await this.partitions(topics))
      if (p.leader >= 0) count.set(p.leader, (count.get(p.leader) ?? 0) + 1);
    const [node, partitions] = [...count].sort((a, b) => b[1] - a[1])[0] ?? [-1, 0];
    return { node, partitions };
  }

  private async withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
    const brokers = this.kafka.nodes.filter((n) => n.running()).map((n) => n.address);
    const admin = createKafka({
      brokers,
      clientId: 'fault-suite-admin',
      logger: this.logger,
      retries: 2,
    }).admin();
    await admin.connect();
    try {
      return await fn(admin);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
