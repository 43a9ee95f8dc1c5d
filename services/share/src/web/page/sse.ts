/**
 * An incremental text/event-stream parser (the WHATWG rules for `event`,
 * `data`, `id` and comments): chunks in, whole events out, however the bytes
 * were split on the way.
 */
export interface SseEvent {
  event: string;
  data: string;
  /** The last event id seen so far (sent back as Last-Event-ID on reconnection). */
  id: string | null;
}

export function sseParser(dispatch: (e: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | null = null;
  return (chunk) => {
    buffer += chunk;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (data.length) dispatch({ event: event || 'message', data: data.join('\n'), id });
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id' && !value.includes('\0')) id = value;
    }
  };
}
