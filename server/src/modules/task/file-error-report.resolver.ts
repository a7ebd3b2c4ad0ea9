import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { type FileSection, FileSectionValue } from '../organization/index.js';
import type { FileErrorReport } from './file-error-report.entity.js';
import { FileErrorReportService } from './file-error-report.service.js';
import { FileErrorReportType } from './file-error-report.type.js';

/** Employees report errors in their file; HR sees the open reports. */
@Resolver()
export class FileErrorReportResolver {
  @Mutation(() => FileErrorReportType, {
    description: 'The owner reports an error in a section of their file.',
  })
  reportFileError(
    @Arg('section', () => FileSectionValue) section: FileSection,
    @Arg('comment', () => String) comment: string,
    @Ctx() ctx: AppContext,
  ): Promise<FileErrorReport> {
    return inUnit(ctx, (unit) => new FileErrorReportService(unit).report(section, comment));
  }

  @Query(() => [FileErrorReportType], {
    description: 'HR: open error reports of the organization.',
  })
  fileErrorReports(@Ctx() ctx: AppContext): Promise<FileErrorReport[]> {
    return new FileErrorReportService(ctx).open();
  }
}
