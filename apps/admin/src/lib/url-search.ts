/** The URL's query with some parameters changed (null or '' removes one), as `a=1&b=2`; empty when none are left. */
export function searchWith(url: URL, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(url.searchParams);
  for (const [key, value] of Object.entries(changes)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return params.toString();
}
