// Codegen document transform (codegen.yml names it by path): every selection set asks for __typename,
// as Apollo Client's cache adds it at run time, so the trusted documents the server holds are the very
// documents the portal sends (their hashes match).
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

export const transform = addTypenameSelectionDocumentTransform.transform;
