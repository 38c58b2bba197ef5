import { loadCoverage } from './load-dashboard';
import type { PageLoad } from './$types';

export const load = (async ({ parent, url, depends }) => {
  depends('app:coverage');
  await parent();
  return { coverage: await loadCoverage(url) };
}) satisfies PageLoad;
