// What the daemon exports to Prometheus (GET /metrics): runs by outcome, the
// time of the last success, apply durations, object changes applied, drifted
// objects, and whether this instance leads or stands by. Its own Registry,
// never prom-client's global one, so two daemons in one process (tests) do
// not share counters.

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type RunOutcome = 'applied' | 'no-changes' | 'invalid' | 'refused' | 'rejected' | 'failed';

export class DaemonMetrics {
  readonly registry = new Registry();
  readonly runs: Counter<'outcome'>;
  readonly lastSuccess: Gauge;
  readonly applyDuration: Histogram;
  readonly changesApplied: Counter;
  readonly drifted: Gauge;
  readonly leader: Gauge;
  readonly webhooks: Counter<'result'>;

  constructor() {
    const registers = [this.registry];
    this.runs = new Counter({
      name: 'didsync_runs_total',
      help: 'Sync runs by outcome (rejected: the database refused the change, not retried; failed: a fault such as git or the database being away, retried)',
      labelNames: ['outcome'], registers,
    });
    for (const outcome of ['applied', 'no-changes', 'invalid', 'refused', 'rejected', 'failed']) this.runs.inc({ outcome }, 0);
    this.lastSuccess = new Gauge({
      name: 'didsync_last_success_timestamp_seconds', help: 'Unix time of the last run that applied or found nothing to apply', registers,
    });
    this.applyDuration = new Histogram({
      name: 'didsync_apply_duration_seconds', help: 'Time to plan and apply one commit',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120], registers,
    });
    this.changesApplied = new Counter({ name: 'didsync_changes_applied_total', help: 'Object changes (create, update, delete, adopt) applied', registers });
    this.drifted = new Gauge({ name: 'didsync_drifted_objects', help: 'Managed objects whose database rows differ from the last apply', registers });
    this.leader = new Gauge({ name: 'didsync_leader', help: '1 while this instance is the leader that applies, 0 while it stands by', registers });
    this.webhooks = new Counter({ name: 'didsync_webhooks_total', help: 'Webhook requests by result', labelNames: ['result'], registers });
    collectDefaultMetrics({ register: this.registry, prefix: 'didsync_' });
  }

  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
