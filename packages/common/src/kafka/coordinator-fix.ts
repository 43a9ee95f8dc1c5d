/**
 * kafkajs 2.2.4 keeps sending a group's offset commits and heartbeats to the
 * broker that was its coordinator when the consumer joined:
 * OffsetManager.getCoordinator() reconnects to the same node id, a
 * NOT_COORDINATOR_FOR_GROUP answer only refreshes metadata, and the
 * heartbeat always uses the join's broker (kafkajs issue #1152; the open fix,
 * pull request #1779, does the same for commits). When that node dies, the
 * in-batch commit retries against it while the member, which sends no
 * heartbeat meanwhile, is evicted, and the heartbeat's failures crash the
 * consumer: seen on a 3-node cluster as a consumer group empty for 20–90 s
 * after each node loss (fault suite), and as a crash and rejoin in
 * packages/common/test/kafka/coordinator-move.test.ts.
 *
 * kafkajs has had no release since 2023 and the production images install
 * without scripts, so the correction is applied here, in the one adapter, to
 * the exact version it was written for; any other version stops start-up.
 * After a commit fails because the coordinator moved or its connection broke,
 * the next commit asks the cluster who the coordinator is now; a heartbeat
 * whose coordinator connection is gone asks too, once, and is skipped when
 * no coordinator answers yet. The member keeps its id and
 * generation: the new coordinator has loaded the group from __consumer_offsets.
 * While it is still loading, it answers a join GROUP_LOAD_IN_PROGRESS, which
 * kafkajs takes for a fatal error (a crash and a restart); the join is asked
 * again a moment later instead, as the protocol intends.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const PATCHED_KAFKAJS_VERSION = '2.2.4';

interface Broker {
  isConnected(): boolean;
  nodeId?: number;
}
interface OffsetManagerInternals {
  coordinator: Broker;
  groupId: string;
  cluster: {
    findGroupCoordinator(args: { groupId: string }): Promise<Broker>;
    refreshMetadata(): Promise<void>;
  };
  coordinatorStale?: boolean;
  getCoordinator(): Promise<Broker>;
  commitOffsets(offsets: unknown): Promise<unknown>;
}
interface ConsumerGroupInternals {
  coordinator: Broker | null;
  coordinatorStale?: boolean;
  groupId: string;
  cluster: OffsetManagerInternals['cluster'] & {
    findGroupCoordinatorMetadata(args: {
      groupId: string;
      coordinatorType: number;
    }): Promise<{ coordinator: { nodeId: number } }>;
    findBroker(args: { nodeId: number }): Promise<Broker>;
  };
  heartbeat(args: { interval: number }): Promise<void>;
  recoverFromFetch(err: unknown): Promise<void>;
}

/** Errors after which the cached coordinator cannot be trusted. */
const COORDINATOR_LOST = new Set([
  'NOT_COORDINATOR_FOR_GROUP',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
]);

export function coordinatorLost(err: unknown): boolean {
  const e = err as { type?: string; name?: string } | null;
  return !!e && (COORDINATOR_LOST.has(e.type ?? '') || COORDINATOR_LOST.has(e.name ?? ''));
}

let applied = false;

export function applyCoordinatorFix(): void {
  if (applied) return;
  const version = (require('kafkajs/package.json') as { version: string }).version;
  if (version !== PATCHED_KAFKAJS_VERSION) {
    throw new Error(
      `kafkajs ${version} installed; packages/common/src/kafka/coordinator-fix.ts corrects ${PATCHED_KAFKAJS_VERSION}: check whether the new version still needs it`,
    );
  }
  const OffsetManager = require('kafkajs/src/consumer/offsetManager/index.js') as {
    prototype: OffsetManagerInternals;
  };
  const proto = OffsetManager.prototype;
  if (typeof proto.getCoordinator !== 'function' || typeof proto.commitOffsets !== 'function') {
    throw new Error(
      'kafkajs OffsetManager has no getCoordinator/commitOffsets: coordinator-fix.ts is out of date',
    );
  }
  const getCoordinator = proto.getCoordinator;
  const commitOffsets = proto.commitOffsets;

  proto.getCoordinator = async function (this: OffsetManagerInternals) {
    if (this.coordinatorStale || !this.coordinator.isConnected()) {
      this.coordinator = await this.cluster.findGroupCoordinator({ groupId: this.groupId });
      this.coordinatorStale = false;
    }
    return getCoordinator.call(this);
  };
  proto.commitOffsets = async function (this: OffsetManagerInternals, offsets: unknown) {
    try {
      return await commitOffsets.call(this, offsets);
    } catch (err) {
      if (coordinatorLost(err)) this.coordinatorStale = true;
      throw err;
    }
  };
  const ConsumerGroup = require('kafkajs/src/consumer/consumerGroup.js') as {
    prototype: ConsumerGroupInternals;
  };
  const heartbeat = ConsumerGroup.prototype.heartbeat;
  if (typeof heartbeat !== 'function')
    throw new Error('kafkajs ConsumerGroup has no heartbeat: coordinator-fix.ts is out of date');
  // A heartbeat that cannot reach a coordinator is skipped, not thrown: thrown
  // from inside a batch, kafkajs takes it for a failed fetch and crashes the
  // consumer after a few tries, while the cluster simply has not yet fenced
  // the dead node. The next beat looks again; the session timeout decides.
  ConsumerGroup.prototype.heartbeat = async function (this: ConsumerGroupInternals, args) {
    try {
      if (this.coordinator && (this.coordinatorStale || !this.coordinator.isConnected())) {
        const found = await this.cluster.findGroupCoordinatorMetadata({
          groupId: this.groupId,
          coordinatorType: 0,
        });
        this.coordinator = await this.cluster.findBroker({ nodeId: found.coordinator.nodeId });
        this.coordinatorStale = false;
      }
      return await heartbeat.call(this, args);
    } catch (err) {
      if (!coordinatorLost(err)) throw err;
      this.coordinatorStale = true;
    }
  };
  // A partition leader that refuses connections (killed, not yet fenced by the
  // controller) failed the whole fetch, and a few of those crashed the
  // consumer. Its partitions wait instead, metadata is asked again after a
  // pause, and the other partitions go on being fetched.
  const recoverFromFetch = ConsumerGroup.prototype.recoverFromFetch;
  if (typeof recoverFromFetch !== 'function')
    throw new Error('kafkajs ConsumerGroup has no recoverFromFetch: coordinator-fix.ts is out of date');
  ConsumerGroup.prototype.recoverFromFetch = async function (this: ConsumerGroupInternals, err: unknown) {
    if ((err as { name?: string }).name !== 'KafkaJSConnectionError') return recoverFromFetch.call(this, err);
    await new Promise((r) => setTimeout(r, LEADER_GONE_PAUSE_MS));
    await this.cluster.refreshMetadata().catch(() => undefined);
  };
  const Broker = require('kafkajs/src/broker/index.js') as {
    prototype: Record<'joinGroup' | 'syncGroup', (args: unknown) => Promise<unknown>>;
  };
  for (const method of ['joinGroup', 'syncGroup'] as const) {
    const original = Broker.prototype[method];
    if (typeof original !== 'function')
      throw new Error(`kafkajs Broker has no ${method}: coordinator-fix.ts is out of date`);
    Broker.prototype[method] = async function (this: unknown, args: unknown) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await original.call(this, args);
        } catch (err) {
          if ((err as { type?: string }).type !== 'GROUP_LOAD_IN_PROGRESS' || attempt >= LOADING_RETRIES)
            throw err;
          await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** attempt)));
        }
      }
    };
  }
  applied = true;
}

/** Between fetches from a node that refuses connections. */
const LEADER_GONE_PAUSE_MS = 500;
/** About 30 s of asking again while a new coordinator loads the group. */
const LOADING_RETRIES = 18;
