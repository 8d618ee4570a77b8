/**
 * An incremental Server-Sent Events parser: feed it text as it arrives, get the `data` of each
 * complete event. Comments (heartbeats) and other fields are ignored; multi-line data is
 * joined with newlines as the spec says.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];

  feed(chunk: string): string[] {
    this.buffer += chunk;
    const events: string[] = [];

    let newline = this.buffer.search(/\r\n|\r|\n/);
    while (newline !== -1) {
      // A lone CR at the end may be the first half of a CRLF still on its way.
      if (newline === this.buffer.length - 1 && this.buffer.endsWith('\r')) break;

      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);

      if (line === '') {
        if (this.data.length > 0) events.push(this.data.join('\n'));
        this.data = [];
      } else if (line.startsWith('data:')) {
        const value = line.slice(5);
        this.data.push(value.startsWith(' ') ? value.slice(1) : value);
      }

      newline = this.buffer.search(/\r\n|\r|\n/);
    }

    return events;
  }
}
