import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { personOf } from '../identity/index.js';
import type { AppContext } from '../../core/context.js';
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
    return (await personOf(ctx, file.uploadedBy.id)).name;
  }
}
