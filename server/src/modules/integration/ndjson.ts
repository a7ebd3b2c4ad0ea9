/** One line of an import as it arrived: its number (from 1), and its text or a reason it has none. */
export type InputLine =
  | { line: number; text: string }
  | { line: number; value: unknown }
  | { line: number; error: string };

/** Longest line accepted: a payslip of 500 lines is about 150 KB. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

/**
 * Splits a byte stream into NDJSON lines (LF or CRLF), numbered from 1, decoding each as UTF-8.
 * Blank lines keep their number and are skipped; an over-long line is reported, not buffered.
 */
export async function* ndjsonLines(
  chunks: AsyncIterable<Buffer | string>,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<InputLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let line = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const emit = (bytes: Buffer): InputLine | null => {
    line += 1;
    if (skipping) {
      skipping = false;
      return { line, error: `Longer than ${maxLineBytes} bytes` };
    }
    const end =
      bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
    if (end === 0) return null;
    try {
      const text = decoder.decode(bytes.subarray(0, end));
      return text.trim() === '' ? null : { line, text };
    } catch {
      return { line, error: 'Not valid UTF-8' };
    }
  };
  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(10, start);
      if (newline === -1) break;
      const piece = buffer.subarray(start, newline);
      const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      const item = emit(bytes);
      if (item) yield item;
      start = newline + 1;
    }
    if (start < buffer.length && !skipping) {
      pending.push(buffer.subarray(start));
      pendingBytes += buffer.length - start;
      if (pendingBytes > maxLineBytes) {
        pending = [];
        pendingBytes = 0;
        skipping = true;
      }
    }
  }
  if (pending.length > 0 || skipping) {
    const item = emit(Buffer.concat(pending));
    if (item) yield item;
  }
}

/** The records of a GraphQL call as input lines: record `i` is line `i + 1`. */
export async function* valueLines(values: readonly unknown[]): AsyncGenerator<InputLine> {
  for (const [index, value] of values.entries()) yield { line: index + 1, value };
}
