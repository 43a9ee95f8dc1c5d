import { connect } from 'node:net';

const LEGAL_TOPIC = /^[A-Za-z0-9._-]{1,249}$/;

export interface MockTopic {
  name: string;
  partitions: number;
}

/**
 * Creates topics on the local librdkafka mock broker (tools/kafka-mock) through
 * its control port, because the mock does not implement the CreateTopics API.
 * Idempotent: a topic that already exists is left as it is, whatever its
 * partition count.
 *
 * @param control host:port printed by the mock broker as "control"
 */
export function createTopicsOnMock(control: string, topics: MockTopic[], timeoutMs = 5_000): Promise<void> {
  const sep = control.lastIndexOf(':');
  const host = control.slice(0, sep);
  const port = Number(control.slice(sep + 1));
  if (sep <= 0 || !Number.isInteger(port) || port <= 0) {
    return Promise.reject(new Error(`Kafka mock control address must be host:port, got "${control}"`));
  }
  // Checked here because a name with a space would split the control line into other arguments.
  const invalid = topics.find((t) => !LEGAL_TOPIC.test(t.name));
  if (invalid) return Promise.reject(new Error(`invalid Kafka topic name "${invalid.name}"`));
  if (topics.length === 0) return Promise.resolve();

  return new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port });
    const pending = [...topics];
    let buffered = '';
    let settled = false;

    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };

    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () =>
      finish(new Error(`Kafka mock control at ${control} did not answer within ${timeoutMs} ms`)),
    );
    socket.on('error', (err) => finish(new Error(`Kafka mock control at ${control}: ${err.message}`)));
    socket.on('close', () => {
      if (pending.length > 0)
        finish(new Error(`Kafka mock control at ${control} closed the connection early`));
    });
    socket.on('connect', () => {
      socket.write(topics.map((t) => `CREATE ${t.name} ${t.partitions}\n`).join(''));
    });
    // Replies come back in request order, one line per CREATE.
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let nl = buffered.indexOf('\n');
      while (nl >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        const topic = pending.shift();
        if (line !== 'OK') {
          finish(
            new Error(`Kafka mock could not create topic "${topic?.name}": ${line.replace(/^ERR /, '')}`),
          );
          return;
        }
        if (pending.length === 0) {
          finish();
          return;
        }
        nl = buffered.indexOf('\n');
      }
    });
  });
}
