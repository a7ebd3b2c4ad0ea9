import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type express from 'express';
import type { Logger } from 'pino';
import { can } from '../core/policy.js';
import { AppError, ErrorCode } from '../core/errors.js';
import { organizationActions, organizationSettingsLoader } from '../modules/organization/index.js';
import type { AppContext } from '../core/context.js';

/** Where a request's credentials came from: set by the caller's code, or sent by the browser. */
export type CredentialSource = 'bearer' | 'cookie';

/** Whether the document a request runs is one of the portal's, sent by hash, or text it sent. */
export type DocumentOrigin = 'trusted' | 'ad-hoc';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The portal's operations, extracted at build by GraphQL Code Generator (persisted documents):
 * SHA-256 of each document's text → the text. A hash not its text's is refused at load.
 */
export class TrustedDocuments {
  private constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  static readonly none = new TrustedDocuments(new Map());

  /** Reads the manifest (`{ "sha256:<hex>": "<document>" }`); none when the file is not there. */
  static load(file: string, logger: Logger): TrustedDocuments {
    if (!fs.existsSync(file)) {
      logger.warn({ file }, 'no trusted documents: build the web client (npm run build:web)');
      return TrustedDocuments.none;
    }
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    const byHash = new Map<string, string>();
    for (const [key, text] of Object.entries(manifest)) {
      const hash = key.replace(/^sha256:/, '');
      if (sha256(text) !== hash) throw new Error(`${file}: ${key} is not the hash of its document`);
      byHash.set(hash, text);
    }
    return new TrustedDocuments(byHash);
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The document with this SHA-256 (hex, with or without the `sha256:` prefix). */
  get(hash: string): string | undefined {
    return this.byHash.get(hash.replace(/^sha256:/, ''));
  }
}

/** The hash a request names in `extensions.persistedQuery` (the APQ shape clients send), if any. */
export function persistedHashOf(extensions: unknown): string | null {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

/**
 * Resolves a GraphQL operation's document: by hash from the trusted documents, or the text sent.
 * Answers the document to run and its origin; `null` when a hash is unknown and no text came with
 * it (the client is told PERSISTED_QUERY_NOT_FOUND, as with automatic persisted queries).
 */
export function resolveDocument(
  documents: TrustedDocuments,
  request: { query?: unknown; extensions?: unknown },
): { query: string | undefined; origin: DocumentOrigin } | null {
  const hash = persistedHashOf(request.extensions);
  const trusted = hash ? documents.get(hash) : undefined;
  if (trusted) return { query: trusted, origin: 'trusted' };
  if (hash && typeof request.query !== 'string') return null;
  return { query: typeof request.query === 'string' ? request.query : undefined, origin: 'ad-hoc' };
}

/**
 * Express middleware before Apollo on POST /graphql: a request naming a trusted document by hash
 * runs that document's text (whatever text came with it); the APQ extension is taken off, as
 * Apollo's own APQ is off (it would let any client register documents). The origin goes to
 * `res.locals.documentOrigin` for `requireTrustedDocument`.
 */
export function trustedDocumentsMiddleware(documents: TrustedDocuments): express.RequestHandler {
  return (req, res, next) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return next();
    const resolved = resolveDocument(documents, body);
    if (!resolved) {
      res.status(200).json({
        errors: [
          {
            message: 'PersistedQueryNotFound',
            extensions: { code: ErrorCode.PersistedQueryNotFound },
          },
        ],
      });
      return;
    }
    if (body['extensions'] && typeof body['extensions'] === 'object') {
      const { persistedQuery: _persisted, ...rest } = body['extensions'] as Record<string, unknown>;
      body['extensions'] = rest;
    }
    if (resolved.query !== undefined) body['query'] = resolved.query;
    res.locals['documentOrigin'] = resolved.origin;
    next();
  };
}

/**
 * Trusted documents in force (TRUSTED_DOCUMENTS, on in production): a browser session (the cookie)
 * runs only the portal's documents, by hash; a token client (integrations, developers) may send its
 * own when its organization allows it (`allowApiDocuments`); an anonymous caller may too (it can
 * reach only `login` and `register`, and in production its errors name no schema).
 */
export async function requireTrustedDocument(options: {
  enforce: boolean;
  origin: DocumentOrigin;
  credentials: CredentialSource | null;
  apiDocumentsAllowed: () => Promise<boolean>;
}): Promise<void> {
  if (!options.enforce || options.origin === 'trusted' || options.credentials === null) return;
  if (options.credentials === 'bearer' && (await options.apiDocumentsAllowed())) return;
  throw new AppError(
    ErrorCode.TrustedDocumentRequired,
    options.credentials === 'cookie'
      ? "A browser session runs the portal's own operations only"
      : 'This organization accepts only the portal’s own operations',
  );
}

/**
 * Whether the viewer's organization lets token clients send documents of their own. An ADMIN always
 * may (the setting is theirs to change back, and the portal has no operation for it). A token that
 * names no session passes here: the operation then answers why (UNAUTHENTICATED, SESSION_EXPIRED).
 */
export async function apiDocumentsAllowed(ctx: AppContext): Promise<boolean> {
  if (!ctx.viewer || can(ctx.viewer, organizationActions.alwaysSendApiDocuments)) return true;
  const settings = await ctx.loaders
    .get(organizationSettingsLoader)
    .load(ctx.viewer.organizationId);
  return settings.allowApiDocuments;
}

declare module '../core/context.js' {
  interface AppServices {
    /** The portal's own operations by hash (the web client's build), for trusted documents. */
    trustedDocuments: TrustedDocuments;
  }
}
