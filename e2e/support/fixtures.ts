import { test as base } from '@playwright/test';
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

export const test = base.extend<{ containers: Containers }>({
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
});

export { expect } from '@playwright/test';
