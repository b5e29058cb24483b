// The form's view model to `POST /build`'s query (tags repeat as `t`; args and labels are JSON).

export interface BuildForm {
  source: 'dockerfile' | 'tar' | 'remote';
  dockerfile: string;
  remote: string;
  /** Path of the Dockerfile inside an uploaded context or repository ('' = Dockerfile). */
  dockerfilePath: string;
  tags: string;
  buildArgs: string;
  labels: string;
  target: string;
  nocache: boolean;
  pull: boolean;
}

/** `KEY=VALUE` lines (blank lines and `#` comments skipped); a line without `=` is an error. */
export function parsePairs(text: string): { pairs: Record<string, string>; error: string | null } {
  const pairs: Record<string, string> = {};
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { pairs, error: `Line ${index + 1}: write KEY=VALUE.` };
    pairs[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  return { pairs, error: null };
}

export function splitTags(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

export function toBuildQuery(form: BuildForm): URLSearchParams {
  const query = new URLSearchParams();
  for (const tag of splitTags(form.tags)) query.append('t', tag);
  const args = parsePairs(form.buildArgs).pairs;
  if (Object.keys(args).length) query.set('buildargs', JSON.stringify(args));
  const labels = parsePairs(form.labels).pairs;
  if (Object.keys(labels).length) query.set('labels', JSON.stringify(labels));
  if (form.target.trim()) query.set('target', form.target.trim());
  if (form.nocache) query.set('nocache', '1');
  if (form.pull) query.set('pull', '1');
  if (form.source === 'remote') query.set('remote', form.remote.trim());
  if (form.source !== 'dockerfile' && form.dockerfilePath.trim())
    query.set('dockerfile', form.dockerfilePath.trim());
  // Remove intermediate containers even when a step fails, as `docker build` does.
  query.set('rm', '1');
  query.set('forcerm', '1');
  return query;
}
