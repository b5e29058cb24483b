// Who the specs are: the admin the first-run spec creates, and throwaway users made through the
// gateway's API with the admin's session.
import { fileURLToPath } from 'node:url';
import type { APIRequestContext } from '@playwright/test';
import type { Role, UserSummary } from '@berth/api';

export const ADMIN = {
  username: 'admin',
  password: process.env.BERTH_E2E_ADMIN_PASSWORD ?? 'harbour-lights-2026',
};

/** The gateway under test (`npm test` starts one and sets this). */
export const BASE_URL = process.env.BERTH_E2E_URL ?? 'http://127.0.0.1:7431';

/**
 * Where the setup project saves the admin's session for every other spec: one file per gateway,
 * so runs against different gateways at once (while developing) don't swap sessions.
 */
export const ADMIN_STATE = fileURLToPath(
  new URL(`../.auth/admin-${new URL(BASE_URL).port || '80'}.json`, import.meta.url),
);

/** A browser's mutations carry this header (or a same-origin Origin); the gateway wants one. */
export const CSRF_HEADERS = { 'X-Berth-Csrf': '1' };

/** A logged-out browser context. */
export const NO_SESSION = { cookies: [], origins: [] };

export interface TestUser {
  id: number;
  username: string;
  password: string;
  role: Role;
}

/** A password that meets the policy and differs per user. */
export function passwordFor(username: string): string {
  return `pw-${username.split('').reverse().join('')}-Qx7!`;
}

export async function createUser(
  api: APIRequestContext,
  username: string,
  role: Role,
): Promise<TestUser> {
  const password = passwordFor(username);
  const response = await api.post('/api/users', { data: { username, password, role } });
  if (response.status() !== 201) {
    throw new Error(`create user ${username}: ${response.status()} ${await response.text()}`);
  }
  const user = (await response.json()) as UserSummary;
  return { id: user.id, username, password, role };
}

export async function deleteUser(api: APIRequestContext, id: number): Promise<void> {
  const response = await api.delete(`/api/users/${id}`);
  if (response.status() !== 204 && response.status() !== 404) {
    throw new Error(`delete user ${id}: ${response.status()} ${await response.text()}`);
  }
}
