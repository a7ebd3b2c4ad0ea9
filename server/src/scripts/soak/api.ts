import { codeOf, type Stats } from './stats.js';

/** A signed-in account the load acts as. */
export interface Actor {
  userId: string;
  login: string;
  token: string;
}

interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: unknown } }[];
}

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * HTTP to the two servers as a load balancer would spread it: in turn, and once more to the other
 * server when a connection fails (the one asked was being killed). Every request and every error
 * is counted; an answer with errors comes back as null.
 */
export class Api {
  private turn = 0;

  constructor(
    private readonly urls: readonly string[],
    private readonly stats: Stats,
  ) {}

  async gql<T>(
    kind: string,
    query: string,
    variables: Record<string, unknown>,
    token: string | null,
  ): Promise<T | null> {
    const response = await this.send(kind, '/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    if (!response) return null;
    const body = (await response.json().catch(() => ({}))) as GraphQLResult<T>;
    if (body.errors?.length) {
      for (const error of body.errors) this.stats.error(codeOf(error.extensions?.code));
      return null;
    }
    if (!response.ok || !body.data) {
      this.stats.error(`HTTP ${response.status}`);
      return null;
    }
    return body.data;
  }

  /** `POST /files`; returns the new file's id. */
  async upload(token: string, bytes: Uint8Array, fileName: string): Promise<string | null> {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), fileName);
    const response = await this.send('upload', '/files', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    if (!response) return null;
    const body = (await response.json().catch(() => ({}))) as {
      id?: string;
    } & GraphQLResult<never>;
    if (response.status !== 201 || !body.id) return this.httpError(response, body);
    return body.id;
  }

  /** `GET /files/:id`, read to the end. */
  async download(token: string, id: string): Promise<boolean> {
    const response = await this.send('file read', `/files/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response) return false;
    if (!response.ok) {
      this.httpError(response, await response.json().catch(() => ({})));
      return false;
    }
    await response.arrayBuffer();
    return true;
  }

  private httpError(response: Response, body: unknown): null {
    const code = (body as GraphQLResult<never>).errors?.[0]?.extensions?.code;
    this.stats.error(code === undefined ? `HTTP ${response.status}` : codeOf(code));
    return null;
  }

  private async send(kind: string, path: string, init: RequestInit): Promise<Response | null> {
    this.stats.request(kind);
    const first = this.turn++ % this.urls.length;
    for (let attempt = 0; attempt < 2; attempt++) {
      const url = this.urls[(first + attempt) % this.urls.length]!;
      try {
        return await fetch(`${url}${path}`, {
          ...init,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        const name = (error as Error).name;
        this.stats.error(name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK');
        if (name === 'TimeoutError') return null;
      }
    }
    return null;
  }
}
