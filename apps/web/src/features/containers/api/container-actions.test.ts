import { describe, expect, it } from 'vitest';
import { validateContainerName } from './container-actions';

describe('validateContainerName', () => {
  it("accepts Docker's names, with or without a leading slash", () => {
    for (const name of ['web', 'web_1', 'a.b-c', '/web2', 'X9']) {
      expect(validateContainerName(name)).toBeNull();
    }
  });

  it('rejects empty, one-character and badly started or spelled names', () => {
    for (const name of ['', ' ', 'a', '-web', '.web', 'web 1', 'web/1', 'wéb']) {
      expect(validateContainerName(name)).not.toBeNull();
    }
  });
});
