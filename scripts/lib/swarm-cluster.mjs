// A real multi-node swarm on one machine: one private dockerd per node, each in a network
// namespace (and hostname) of its own, the namespaces joined by veth pairs to a private bridge in
// the root namespace. The nodes talk only over that bridge; their sockets are unix sockets under
// /tmp, reachable from the root namespace because the filesystem is shared.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  engineAnswers,
  engineRequest,
  ensureBaseImage,
  isAlive,
  nameSlot,
  removeQuietly,
  stopByPidfile,
  waitFor,
} from './engine.mjs';

const FORM_TIMEOUT_MS = 90_000;
const ANSWER_TIMEOUT_MS = 60_000;
/** Interface names are at most 15 bytes: `<name>-br` and `<name>-v<i>` must fit. */
const NAME = /^[a-z][a-z0-9-]{0,10}$/;

const dataRoot = (name) => join('/tmp', `berth-swarm-${name}`);
const logsDir = (name) => join('/tmp', `berth-swarm-${name}-logs`);
const runDir = (name, i) => join('/tmp', `berth-run-${name}-${i}`);
const netnsName = (name, i) => `${name}-${i}`;
const bridgeName = (name) => `${name}-br`;
const vethName = (name, i) => `${name}-v${i}`;
const peerName = (name, i) => `${name}-p${i}`;
/** The cluster's /24 on its bridge; node i is .(10 + i). */
const subnetBase = (name) => `10.231.${nameSlot(name)}`;
const cgroupParent = (name, i) => `berth-${name}-${i}`;

function run(cmd, args) {
  return spawnSync(cmd, args, { encoding: 'utf8' });
}

/** Runs a command that must succeed; throws with its stderr otherwise. */
function must(cmd, args, what) {
  const res = run(cmd, args);
  if (res.status !== 0)
    throw new Error(`${what}: ${cmd} ${args.join(' ')}: ${(res.stderr || res.stdout).trim()}`);
  return res.stdout;
}

/**
 * Traffic on the bridge stays there: bridged frames between the nodes pass (FORWARD's policy is
 * DROP once any dockerd ran in the root namespace, and br_netfilter sends bridged frames through
 * it), anything from the bridge to elsewhere, or to the root namespace itself, is dropped.
 */
function iptablesRules(bridge) {
  return [
    ['FORWARD', '-i', bridge, '-o', bridge, '-j', 'ACCEPT', '-m', 'comment', '--comment', bridge],
    [
      'FORWARD',
      '-i',
      bridge,
      '!',
      '-o',
      bridge,
      '-j',
      'DROP',
      '-m',
      'comment',
      '--comment',
      bridge,
    ],
    ['INPUT', '-i', bridge, '-j', 'DROP', '-m', 'comment', '--comment', bridge],
  ];
}

function addIptablesRules(bridge) {
  // Inserted last first, so the ACCEPT ends up above the DROP.
  for (const [chain, ...spec] of [...iptablesRules(bridge)].reverse())
    must('iptables', ['-I', chain, '1', ...spec], `iptables rule for ${bridge}`);
}

function removeIptablesRules(bridge) {
  for (const [chain, ...spec] of iptablesRules(bridge)) {
    for (let n = 0; n < 20 && run('iptables', ['-D', chain, ...spec]).status === 0; n++);
  }
}

/** The netns and run folders an earlier cluster of this name left, by node number. */
function leftoverNodes(name) {
  const numbers = new Set();
  const own = new RegExp(`^${name}-(\\d+)$`);
  for (const line of run('ip', ['netns', 'list']).stdout.split('\n')) {
    const match = own.exec(line.split(' ')[0] ?? '');
    if (match) numbers.add(Number(match[1]));
  }
  const runs = new RegExp(`^berth-run-${name}-(\\d+)$`);
  for (const entry of readdirSync('/tmp')) {
    const match = runs.exec(entry);
    if (match) numbers.add(Number(match[1]));
  }
  return [...numbers].sort((a, b) => a - b);
}

/** Pids of the processes in a node's namespace and in its containers' cgroups. */
function nodePids(name, i) {
  const pids = new Set();
  const ns = netnsName(name, i);
  if (existsSync(join('/run/netns', ns))) {
    for (const pid of run('ip', ['netns', 'pids', ns]).stdout.split(/\s+/))
      if (pid) pids.add(Number(pid));
  }
  const pidsCgroup = join('/sys/fs/cgroup/pids', cgroupParent(name, i));
  for (const file of cgroupFiles(pidsCgroup, 'cgroup.procs')) {
    for (const pid of readFileSync(file, 'utf8').split('\n')) if (pid) pids.add(Number(pid));
  }
  return [...pids];
}

function cgroupFiles(dir, file) {
  if (!existsSync(dir)) return [];
  const out = [join(dir, file)];
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory()) out.push(...cgroupFiles(join(dir, entry.name), file));
  return out.filter((f) => existsSync(f));
}

/** Removes a cgroup folder tree (children first) under every mounted hierarchy. */
function removeCgroups(parent) {
  const root = '/sys/fs/cgroup';
  if (!existsSync(root)) return;
  const remove = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) remove(join(dir, entry.name));
    try {
      rmdirSync(dir);
    } catch {
      // still busy (a process in it did not die): tried again at the next start of this name
    }
  };
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory()) remove(join(root, entry.name, parent));
  }
  remove(join(root, parent));
}

/** Stops a node's dockerd, then kills whatever of that node is still running (all ours). */
async function stopNodeProcesses(name, i) {
  await stopByPidfile(join(runDir(name, i), 'docker.pid'));
  let left = nodePids(name, i);
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  if (left.length > 0) {
    try {
      await waitFor(() => left.every((pid) => !isAlive(pid)), 10_000, 'processes to die');
    } catch {
      left = left.filter(isAlive);
      process.stderr.write(`[berth] node ${netnsName(name, i)}: pids ${left} did not die\n`);
    }
  }
}

/**
 * Removes everything a cluster of this name made, running or left by an earlier run that was
 * killed: dockerds and their containers, namespaces, veths, bridge, iptables rules, folders.
 */
export async function removeSwarmCluster(name, { keepLogs = false } = {}) {
  const numbers = leftoverNodes(name);
  await Promise.all(numbers.map((i) => stopNodeProcesses(name, i)));
  for (const i of numbers) {
    const ns = netnsName(name, i);
    if (existsSync(join('/run/netns', ns))) run('ip', ['netns', 'del', ns]);
    removeCgroups(cgroupParent(name, i));
    removeQuietly(runDir(name, i));
  }
  // Veths whose peer never reached its namespace, then the bridge and its rules.
  const links = JSON.parse(run('ip', ['-j', 'link', 'show']).stdout || '[]');
  const own = new RegExp(`^${name}-[vp]\\d+$`);
  for (const link of links) if (own.test(link.ifname)) run('ip', ['link', 'del', link.ifname]);
  const bridge = bridgeName(name);
  if (run('ip', ['link', 'show', bridge]).status === 0) run('ip', ['link', 'del', bridge]);
  removeIptablesRules(bridge);
  removeQuietly(dataRoot(name));
  if (!keepLogs) removeQuietly(logsDir(name));
}

function tail(file, lines = 12) {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** An error that names the node and points at its dockerd log (with the log's last lines). */
function nodeError(node, what, cause) {
  const detail = cause ? `: ${cause.message ?? cause}` : '';
  return new Error(
    `swarm node ${node.name} (${node.addr}, ${node.role}): ${what}${detail}\n` +
      `  dockerd log: ${node.log}\n${tail(node.log)
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n')}`,
  );
}

async function api(node, method, path, body, timeoutMs = 30_000) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const res = await engineRequest(node.socket, method, path, {
    body: payload,
    headers: payload
      ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }
      : {},
    timeoutMs,
  });
  let parsed = res.body;
  try {
    parsed = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    // plain text
  }
  return { status: res.status, body: parsed };
}

function makeNetwork(name, count) {
  const bridge = bridgeName(name);
  const base = subnetBase(name);
  must('ip', ['link', 'add', 'name', bridge, 'type', 'bridge'], `bridge ${bridge}`);
  // No address on the bridge: the root namespace is not on the cluster's network at all.
  const ipv6 = `/proc/sys/net/ipv6/conf/${bridge}/disable_ipv6`;
  if (existsSync(ipv6)) writeFileSync(ipv6, '1');
  must('ip', ['link', 'set', bridge, 'up'], `bridge ${bridge}`);
  addIptablesRules(bridge);
  for (let i = 1; i <= count; i++) {
    const ns = netnsName(name, i);
    const veth = vethName(name, i);
    const peer = peerName(name, i);
    const what = `network of node ${ns}`;
    must('ip', ['netns', 'add', ns], what);
    must('ip', ['link', 'add', veth, 'type', 'veth', 'peer', 'name', peer], what);
    must('ip', ['link', 'set', peer, 'netns', ns], what);
    must('ip', ['link', 'set', veth, 'master', bridge], what);
    must('ip', ['link', 'set', veth, 'up'], what);
    const inNs = (...args) => must('ip', ['-n', ns, ...args], what);
    inNs('link', 'set', peer, 'name', 'eth0');
    inNs('addr', 'add', `${base}.${10 + i}/24`, 'dev', 'eth0');
    inNs('link', 'set', 'eth0', 'up');
    inNs('link', 'set', 'lo', 'up');
  }
}

/**
 * The dockerd of node i, started in its namespace with a mount namespace of its own: /sys is
 * mounted again there so it shows the namespace's interfaces, with the host's cgroup mounts bound
 * back on /sys/fs/cgroup (`ip netns exec` would lose them). A UTS namespace gives the node a
 * hostname of its own. Tasks never pull (DOCKER_SERVICE_PREFER_OFFLINE_IMAGE): there is no
 * registry, and nothing leaves the bridge.
 */
function spawnDockerd(node) {
  const dir = runDir(node.clusterName, node.index);
  mkdirSync(dir, { recursive: true });
  const args = [
    `--host=${node.host}`,
    `--data-root=${node.dataRoot}`,
    `--exec-root=${join(dir, 'exec')}`,
    `--pidfile=${node.pidfile}`,
    `--default-address-pool=base=10.${240 + node.index}.0.0/16,size=24`,
    `--cgroup-parent=/${cgroupParent(node.clusterName, node.index)}`,
    '--log-level=info',
  ];
  const script = [
    'set -e',
    'cg="$1"; shift',
    'mkdir -p "$cg"',
    'mount --rbind /sys/fs/cgroup "$cg"',
    'mount -t sysfs sysfs /sys',
    'mount --rbind "$cg" /sys/fs/cgroup',
    'umount -l "$cg"',
    'hostname "$1"; shift',
    'exec dockerd "$@"',
  ].join('\n');
  const out = openSync(node.log, 'a');
  const child = spawn(
    'nsenter',
    [
      `--net=/run/netns/${node.netns}`,
      '--',
      'unshare',
      '--mount',
      '--uts',
      '--propagation',
      'slave',
      '--',
      'sh',
      '-c',
      script,
      'sh',
      join(dir, 'cgroup'),
      node.name,
      ...args,
    ],
    {
      stdio: ['ignore', out, out],
      detached: true,
      env: { ...process.env, DOCKER_SERVICE_PREFER_OFFLINE_IMAGE: '1' },
    },
  );
  child.unref();
  return child.pid;
}

async function startNode(node) {
  node.pid = spawnDockerd(node);
  try {
    await waitFor(
      async () => {
        if (!isAlive(node.pid)) throw new Error('dockerd exited');
        return engineAnswers(node.host);
      },
      ANSWER_TIMEOUT_MS,
      `dockerd to answer on ${node.socket}`,
    );
  } catch (error) {
    throw nodeError(node, 'dockerd did not start', error);
  }
}

async function stopNode(node) {
  const pid = node.pid;
  await stopByPidfile(node.pidfile, pid);
  // stopByPidfile sends SIGKILL after 20 s without waiting: a start() right after must not race.
  if (pid) await waitFor(() => !isAlive(pid), 10_000, `dockerd ${pid} of ${node.name} to exit`);
}

/**
 * Starts a swarm of `managers` managers and `workers` workers, each node a dockerd of its own
 * (see the top of this file), and waits until node 1 (the leader) lists them all ready.
 * Whatever it made is removed again when it throws.
 */
export async function startSwarmCluster({ name, managers = 3, workers = 2 } = {}) {
  if (!NAME.test(name ?? ''))
    throw new Error(`cluster name must match ${NAME} (it names interfaces): ${name}`);
  const count = managers + workers;
  if (managers < 1 || workers < 0 || count > 15)
    throw new Error('a cluster has 1 to 15 nodes, at least one a manager');
  await removeSwarmCluster(name);
  const base = subnetBase(name);
  mkdirSync(logsDir(name), { recursive: true });
  const nodes = Array.from({ length: count }, (_, n) => {
    const index = n + 1;
    const dir = runDir(name, index);
    const socket = join(dir, 'docker.sock');
    return {
      clusterName: name,
      index,
      name: netnsName(name, index),
      netns: netnsName(name, index),
      role: index <= managers ? 'manager' : 'worker',
      addr: `${base}.${10 + index}`,
      socket,
      host: `unix://${socket}`,
      pidfile: join(dir, 'docker.pid'),
      dataRoot: join(dataRoot(name), `node-${index}`),
      log: join(logsDir(name), `${netnsName(name, index)}.log`),
      pid: undefined,
    };
  });
  const started = Date.now();
  try {
    makeNetwork(name, count);
    await Promise.all(nodes.map(startNode));
    const [first, ...rest] = nodes;
    const init = await api(first, 'POST', '/swarm/init', {
      ListenAddr: '0.0.0.0:2377',
      AdvertiseAddr: `${first.addr}:2377`,
    });
    if (init.status !== 200) throw nodeError(first, `swarm init: ${init.status}`, init.body);
    const swarm = await api(first, 'GET', '/swarm');
    if (swarm.status !== 200) throw nodeError(first, `swarm inspect: ${swarm.status}`, swarm.body);
    const tokens = swarm.body.JoinTokens;
    const join = async (node) => {
      const res = await api(
        node,
        'POST',
        '/swarm/join',
        {
          ListenAddr: '0.0.0.0:2377',
          AdvertiseAddr: `${node.addr}:2377`,
          RemoteAddrs: [`${first.addr}:2377`],
          JoinToken: node.role === 'manager' ? tokens.Manager : tokens.Worker,
        },
        FORM_TIMEOUT_MS,
      );
      if (res.status !== 200)
        throw nodeError(node, `swarm join: ${res.status}`, res.body?.message ?? res.body);
    };
    // Managers one at a time (each joins the raft group), then the workers together.
    for (const node of rest.filter((n) => n.role === 'manager')) await join(node);
    await Promise.all(rest.filter((n) => n.role === 'worker').map(join));
    let listed = [];
    try {
      await waitFor(
        async () => {
          const res = await api(first, 'GET', '/nodes');
          listed = res.status === 200 ? res.body : [];
          return (
            listed.length === count &&
            listed.every(
              (n) =>
                n.Status.State === 'ready' &&
                (n.Spec.Role !== 'manager' || n.ManagerStatus?.Reachability === 'reachable'),
            )
          );
        },
        FORM_TIMEOUT_MS,
        `${count} nodes ready`,
      );
    } catch (error) {
      const seen = listed.map((n) => `${n.Description.Hostname}=${n.Status.State}`).join(', ');
      throw nodeError(first, `the cluster did not form (listed: ${seen || 'none'})`, error);
    }
    await Promise.all(
      nodes.map((node) =>
        ensureBaseImage(node.host).catch((error) => {
          throw nodeError(node, 'base image import failed', error);
        }),
      ),
    );
  } catch (error) {
    // Logs are kept (named in the error) until the next start or stop of this cluster.
    await removeSwarmCluster(name, { keepLogs: true });
    throw error;
  }
  const formedMs = Date.now() - started;
  const handles = nodes.map((node) => ({
    name: node.name,
    host: node.host,
    socket: node.socket,
    addr: node.addr,
    role: node.role,
    log: node.log,
    get pid() {
      return node.pid;
    },
    stop: () => stopNode(node),
    start: () => startNode(node),
  }));
  return {
    name,
    nodes: handles,
    leader: handles[0],
    formedMs,
    stop: ({ keepLogs = false } = {}) => removeSwarmCluster(name, { keepLogs }),
  };
}

/** Copies a cluster's logs somewhere they outlive its stop (for a failed test's report). */
export function saveSwarmLogs(name, to) {
  mkdirSync(to, { recursive: true });
  if (!existsSync(logsDir(name))) return;
  for (const file of readdirSync(logsDir(name)))
    copyFileSync(join(logsDir(name), file), join(to, file));
}

/**
 * What the e2e specs need of a cluster (BERTH_E2E_CLUSTER): each node's name, socket and role,
 * the leader first, as JSON.
 */
export function clusterEnv(cluster) {
  return JSON.stringify(cluster.nodes.map(({ name, host, role }) => ({ name, host, role })));
}
