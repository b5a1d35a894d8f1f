// The deployment examples in examples/deploy: the Kubernetes manifest runs
// two replicas of the daemon (one leads, one stands by), probes liveness on
// /healthz and readiness on /readyz at the port the daemon listens on, takes
// the database URL and the webhook secret from a Secret, and gives a running
// apply longer than the daemon's 20 s stop grace; the systemd unit runs
// `didsync daemon` and waits as long on stop.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';

const DEPLOY = join(import.meta.dirname, '../../examples/deploy');
/** How long the daemon lets a running apply finish after SIGTERM (src/daemon/daemon.ts, stopGraceMs). */
const STOP_GRACE_SECONDS = 20;

interface EnvVar { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }
interface Probe { httpGet: { path: string; port: string | number } }
interface Container {
  args: string[]; env: EnvVar[]; ports: Array<{ name: string; containerPort: number }>;
  livenessProbe: Probe; readinessProbe: Probe;
}
interface Deployment {
  kind: 'Deployment';
  spec: { replicas: number; template: { metadata: { labels: Record<string, string> }; spec: { terminationGracePeriodSeconds: number; containers: Container[] } } };
}

describe('Kubernetes manifest', () => {
  const docs = parseAllDocuments(readFileSync(join(DEPLOY, 'kubernetes.yaml'), 'utf8')).map((d) => {
    assert.deepEqual(d.errors, []);
    return d.toJSON() as { kind: string } & Record<string, any>;
  });
  const deployment = docs.find((d) => d.kind === 'Deployment') as Deployment;
  const pod = deployment.spec.template.spec;
  const [container] = pod.containers;
  const portOf = (p: Probe) => (typeof p.httpGet.port === 'number' ? p.httpGet.port : container.ports.find((x) => x.name === p.httpGet.port)?.containerPort);
  const flag = (name: string) => container.args[container.args.indexOf(name) + 1];

  test('two replicas of the daemon', () => {
    assert.equal(deployment.spec.replicas, 2);
    assert.equal(pod.containers.length, 1);
    assert.equal(container.args[0], 'daemon');
    assert.ok(container.args.includes('--repo'));
  });

  test('liveness on /healthz and readiness on /readyz, at the port the daemon listens on', () => {
    assert.equal(container.livenessProbe.httpGet.path, '/healthz');
    assert.equal(container.readinessProbe.httpGet.path, '/readyz');
    const listen = flag('--listen');
    assert.match(listen, /^0\.0\.0\.0:\d+$/, 'reachable by the kubelet, not on loopback only');
    const port = Number(listen.split(':')[1]);
    assert.equal(portOf(container.livenessProbe), port);
    assert.equal(portOf(container.readinessProbe), port);
  });

  test('the database URL and the webhook secret come from a Secret, never written in the manifest', () => {
    for (const name of ['DATABASE_URL', 'DIDSYNC_WEBHOOK_SECRET']) {
      const v = container.env.find((e) => e.name === name);
      assert.ok(v, `${name} is set`);
      assert.equal(v.value, undefined, `${name} has no literal value`);
      assert.deepEqual(v.valueFrom?.secretKeyRef, { name: 'didsync', key: name });
    }
  });

  test('a running apply has time to finish on SIGTERM; the Service selects the pods', () => {
    assert.ok(pod.terminationGracePeriodSeconds > STOP_GRACE_SECONDS);
    const service = docs.find((d) => d.kind === 'Service')!;
    for (const [k, v] of Object.entries(service.spec.selector as Record<string, string>)) assert.equal(deployment.spec.template.metadata.labels[k], v);
  });
});

describe('systemd unit', () => {
  // Continuation lines joined, comments dropped: key=value per section.
  const lines = readFileSync(join(DEPLOY, 'didsync.service'), 'utf8').replace(/\\\n\s*/g, ' ').split('\n');
  const service = new Map<string, string>();
  let section = '';
  for (const line of lines) {
    const header = /^\[(\w+)\]$/.exec(line.trim());
    if (header) section = header[1];
    else if (section === 'Service' && /^\w+=/.test(line)) service.set(line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim());
  }

  test('ExecStart runs didsync daemon following the repository', () => {
    const exec = service.get('ExecStart') ?? '';
    assert.match(exec, /^\S*\/didsync daemon /);
    assert.match(exec, / --repo \S+/);
  });

  test('stops with SIGTERM and waits longer than the stop grace', () => {
    assert.equal(service.get('KillSignal'), 'SIGTERM');
    assert.ok(Number.parseInt(service.get('TimeoutStopSec') ?? '0', 10) > STOP_GRACE_SECONDS);
  });
});
