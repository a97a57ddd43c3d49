import type { Checkpoint, ProjectionRunners } from '@app/event-sourcing';
import { isSubmitted } from '../domain/application.state';
import { applicationAnswer } from '../graphql/application-answer';
import type { ApplicationModel } from '../graphql/application.model';
import type { ApplicationCipher } from '../infrastructure/application-cipher';
import type { ApplicationCommandOutcome } from '../infrastructure/application-command-runner';

/** Read-your-writes: how long a mutation waits for the read models to show its write. */
const READ_MODEL_WAIT_MS = 5_000;

/**
 * Mutations answer from the aggregate they just wrote, once the application read models (search,
 * …, named in `ApplicationsModule.forRoot({ readModels })`) that this process runs have applied
 * the write: a client that searches right after its own change finds it, without sleeping.
 */
export class ApplicationAnswers {
  constructor(
    private readonly cipher: ApplicationCipher,
    private readonly projections: ProjectionRunners,
    private readonly readModels: readonly string[],
  ) {}

  async after(outcome: ApplicationCommandOutcome): Promise<ApplicationModel> {
    if (!isSubmitted(outcome.state)) throw new Error('a mutation left no application behind');
    await this.waitForReadModels(outcome.checkpoint);
    return applicationAnswer(outcome.state, outcome.revision, this.cipher);
  }

  private async waitForReadModels(checkpoint: Checkpoint | null): Promise<void> {
    if (checkpoint === null) return;
    const running = new Set(this.projections.names);
    const names = this.readModels.filter((name) => running.has(name));
    await this.projections.awaitReadModels(names, checkpoint, READ_MODEL_WAIT_MS);
  }
}
