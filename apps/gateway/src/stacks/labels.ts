// The labels the compose CLI puts on what it makes, so that it (and every tool reading them) sees
// Berth's stacks as its own, and Berth sees the CLI's. Names as in docker-compose's const.py.

export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  configHash: 'com.docker.compose.config-hash',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  environmentFile: 'com.docker.compose.project.environment_file',
  dependsOn: 'com.docker.compose.depends_on',
  image: 'com.docker.compose.image',
  version: 'com.docker.compose.version',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
  swarmNamespace: 'com.docker.stack.namespace',
} as const;

/**
 * The compose version whose label format Berth writes. docker-compose 1.29 parses this label and
 * treats anything older than 1.21 as a legacy project name scheme, so it must be a real version.
 */
export const COMPOSE_LABEL_VERSION = '1.29.2';
