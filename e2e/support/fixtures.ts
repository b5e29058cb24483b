import { test as base } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import type { Role } from '@berth/api';
import { ADMIN_STATE, createUser, CSRF_HEADERS, deleteUser } from './auth';
import type { TestUser } from './auth';
import { createContainer, removeContainer, uniqueName } from './engine';

interface Containers {
  /** Creates a container on the engine (removed again after the test) and returns its id. */
  create: (
    label: string,
    options?: { cmd?: string[]; start?: boolean },
  ) => Promise<{
    id: string;
    name: string;
  }>;
}

interface Users {
  /** Creates a Berth user through the admin's API session (deleted after the test). */
  create: (label: string, role: Role) => Promise<TestUser>;
}

export const test = base.extend<{
  containers: Containers;
  adminApi: APIRequestContext;
  users: Users;
}>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  containers: async ({}, use) => {
    const made: string[] = [];
    await use({
      create: async (label, options) => {
        const name = uniqueName(label);
        made.push(name);
        const id = await createContainer(name, options);
        return { id, name };
      },
    });
    await Promise.all(made.map((name) => removeContainer(name)));
  },

  /** The gateway's API as the admin, whatever session the page under test has. */
  adminApi: async ({ playwright, baseURL }, use) => {
    const api = await playwright.request.newContext({
      baseURL,
      storageState: ADMIN_STATE,
      extraHTTPHeaders: CSRF_HEADERS,
    });
    await use(api);
    await api.dispose();
  },

  users: async ({ adminApi }, use) => {
    const made: number[] = [];
    await use({
      create: async (label, role) => {
        const user = await createUser(adminApi, uniqueName(label), role);
        made.push(user.id);
        return user;
      },
    });
    for (const id of made) await deleteUser(adminApi, id);
  },
});

export { expect } from '@playwright/test';
