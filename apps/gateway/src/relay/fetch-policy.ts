import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { hostname as osHostname, networkInterfaces } from 'node:os';
import {
  DOCKER_HUB,
  normaliseRegistryHost,
  roleAtLeast,
  type EngineFetchPolicy,
  type Role,
} from '@berth/api';
import type { EngineFetch } from './engine-fetches';

/** Addresses an engine must not be sent to by a caller: they reach what only its host can. */
const SPECIAL = new BlockList();
SPECIAL.addSubnet('127.0.0.0', 8, 'ipv4');
SPECIAL.addSubnet('0.0.0.0', 8, 'ipv4');
SPECIAL.addSubnet('169.254.0.0', 16, 'ipv4');
SPECIAL.addAddress('::1', 'ipv6');
SPECIAL.addAddress('::', 'ipv6');
SPECIAL.addSubnet('fe80::', 10, 'ipv6');

/** `host`, `host:port`, `[v6]:port` → the host name or address alone, lower-cased. */
export function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed?.[1]) return bracketed[1].toLowerCase();
  const colons = host.split(':').length - 1;
  // A bare IPv6 address has several colons and no port.
  if (colons > 1) return host.toLowerCase();
  return (host.split(':')[0] ?? '').toLowerCase();
}

function specialAddress(address: string): boolean {
  const unmapped = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  const family = isIP(unmapped);
  if (family === 4) return SPECIAL.check(unmapped, 'ipv4');
  if (family === 6) return SPECIAL.check(unmapped, 'ipv6');
  return false;
}

/** What kind of special place a host is, in words, or undefined for an ordinary one. */
async function specialKind(
  name: string,
  engineHost: ReadonlySet<string>,
): Promise<string | undefined> {
  if (name === 'localhost' || name.endsWith('.localhost')) return 'a loopback address';
  const literal = isIP(name) !== 0;
  const addresses = literal
    ? [name]
    : await lookup(name, { all: true, verbatim: true }).then(
        (found) => found.map((a) => a.address),
        // Unknown here is unknown to the engine too in the common case; the engine will say so.
        () => [],
      );
  for (const address of addresses) {
    if (specialAddress(address)) {
      return address.startsWith('169.254') || address.toLowerCase().startsWith('fe80')
        ? 'a link-local address'
        : 'a loopback address';
    }
  }
  if (engineHost.has(name) || addresses.some((a) => engineHost.has(a.toLowerCase())))
    return "the engine host's own address";
  return undefined;
}

/** The engine host's own names and addresses: those of this machine for a local socket. */
export function engineHostAddresses(engineUrl: string): Set<string> {
  const out = new Set<string>();
  let parsed: URL | undefined;
  try {
    parsed = new URL(engineUrl);
  } catch {
    return out;
  }
  if (parsed.protocol === 'unix:') {
    out.add(osHostname().toLowerCase());
    for (const list of Object.values(networkInterfaces()))
      for (const entry of list ?? []) out.add(entry.address.toLowerCase());
  } else if (parsed.hostname) {
    out.add(hostnameOf(parsed.host));
  }
  return out;
}

export interface FetchPolicyContext {
  policy: EngineFetchPolicy;
  role: Role;
  /** Hosts of the saved registries: admins put them there, so they are allowed. */
  savedRegistryHosts: readonly string[];
  engineHost: ReadonlySet<string>;
}

function appliesTo(policy: EngineFetchPolicy, role: Role): boolean {
  if (policy.appliesTo === 'off') return false;
  return policy.appliesTo === 'everyone' || !roleAtLeast(role, 'admin');
}

type EntryMatch = 'exact' | 'wildcard' | undefined;

function matchEntry(entry: string, host: string): EntryMatch {
  const wanted = normaliseRegistryHost(entry);
  if (wanted.startsWith('*.'))
    return hostnameOf(host).endsWith(wanted.slice(1)) ? 'wildcard' : undefined;
  if (wanted === host) return 'exact';
  // An entry without a port allows that host on any port.
  const hasPort =
    /:\d+$/.test(wanted) && (wanted.startsWith('[') || wanted.split(':').length === 2);
  return !hasPort && hostnameOf(wanted) === hostnameOf(host) ? 'exact' : undefined;
}

/**
 * Why the engine may not fetch from these places for this caller, one sentence each; empty when
 * it may. Saved registries and Docker Hub (unless an admin took it off) are allowed, then the
 * hosts an admin listed; loopback, link-local and the engine host's own addresses only when an
 * admin named them exactly (a wildcard or a name that resolves there is not enough).
 */
export async function fetchPolicyProblems(
  fetches: readonly EngineFetch[],
  context: FetchPolicyContext,
): Promise<string[]> {
  if (!fetches.length || !appliesTo(context.policy, context.role)) return [];
  const problems: string[] = [];
  for (const fetch of fetches) {
    if (fetch.host === undefined) {
      problems.push(`${fetch.key} does not name a host Berth can check`);
      continue;
    }
    const host = normaliseRegistryHost(fetch.host);
    if (context.savedRegistryHosts.includes(host)) continue;
    if (host === DOCKER_HUB && context.policy.allowDockerHub) continue;
    const matches = context.policy.allowedHosts.map((entry) => matchEntry(entry, host));
    if (matches.includes('exact')) continue;
    const special = await specialKind(hostnameOf(host), context.engineHost);
    if (special) {
      problems.push(
        `${fetch.key} points at ${host}, ${special}, which engines may reach only when an admin lists it exactly`,
      );
      continue;
    }
    if (matches.includes('wildcard')) continue;
    problems.push(
      `${fetch.key} points at ${host}, which is not a saved registry or an allowed host (Security settings)`,
    );
  }
  return problems;
}
