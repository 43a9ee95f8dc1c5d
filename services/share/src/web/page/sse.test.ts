import { describe, expect, it } from 'vitest';
import { type SseEvent, sseParser } from './sse.js';

describe('the page SSE parser', () => {
  it('reassembles events split anywhere, skips comments, keeps the last id', () => {
    const got: SseEvent[] = [];
    const push = sseParser((e) => got.push(e));
    const stream =
      ': hello\r\n\r\nid: 7\nevent: view\ndata: {"a":\ndata: 1}\n\n: heartbeat\n\nevent: ended\ndata: {}\n\n';
    for (let i = 0; i < stream.length; i += 5) push(stream.slice(i, i + 5));
    expect(got).toEqual([
      { event: 'view', data: '{"a":\n1}', id: '7' },
      { event: 'ended', data: '{}', id: '7' },
    ]);
  });

  it('an event without a name is a message; one without data is not dispatched', () => {
    const got: SseEvent[] = [];
    const push = sseParser((e) => got.push(e));
    push('event: view\n\ndata:x\n\n');
    expect(got).toEqual([{ event: 'message', data: 'x', id: null }]);
  });
});
