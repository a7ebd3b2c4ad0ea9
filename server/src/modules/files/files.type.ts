import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../core/graphql/scalars.js';

/**
 * An uploaded file as other types show it (a task's attachments). Resolved from a `StoredFile`;
 * `url` and `uploadedByName` come from `StoredFileResolver`. Whoever can see the object a file is
 * attached to sees this; the download at `url` asks the registered FileAccessRules again.
 */
@ObjectType('StoredFile', { description: 'An uploaded file (POST /files); download it at `url`.' })
export class FileGqlType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The name as uploaded, made safe to save.' })
  fileName!: string;

  @Field(() => String, { description: 'Recognised from the contents, not taken from the client.' })
  contentType!: string;

  @Field(() => Int, { description: 'Bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 of the contents, lower-case hex.' })
  sha256!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

/** The download path of a file, relative to the server: `/files/<id>`. */
export const fileUrl = (id: string): string => `/files/${id}`;
