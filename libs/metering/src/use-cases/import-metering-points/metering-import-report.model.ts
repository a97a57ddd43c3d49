import { Field, Int, ObjectType } from '@nestjs/graphql';

/** A line of the uploaded file that was not taken, and why (Japanese). */
@ObjectType('MeteringImportProblem')
export class MeteringImportProblemModel {
  @Field(() => Int, { description: 'The line of the file (1 is the header).' })
  line!: number;

  @Field(() => String)
  message!: string;
}

/** MTR-1: what an upload of the registry CSV did. */
@ObjectType('MeteringImportReport')
export class MeteringImportReportModel {
  @Field(() => Boolean, {
    description: 'False when nothing was recorded: the file has a problem (see problems).',
  })
  imported!: boolean;

  @Field(() => Int, { description: 'Data rows in the file, the header not counted.' })
  rows!: number;

  @Field(() => Int)
  recorded!: number;

  @Field(() => Int)
  corrected!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => [MeteringImportProblemModel])
  problems!: MeteringImportProblemModel[];
}
