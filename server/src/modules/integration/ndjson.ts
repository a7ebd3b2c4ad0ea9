import { isUtf8 } from 'node:buffer';

/**
 * One line of an import as it arrived: its number (from 1), and its text, its raw bytes (one
 * character a byte, checked to be UTF-8: see readBlock), or a reason it has none.
 */
export type InputLine =
  | { line: number; text: string }
  | { line: number; raw: string }
  | { line: number; value: unknown }
  | { line: number; error: string };

/**
 * Whole lines as they arrived, undecoded: `count` lines numbered from `line`. A large batch moves
 * in blocks, so that the reading workers split and decode it, not the thread that receives it.
 */
export interface InputBlock {
  line: number;
  count: number;
  bytes: Uint8Array;
}

export type InputItem = InputLine | InputBlock;

export const isBlock = (item: InputItem): item is InputBlock => 'bytes' in item;

/** The number of an item's last line. */
export const lastLineOf = (item: InputItem): number =>
  isBlock(item) ? item.line + item.count - 1 : item.line;

/** Longest line accepted: a payslip of 500 lines is about 150 KB. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

/** About how many bytes of whole lines make a block. */
export const BLOCK_BYTES = 1 << 20;

const LF = 10;
const CR = 13;
const BOM = 0xfeff;

/**
 * Splits a byte stream into NDJSON lines (LF or CRLF), numbered from 1, decoding each as UTF-8.
 * Blank lines keep their number and are skipped; an over-long line is reported, not buffered.
 */
export async function* ndjsonLines(
  chunks: AsyncIterable<Buffer | string>,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<InputLine> {
  for await (const item of ndjsonBlocks(chunks, maxLineBytes, 0)) {
    if (isBlock(item)) yield* splitBlock(item, maxLineBytes);
    else yield item;
  }
}

/**
 * Cuts a byte stream into blocks of whole lines of about `blockBytes` (0: every piece of whole
 * lines as it comes), numbering them; a line longer than `maxLineBytes` that has not ended yet is
 * reported and skipped without being held. The blocks own their bytes (they can be transferred).
 */
export async function* ndjsonBlocks(
  chunks: AsyncIterable<Buffer | string>,
  maxLineBytes = MAX_LINE_BYTES,
  blockBytes = BLOCK_BYTES,
): AsyncGenerator<InputItem> {
  /** Bytes after the last LF: the start of a line that has not ended. */
  let partial: Buffer[] = [];
  let partialBytes = 0;
  /** Whole lines not yet given out. */
  let ready: Buffer[] = [];
  let readyBytes = 0;
  let readyLines = 0;
  /** The number of the first line in `ready`, or of the partial line when nothing is ready. */
  let line = 1;
  /** Inside an over-long line, until its LF. */
  let skipping = false;
  const take = (): InputBlock => {
    const bytes = new Uint8Array(readyBytes);
    let offset = 0;
    for (const piece of ready) {
      bytes.set(piece, offset);
      offset += piece.length;
    }
    const block = { line, count: readyLines, bytes };
    line += readyLines;
    ready = [];
    readyBytes = 0;
    readyLines = 0;
    return block;
  };
  for await (const chunk of chunks) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (skipping) {
      const end = buffer.indexOf(LF);
      if (end === -1) continue;
      skipping = false;
      if (readyLines > 0) yield take();
      yield { line, error: `Longer than ${maxLineBytes} bytes` };
      line += 1;
      buffer = buffer.subarray(end + 1);
    }
    const last = buffer.lastIndexOf(LF);
    if (last === -1) {
      partial.push(buffer);
      partialBytes += buffer.length;
    } else {
      const whole = buffer.subarray(0, last + 1);
      ready.push(...partial, whole);
      readyBytes += partialBytes + whole.length;
      readyLines += countLines(whole);
      partial = [buffer.subarray(last + 1)];
      partialBytes = buffer.length - last - 1;
    }
    if (partialBytes > maxLineBytes) {
      if (readyLines > 0) yield take();
      partial = [];
      partialBytes = 0;
      skipping = true;
    }
    if (readyLines > 0 && readyBytes >= blockBytes) yield take();
  }
  if (skipping) {
    if (readyLines > 0) yield take();
    yield { line, error: `Longer than ${maxLineBytes} bytes` };
    return;
  }
  if (partialBytes > 0) {
    ready.push(...partial);
    readyBytes += partialBytes;
    readyLines += 1;
  }
  if (readyLines > 0) yield take();
}

function countLines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) count += 1;
  return count;
}

/** The lines of a block: decoded, numbered, blank ones left out, over-long or non-UTF-8 ones reported. */
export function splitBlock(block: InputBlock, maxLineBytes = MAX_LINE_BYTES): InputLine[] {
  let text: string;
  try {
    // The whole block at once (a line at a time cost more than the decoding itself); a block
    // that is not UTF-8 is read line by line, to name the lines that are not.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(block.bytes);
  } catch {
    return splitBytes(block, maxLineBytes);
  }
  const lines: InputLine[] = [];
  eachLine(text, block.count, (start, end, index) => {
    const line = block.line + index;
    // Characters are at most bytes; only a line that may be too long is measured in bytes.
    if (end - start > maxLineBytes / 3 && Buffer.byteLength(text.slice(start, end)) > maxLineBytes)
      lines.push({ line, error: `Longer than ${maxLineBytes} bytes` });
    else if (end > start) {
      // A byte order mark opening a line is dropped, as decoding the line alone drops it.
      const piece = text.slice(text.charCodeAt(start) === BOM ? start + 1 : start, end);
      if (piece.trim() !== '') lines.push({ line, text: piece });
    }
  });
  return lines;
}

/** Calls `visit` with where each of the first `count` lines of `text` starts and ends (a CR left out). */
function eachLine(
  text: string,
  count: number,
  visit: (start: number, end: number, index: number) => void,
): void {
  let start = 0;
  for (let index = 0; index < count; index += 1) {
    const newline = text.indexOf('\n', start);
    const stop = newline === -1 ? text.length : newline;
    visit(start, stop > start && text.charCodeAt(stop - 1) === CR ? stop - 1 : stop, index);
    start = stop + 1;
  }
}

/** Bytes of UTF-8 past ASCII, as a byte-a-character string holds them. */
const HIGH = /[\x80-\xff]/;
const UTF8_BOM = '\xef\xbb\xbf';

/**
 * The lines of a block as the reader parses them: the same lines as splitBlock, but a line whose
 * UTF-8 goes past ASCII comes as its bytes, one character each (latin1, a copy), for JSON.parse
 * to read as they are and utf8Strings to decode only its strings after. Decoding a whole block
 * of Cyrillic text to UTF-16 cost a reading worker more than parsing it. A line where that could
 * differ from decoding first (a \u escape, which JSON.parse would mix with the bytes; one that
 * may be blank) is decoded as splitBlock decodes it.
 */
export function readBlock(block: InputBlock, maxLineBytes = MAX_LINE_BYTES): InputLine[] {
  const { bytes } = block;
  if (!isUtf8(bytes)) return splitBytes(block, maxLineBytes);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const lines: InputLine[] = [];
  eachLine(text, block.count, (start, end, index) => {
    const line = block.line + index;
    if (end - start > maxLineBytes)
      lines.push({ line, error: `Longer than ${maxLineBytes} bytes` });
    else if (end > start) {
      const piece = text.slice(text.startsWith(UTF8_BOM, start) ? start + 3 : start, end);
      if (!HIGH.test(piece)) {
        if (piece.trim() !== '') lines.push({ line, text: piece });
      } else if (piece.includes('\\u') || piece.trimStart().charCodeAt(0) > 0x7f) {
        const decoded = utf8(piece);
        if (decoded.trim() !== '') lines.push({ line, text: decoded });
      } else lines.push({ line, raw: piece });
    }
  });
  return lines;
}

/** The text a byte-a-character string holds as UTF-8. */
export const utf8 = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('utf8');

/** Strings decoded once (a batch repeats the same few names over and over). */
const decoded = new Map<string, string>();
const MAX_DECODED = 10_000;

function decodedString(bytes: string): string {
  let text = decoded.get(bytes);
  if (text === undefined) {
    text = utf8(bytes);
    if (decoded.size < MAX_DECODED) decoded.set(bytes, text);
  }
  return text;
}

/**
 * A value JSON.parse read from a line's bytes (readBlock), with its strings and keys decoded
 * from UTF-8 in place: the same value as parsing the decoded line.
 */
export function utf8Strings(value: unknown): unknown {
  if (typeof value === 'string') return HIGH.test(value) ? decodedString(value) : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) value[index] = utf8Strings(value[index]);
    return value;
  }
  const record = value as Record<string, unknown>;
  let keys = false;
  for (const key in record) {
    record[key] = utf8Strings(record[key]);
    if (HIGH.test(key)) keys = true;
  }
  if (!keys) return record;
  // Rebuilt in the same order; defined, not assigned, so that a "__proto__" key stays a key.
  const renamed = {};
  for (const [key, item] of Object.entries(record))
    Object.defineProperty(renamed, HIGH.test(key) ? decodedString(key) : key, {
      value: item,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return renamed;
}

/** A block's lines decoded one by one: those that are not UTF-8 are reported, the rest read. */
function splitBytes(block: InputBlock, maxLineBytes: number): InputLine[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const { bytes } = block;
  const lines: InputLine[] = [];
  let start = 0;
  for (let index = 0; index < block.count; index += 1) {
    const newline = bytes.indexOf(LF, start);
    const stop = newline === -1 ? bytes.length : newline;
    const end = stop > start && bytes[stop - 1] === CR ? stop - 1 : stop;
    const line = block.line + index;
    if (end - start > maxLineBytes)
      lines.push({ line, error: `Longer than ${maxLineBytes} bytes` });
    else if (end > start) {
      try {
        const text = decoder.decode(bytes.subarray(start, end));
        if (text.trim() !== '') lines.push({ line, text });
      } catch {
        lines.push({ line, error: 'Not valid UTF-8' });
      }
    }
    start = stop + 1;
  }
  return lines;
}

/** The records of a GraphQL call as input lines: record `i` is line `i + 1`. */
export async function* valueLines(values: readonly unknown[]): AsyncGenerator<InputLine> {
  for (const [index, value] of values.entries()) yield { line: index + 1, value };
}
