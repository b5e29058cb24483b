import { describe, expect, it } from 'vitest';
import { ComposeFileError, loadComposeFile } from './compose-file';
import { planSwarmStack } from './swarm-plan';

function plan(yaml: string, vars: Record<string, string> = {}) {
  return planSwarmStack('shop', loadComposeFile(yaml), yaml, vars);
}

function problemsOf(yaml: string) {
  try {
    plan(yaml);
  } catch (error) {
    if (error instanceof ComposeFileError) return error.problems;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('planSwarmStack', () => {
  it('makes namespaced services on an overlay default network, as docker stack deploy does', () => {
    const result = plan(`
services:
  web:
    image: busybox
    entrypoint: ["sh", "-c"]
    command: ["sleep 1"]
    ports:
      - "8080:80"
      - target: 53
        published: 5353
        protocol: udp
        mode: host
    deploy:
      mode: global
      placement:
        preferences:
          - spread: node.labels.zone
`);
    expect(result.networks.map((n) => [n.name, n.body.Driver])).toEqual([
      ['shop_default', 'overlay'],
    ]);
    const spec = result.services[0]?.spec as Record<string, unknown>;
    expect(spec).toMatchObject({
      Name: 'shop_web',
      Labels: { 'com.docker.stack.namespace': 'shop', 'com.docker.stack.image': 'busybox' },
      Mode: { Global: {} },
      TaskTemplate: {
        ContainerSpec: { Command: ['sh', '-c'], Args: ['sleep 1'] },
        Placement: { Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }] },
        Networks: [{ Target: 'shop_default', Aliases: ['web'] }],
      },
      EndpointSpec: {
        Ports: [
          { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
          { Protocol: 'udp', TargetPort: 53, PublishedPort: 5353, PublishMode: 'host' },
        ],
      },
    });
  });

  it('takes secret data from a .env variable and config data inline', () => {
    const result = plan(
      `
services:
  web:
    image: busybox
    secrets: [token]
secrets:
  token:
    environment: TOKEN
configs:
  motd:
    content: hi
`,
      { TOKEN: 's3cret' },
    );
    expect(result.secrets[0]?.body).toMatchObject({
      Name: 'shop_token',
      Data: Buffer.from('s3cret').toString('base64'),
    });
    expect(result.configs[0]?.body).toMatchObject({ Name: 'shop_motd', Data: 'aGk=' });
  });

  it('refuses keys swarm would ignore, and file secrets, by name at their line', () => {
    const problems = problemsOf(`services:
  web:
    image: busybox
    privileged: true
    depends_on: [db]
  db:
    image: busybox
secrets:
  key:
    file: ./key.pem
`);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 9,
        message: expect.stringContaining('secrets.key: "file" is not supported') as string,
      }),
      expect.objectContaining({
        line: 4,
        message: 'services.web: "privileged" is not supported for swarm stacks',
      }),
    ]);
  });

  it('says that depends_on has no meaning in swarm instead of dropping it silently', () => {
    const result = plan(`services:
  web:
    image: busybox
    depends_on: [db]
  db:
    image: busybox
`);
    expect(result.notes).toEqual([
      'services.web.depends_on: swarm starts services in no order (as docker stack deploy)',
    ]);
  });
});
