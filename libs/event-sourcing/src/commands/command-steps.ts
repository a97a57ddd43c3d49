export type CommandStepProbe = (step: string) => Promise<void>;

let installed: CommandStepProbe | undefined;

/**
 * Named points in a command's write path, for the crash test only: it installs a probe that
 * stops the process at one step so that a real `kill -9` lands exactly there. With no probe
 * installed (always, outside that test) a step costs one comparison.
 */
export const CommandSteps = {
  install(probe: CommandStepProbe | undefined): void {
    installed = probe;
  },
  async reached(step: string): Promise<void> {
    if (installed) await installed(step);
  },
};
