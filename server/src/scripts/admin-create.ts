import { parseArgs } from 'node:util';
import {
  AdminAccountError,
  createAdministrator,
  PasswordHasher,
} from '../modules/identity/index.js';
import { runWithDatabase } from './cli.js';

// Usage: npm run admin:create -- [--login admin] [--organization "Full name"] [--inn 10 digits]
//        [--organization-id uuid] [--email address] [--name "Display name"]
// Makes an administrator with a generated password, printed once. Stop an embedded server first.
const { values } = parseArgs({
  options: {
    login: { type: 'string', default: 'admin' },
    organization: { type: 'string' },
    'organization-id': { type: 'string' },
    inn: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
  },
});

await runWithDatabase(async ({ orm }, _config, logger) => {
  await orm.getMigrator().up();
  try {
    const admin = await createAdministrator(orm.em.fork(), new PasswordHasher(), logger, {
      login: values.login,
      organizationName: values.organization,
      organizationId: values['organization-id'],
      organizationInn: values.inn,
      email: values.email,
      displayName: values.name,
    });
    process.stdout.write(
      [
        `Administrator "${admin.login}" created for «${admin.organizationName}»` +
          (admin.createdOrganization ? ' (a new organization).' : '.'),
        `Password, shown only now: ${admin.password}`,
        'Keep it safe; it is not stored anywhere in readable form.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    if (!(error instanceof AdminAccountError)) throw error;
    process.stderr.write(`kabinet: ${error.message}\n`);
    process.exitCode = 1;
  }
});
