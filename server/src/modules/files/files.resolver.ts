import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context.js';
import { Employee } from '../employee/employee.entity.js';
import { User } from '../identity/user.entity.js';
import { FileGqlType, fileUrl } from './files.type.js';
import type { StoredFile } from './stored-file.entity.js';

/** The computed fields of StoredFile; batched per request, whatever list the files come in. */
@Resolver(() => FileGqlType)
export class StoredFileResolver {
  @FieldResolver(() => String, { description: 'Where to download it (GET, same session).' })
  url(@Root() file: StoredFile): string {
    return fileUrl(file.id);
  }

  @FieldResolver(() => String, {
    description:
      'Who uploaded it: the employee’s full name, else the account’s display name or login.',
  })
  async uploadedByName(@Root() file: StoredFile, @Ctx() ctx: AppContext): Promise<string> {
    const user = await ctx.loaders.load(User, file.uploadedBy.id);
    if (!user) return '';
    const employee = await ctx.loaders.loadRef(Employee, user.employee);
    if (employee) {
      return [employee.lastName, employee.firstName, employee.middleName].filter(Boolean).join(' ');
    }
    return user.displayName ?? user.login;
  }
}
