// The daemon's cron schedules (node-cron; 5 fields, or 6 with seconds):
// checking git for new commits and checking for drift. A schedule can be
// changed while running, because the config's Settings may change it with a
// commit; an expression that does not parse keeps the one in force. A tick
// only asks the work queue for a job: it never runs work itself.

import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from './logger.js';

export class Schedules {
  private readonly tasks = new Map<string, { expression: string; task: ScheduledTask }>();

  constructor(private readonly log: Logger) {}

  /** Run `tick` on `expression` under `name`; returns false (and keeps the old one) when it does not parse. */
  set(name: string, expression: string, tick: () => void): boolean {
    const current = this.tasks.get(name);
    if (current?.expression === expression) return true;
    if (!cron.validate(expression)) {
      this.log.warn({ schedule: name, expression }, `the ${name} schedule '${expression}' is not a cron expression; keeping ${current ? `'${current.expression}'` : 'none'}`);
      return false;
    }
    void current?.task.destroy();
    const logger = {
      info: (m: string) => this.log.debug({ schedule: name }, m),
      warn: (m: string) => this.log.debug({ schedule: name }, m),
      error: (m: string | Error) => this.log.error({ schedule: name }, String(m)),
      debug: () => undefined,
    };
    const task = cron.schedule(expression, () => tick(), { name: `didsync-${name}`, logger, suppressMissedWarning: true });
    this.tasks.set(name, { expression, task });
    this.log.info({ schedule: name, expression }, `${name} schedule: ${expression}`);
    return true;
  }

  expression(name: string): string | undefined {
    return this.tasks.get(name)?.expression;
  }

  async stop(): Promise<void> {
    for (const { task } of this.tasks.values()) await task.destroy();
    this.tasks.clear();
  }
}
