import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the sink received it: the envelope, the headers and the decoded text. */
export interface ReceivedMail {
  envelopeFrom: string;
  recipients: string[];
  /** Lower-case header names, values unfolded and decoded (RFC 2047 words). */
  headers: Map<string, string>;
  subject: string;
  text: string;
}

/** An SMTP reply refusing a recipient, or null to accept it. */
export type RecipientRule = (address: string) => { code: number; message: string } | null;

/**
 * A real SMTP server in the test process, on a random local port, keeping what it receives. A rule
 * can refuse recipients with any reply code, to drive a sender's retries and failures.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Every RCPT TO seen, accepted or not. */
  readonly attempts: string[] = [];
  rule: RecipientRule = () => null;
  /** Holds each message this long before accepting it, so concurrent senders overlap. */
  dataDelayMs = 0;

  private readonly server: SMTPServer;
  private listeningPort = 0;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      onRcptTo: (address, _session, callback) => {
        this.attempts.push(address.address);
        const refusal = this.rule(address.address);
        if (!refusal) return callback();
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const envelope = session.envelope;
          this.messages.push({
            envelopeFrom: envelope.mailFrom ? envelope.mailFrom.address : '',
            recipients: envelope.rcptTo.map((rcpt) => rcpt.address),
            ...parseMessage(Buffer.concat(chunks).toString('latin1')),
          });
          setTimeout(() => callback(), this.dataDelayMs);
        });
      },
    });
  }

  get port(): number {
    return this.listeningPort;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve, reject) => {
      sink.server.server.once('error', reject);
      sink.server.listen(0, '127.0.0.1', () => resolve());
    });
    sink.listeningPort = (sink.server.server.address() as AddressInfo).port;
    return sink;
  }

  /** Forgets what was received and accepts everyone again. */
  reset(): void {
    this.messages.length = 0;
    this.attempts.length = 0;
    this.rule = () => null;
    this.dataDelayMs = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Splits a raw message (read as latin1, so bytes stay bytes) into decoded headers and text. */
function parseMessage(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'text'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n(?=[ \t])/g, '');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1)));
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body, 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body.replace(/=\r\n/g, ''))
        : Buffer.from(body, 'latin1');
  return {
    headers,
    subject: headers.get('subject') ?? '',
    text: bytes.toString('utf8').replace(/\r\n/g, '\n').trimEnd(),
  };
}

const encodedWord = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

/** Decodes RFC 2047 encoded words (UTF-8), joining adjacent ones as the RFC says. */
function decodeWords(value: string): string {
  const joined = value.trim().replace(/\?=\s+=\?/g, '?==?');
  return joined.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) =>
    Buffer.concat(
      [...run.matchAll(encodedWord)].map(([, , kind, data]) =>
        kind!.toUpperCase() === 'B'
          ? Buffer.from(data!, 'base64')
          : quotedPrintable(data!.replace(/_/g, ' ')),
      ),
    ).toString('utf8'),
  );
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}
