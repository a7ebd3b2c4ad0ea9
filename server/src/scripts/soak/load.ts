import { sleep } from './cluster.js';
import type { Actor, Api } from './api.js';

const PASSWORD = 'demo1234';

/** A one-page PDF, small enough that the upload measures the route, not the disk. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
);

export interface LoadOptions {
  /** Requests in flight at most (each worker waits for its answer, then thinks). */
  concurrency: number;
  thinkMs: number;
  /** At most one sign-in this often (argon2 costs ~150 ms of a core each). */
  signInEveryMs: number;
  /** HR announces to everyone this often: the big fan-out. */
  announceEveryMs: number;
}

/**
 * The mix: sign-ins, reads, file downloads, and certificate requests carried through to the end
 * (request → HR takes it → the employee writes with a scan attached → HR answers → HR uploads the
 * certificate and issues it), plus HR's announcements. Each step notifies the other side.
 */
export class Load {
  private readonly files: { id: string; readers: Actor[] }[] = [];
  private lastSignIn = 0;
  private announcements = 0;

  constructor(
    private readonly api: Api,
    private readonly hr: Actor,
    private readonly employees: Actor[],
    private readonly options: LoadOptions,
  ) {}

  /** Runs until `until` (epoch ms); resolves when every worker has finished its last request. */
  async run(until: number): Promise<void> {
    const workers = Array.from({ length: this.options.concurrency }, () => this.worker(until));
    await Promise.all([...workers, this.announcer(until)]);
  }

  /** One announcement now (the closing one fills any gap left by an event lost with its process). */
  async announce(title: string): Promise<boolean> {
    this.announcements += 1;
    const done = await this.api.gql<{ announce: number }>(
      'announce',
      `mutation($t: String!) { announce(title: $t) }`,
      { t: title },
      this.hr.token,
    );
    return done !== null;
  }

  private async announcer(until: number): Promise<void> {
    for (;;) {
      await sleep(this.options.announceEveryMs);
      if (Date.now() >= until) return;
      await this.announce(`Объявление ${this.announcements + 1}`);
    }
  }

  private async worker(until: number): Promise<void> {
    const cycle = { stage: 0, taskId: '', employee: this.employees[0]! };
    while (Date.now() < until) {
      const roll = Math.random() * 10;
      if (roll < 1 && Date.now() - this.lastSignIn >= this.options.signInEveryMs)
        await this.signIn();
      else if (roll < 4) await this.read();
      else if (roll < 6) await this.readFile();
      else await this.taskStep(cycle);
      await sleep(this.options.thinkMs);
    }
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(Math.random() * items.length)]!;
  }

  private async signIn(): Promise<void> {
    this.lastSignIn = Date.now();
    const actor = this.pick([this.hr, ...this.employees]);
    const result = await this.api.gql<{ login: { accessToken: string } | null }>(
      'sign-in',
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { login: actor.login, password: PASSWORD } },
      null,
    );
    if (result?.login) actor.token = result.login.accessToken;
  }

  private async read(): Promise<void> {
    await this.api.gql(
      'read',
      `{ me { login } unreadNotificationCount notifications(first: 5) { edges { node { id title } } } }`,
      {},
      this.pick([this.hr, ...this.employees]).token,
    );
  }

  private async readFile(): Promise<void> {
    if (this.files.length === 0) return this.read();
    const file = this.pick(this.files);
    await this.api.download(this.pick(file.readers).token, file.id);
  }

  private async taskStep(cycle: { stage: number; taskId: string; employee: Actor }): Promise<void> {
    const ok = await this.advance(cycle);
    cycle.stage = ok ? (cycle.stage + 1) % 5 : 0;
  }

  private async advance(cycle: { stage: number; taskId: string; employee: Actor }) {
    const { api, hr } = this;
    const write = (actor: Actor, query: string, variables: Record<string, unknown>) =>
      api.gql<Record<string, unknown>>('task write', query, variables, actor.token);
    switch (cycle.stage) {
      case 0: {
        cycle.employee = this.pick(this.employees);
        const task = await api.gql<{ requestCertificate: { id: string } }>(
          'task write',
          `mutation { requestCertificate(input: { kind: EMPLOYMENT, purpose: "По месту требования" }) { id } }`,
          {},
          cycle.employee.token,
        );
        cycle.taskId = task?.requestCertificate.id ?? '';
        return task !== null;
      }
      case 1:
        return (
          (await write(
            hr,
            `mutation($id: ID!) { transitionTask(id: $id, action: "TAKE") { id } }`,
            {
              id: cycle.taskId,
            },
          )) !== null
        );
      case 2:
        return this.message(cycle.employee, cycle.taskId, 'Прилагаю скан заявления', hr);
      case 3:
        return (
          (await api.gql(
            'message',
            `mutation($id: ID!) { postTaskMessage(taskId: $id, text: "Принято, готовим справку") { id } }`,
            { id: cycle.taskId },
            hr.token,
          )) !== null
        );
      default: {
        const fileId = await api.upload(hr.token, PDF, 'spravka.pdf');
        if (!fileId) return false;
        const issued = await write(
          hr,
          `mutation($id: ID!, $files: [ID!]!) {
             attachToTask(taskId: $id, fileIds: $files, action: "ISSUE", comment: "Справка готова") { id } }`,
          { id: cycle.taskId, files: [fileId] },
        );
        if (issued) this.files.push({ id: fileId, readers: [hr, cycle.employee] });
        return issued !== null;
      }
    }
  }

  /** An upload and the message it is attached to. */
  private async message(author: Actor, taskId: string, text: string, other: Actor) {
    const fileId = await this.api.upload(author.token, PDF, 'zayavlenie.pdf');
    if (!fileId) return false;
    const posted = await this.api.gql(
      'message',
      `mutation($id: ID!, $text: String!, $files: [ID!]!) {
         postTaskMessage(taskId: $id, text: $text, fileIds: $files) { id } }`,
      { id: taskId, text, files: [fileId] },
      author.token,
    );
    if (posted) this.files.push({ id: fileId, readers: [author, other] });
    return posted !== null;
  }
}
